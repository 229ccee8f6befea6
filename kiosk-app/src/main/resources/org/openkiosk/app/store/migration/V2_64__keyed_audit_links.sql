-- ADR 0064: audit links keyed with a secret the database does not hold (HMAC-SHA256). Records written before
-- carry unkeyed SHA-256 links (version 1); the first keyed record chains onto the last of them, which binds them.
ALTER TABLE audit_log ADD COLUMN link_version SMALLINT DEFAULT 1 NOT NULL;

-- The first record with a keyed link; signed into the head published outside the database (NULL: none yet).
ALTER TABLE audit_head ADD COLUMN first_keyed BIGINT;
