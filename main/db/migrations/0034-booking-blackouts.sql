-- 预约 blackout days (issue 16): a day, or one service on a day, closed for booking with the
-- manager's reason (replicated to the managers: it names nobody). The bookings a blackout cancelled
-- point to it, so the person who looks their booking up reads why.
  CREATE TABLE booking_blackouts (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    day TEXT NOT NULL, service_id TEXT REFERENCES services(id),
    reason TEXT NOT NULL, staff_id TEXT REFERENCES staff(id), created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX booking_blackouts_day ON booking_blackouts(hall_id, day, COALESCE(service_id, ''));
  ALTER TABLE bookings ADD COLUMN blackout_id TEXT REFERENCES booking_blackouts(id);
