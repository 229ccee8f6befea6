-- ADR 0173: check-ins and every queue ticket of a hall kiosk go through its journal. A CHECK_IN record whose
-- appointment another record checked in first (the same slip at two kiosks at once), or that was cancelled
-- meanwhile, is received once and not applied: the receipt keeps why, and the kiosk that sent it says so.
ALTER TABLE hall_record ADD COLUMN declined VARCHAR(200);
