-- Alerts in the efficiency archive (issue 14): each episode of a board alert that is a staff
-- member's own (a service past its maximum, a call not started in time, their counter idle while
-- people wait), as the hub saw it on its clock: from when it was first raised to when it ended
-- (null while it lasts), at which counter, for whom. The hub's own record, read by the archive.
  CREATE TABLE staff_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hall_id TEXT NOT NULL REFERENCES halls(id),
    kind TEXT NOT NULL CHECK (kind IN ('service_over_max', 'called_not_started', 'idle_while_waiting')),
    counter_id TEXT NOT NULL REFERENCES counters(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    from_at INTEGER NOT NULL,
    to_at INTEGER,
    CHECK (to_at IS NULL OR to_at >= from_at)
  );
  CREATE UNIQUE INDEX staff_alerts_open ON staff_alerts(kind, counter_id) WHERE to_at IS NULL;
  CREATE INDEX staff_alerts_staff ON staff_alerts(staff_id, from_at);
