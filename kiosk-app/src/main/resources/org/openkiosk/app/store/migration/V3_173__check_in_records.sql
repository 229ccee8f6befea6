-- ADR 0173: check-ins and every queue ticket of a hall kiosk go through its journal. A CHECK_IN record whose
-- appointment another record checked in first (the same slip at two kiosks at once), or that was cancelled
-- meanwhile, is received once (hall_record) and not applied: this table says why, next to the receipt. Kiosks only
-- insert here (hall_record stays append-only for them).
CREATE TABLE hall_record_declined (
    record_key  VARCHAR(80)  PRIMARY KEY REFERENCES hall_record (record_key),
    reason      VARCHAR(200) NOT NULL,
    declined_at TIMESTAMP WITH TIME ZONE NOT NULL
);
