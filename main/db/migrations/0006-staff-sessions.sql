-- Staff sessions at manager terminals.
  CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY REFERENCES terminals(id), hall_id TEXT NOT NULL REFERENCES halls(id),
    staff_id TEXT REFERENCES staff(id), started_at INTEGER,
    CHECK ((staff_id IS NULL) = (started_at IS NULL))
  );
