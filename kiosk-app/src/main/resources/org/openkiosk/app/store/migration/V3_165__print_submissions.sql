-- ADR 0165: durable before it is said, for certificate prints. The kiosk notes each job before it sends it to the
-- printer and the printer's answer before it tells the citizen, in its own H2 file (a hall kiosk's journal, or a
-- stand-alone kiosk's store), then applies the answer to the print row in the store. A note without an answer
-- (a crash mid-print) or an answer the store has not taken (an outage) is reconciled at start-up and after the
-- store is reachable again, against the printer's job history.
CREATE TABLE print_submission (
    certificate_number VARCHAR(48)  PRIMARY KEY,
    certificate_type   VARCHAR(32)  NOT NULL,
    holder_key         CHAR(64)     NOT NULL,
    holder_masked      VARCHAR(32)  NOT NULL,
    issued_number      VARCHAR(48)  NOT NULL,
    job_name           VARCHAR(300) NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PRINTED, FAILED or UNKNOWN; null while the printer's answer is not recorded
    outcome            VARCHAR(8),
    detail             VARCHAR(300),
    document_sha256    CHAR(64),
    decided_at         TIMESTAMP WITH TIME ZONE,
    -- when the store's print row took the outcome
    applied_at         TIMESTAMP WITH TIME ZONE
);

-- Why a PENDING print row stays pending for good: the printer could not say whether the paper came out. It keeps
-- counting against the reprint limit; staff decide.
ALTER TABLE certificate_print ADD COLUMN reconciliation VARCHAR(300);
