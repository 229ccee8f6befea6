-- ADR 0176: where the audit chain was cut after its oldest records were archived to a file.
-- One row per archive: the signed cut (AuditArchiveCut.text(): first and last archived record, the link of the last,
-- the archive file's SHA-256) anchors the records that remain, so the chain still verifies from record 1.
-- Written by `kiosk audit archive` in the same transaction that deletes the archived records; never updated.
CREATE TABLE audit_archive (
    through_seq  BIGINT        NOT NULL PRIMARY KEY,
    from_seq     BIGINT        NOT NULL UNIQUE,
    archived_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    cut          VARCHAR(2000) NOT NULL
);
