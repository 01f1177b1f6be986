-- A blackout lifted (恢复预约): declared by mistake, or its cause gone. The row stays, because the
-- bookings it cancelled point to it and their holders read its reason; the day opens for booking
-- again, so at most one blackout per day and service is in force, while lifted ones accumulate.
  ALTER TABLE booking_blackouts ADD COLUMN lifted_at INTEGER;
  ALTER TABLE booking_blackouts ADD COLUMN lifted_by TEXT REFERENCES staff(id);
  ALTER TABLE booking_blackouts ADD COLUMN lift_reason TEXT CHECK ((lift_reason IS NULL) = (lifted_at IS NULL));
  DROP INDEX booking_blackouts_day;
  CREATE UNIQUE INDEX booking_blackouts_day ON booking_blackouts(hall_id, day, COALESCE(service_id, '')) WHERE lifted_at IS NULL;
  -- Replicas hold blackouts without the new columns: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
