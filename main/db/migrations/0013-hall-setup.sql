-- Hall setup from the product: the hall's zones as a list of their own; each service's ticketing
-- hours and the priority classes it takes; staff who can be disabled (a departed clerk keeps their
-- name in history but signs in nowhere) and the card applicants see at the window.
  CREATE TABLE zones (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), name TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0,
    UNIQUE (hall_id, name)
  );
  INSERT INTO zones (id, hall_id, name, sort)
    SELECT hall_id || '-z-' || lower(hex(zone)), hall_id, zone, row_number() OVER (PARTITION BY hall_id ORDER BY min(number))
    FROM counters WHERE zone <> '' GROUP BY hall_id, zone;
  ALTER TABLE services ADD COLUMN ticket_from TEXT CHECK (ticket_from GLOB '[0-2][0-9]:[0-5][0-9]');
  ALTER TABLE services ADD COLUMN ticket_until TEXT CHECK (ticket_until GLOB '[0-2][0-9]:[0-5][0-9]');
  ALTER TABLE services ADD COLUMN priorities TEXT NOT NULL DEFAULT 'normal,green,major,appointment';
  ALTER TABLE staff ADD COLUMN disabled_at INTEGER;
  -- What an applicant may see of the person serving them (the evaluator shows it): a public name
  -- and a photo, apart from the staff row, which only staff terminals hold.
  CREATE TABLE staff_cards (
    id TEXT PRIMARY KEY REFERENCES staff(id), hall_id TEXT NOT NULL REFERENCES halls(id),
    display_name TEXT NOT NULL, photo TEXT
  );
  INSERT INTO staff_cards (id, hall_id, display_name) SELECT id, hall_id, name FROM staff;
  -- Replicas hold services and staff without the new columns: forgetting the scope record makes
  -- the next start move it to the current seq, so every older cursor is answered with a snapshot.
  DELETE FROM meta WHERE key = 'scope';
