-- ADR 0199: check-in records of this kiosk that the hall store received and declined (the appointment was checked in
-- by another kiosk's record first, or cancelled), as the shipper learned it from the hall's answer to a forward. One
-- row per record, written in the transaction that marks the record forwarded (a resend or a reforward adds none);
-- audited_at once its CHECK_IN_DECLINED audit entry is in the journal's chain; said_at when the citizen was told at
-- the kiosk (nothing printed) — a decline never said is one whose ticket was printed as "not yet confirmed", and the
-- operator is alarmed. Used in the kiosk's H2 journal only.
CREATE TABLE journal_declined (
    record_key  VARCHAR(80)  PRIMARY KEY,
    reason      VARCHAR(200) NOT NULL,
    declined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    audited_at  TIMESTAMP WITH TIME ZONE,
    said_at     TIMESTAMP WITH TIME ZONE
);
