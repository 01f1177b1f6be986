-- 预约 and following one's turn (issue 16). The hall's booking rules; each service's slot template
-- (replicated to managers); the bookings, their codes and the slips' follow tokens, which are the
-- hub's alone: a booking holds a name, a masked ID number, a keyed hash of the whole one and a phone,
-- and a code or token is a bearer's right to act on it.
  ALTER TABLE halls ADD COLUMN booking_settings TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE booking_templates (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    service_id TEXT NOT NULL UNIQUE REFERENCES services(id),
    lines TEXT NOT NULL, updated_at INTEGER NOT NULL
  );
  CREATE TABLE bookings (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    code TEXT NOT NULL UNIQUE,
    service_id TEXT NOT NULL REFERENCES services(id),
    day TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
    name TEXT NOT NULL, id_masked TEXT NOT NULL, id_hash TEXT NOT NULL, phone TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in', 'no_show')),
    created_at INTEGER NOT NULL, changed_at INTEGER NOT NULL,
    cancel_reason TEXT, ticket_id TEXT REFERENCES tickets(id)
  );
  CREATE INDEX bookings_slot ON bookings(service_id, day, start) WHERE status <> 'cancelled';
  CREATE INDEX bookings_person ON bookings(id_hash, day);
  CREATE INDEX bookings_open ON bookings(day) WHERE status = 'booked';
  CREATE TABLE follow_tokens (
    token TEXT PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id), day TEXT NOT NULL
  );
  -- Replicas hold halls without the new column: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
