-- ADR 0162: journal records forwarded to targets beside the hall store (the evaluation platform's ratings).
-- One row per record and target once the target has taken it (DELIVERED) or refused it for good (REJECTED);
-- a record of the target's kinds without a row is waiting. Used in the kiosk's H2 journal only.
CREATE TABLE journal_delivery (
    target       VARCHAR(32)  NOT NULL,
    record_key   VARCHAR(80)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    detail       VARCHAR(500),
    PRIMARY KEY (target, record_key),
    CONSTRAINT ck_journal_delivery_outcome CHECK (outcome IN ('DELIVERED', 'REJECTED'))
);
