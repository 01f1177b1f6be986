-- 好差评: a rating request per service to be rated (its id is the evaluator's single-use token), the
-- applicant's rating of it, the follow-up every 差评 opens (核实 → 整改 → 回访 → 办结, with 申诉复核)
-- and its steps, and the hall's rating settings.
  CREATE TABLE rating_requests (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    ticket_id TEXT REFERENCES tickets(id), counter_id TEXT REFERENCES counters(id),
    staff_id TEXT REFERENCES staff(id), service_id TEXT REFERENCES services(id),
    channel TEXT NOT NULL CHECK (channel IN ('device','qr')),
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','rated','unrated')),
    unrated_cause TEXT CHECK (unrated_cause IN ('timeout','declined','no_device')),
    CHECK ((status = 'unrated') = (unrated_cause IS NOT NULL) OR status = 'pending' AND unrated_cause IS NULL)
  );
  CREATE INDEX rating_requests_counter ON rating_requests(counter_id, status);
  CREATE INDEX rating_requests_created ON rating_requests(created_at);
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY REFERENCES rating_requests(id), hall_id TEXT NOT NULL REFERENCES halls(id),
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    efficiency INTEGER CHECK (efficiency BETWEEN 1 AND 5), skill INTEGER CHECK (skill BETWEEN 1 AND 5),
    attitude INTEGER CHECK (attitude BETWEEN 1 AND 5),
    reasons TEXT NOT NULL DEFAULT '', comment TEXT NOT NULL DEFAULT '', indicator_set TEXT NOT NULL,
    flags TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL,
    -- Set when an appeal was upheld: kept in the record, left out of every rate.
    excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
    -- The evaluator it came from, for the burst check; never replicated.
    terminal_id TEXT
  );
  CREATE INDEX ratings_terminal ON ratings(terminal_id, at);
  CREATE TABLE followups (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    rating_id TEXT REFERENCES ratings(id), department_id TEXT REFERENCES departments(id),
    staff_id TEXT REFERENCES staff(id),
    status TEXT NOT NULL CHECK (status IN ('open','verified','fixed','called_back','closed')),
    opened_at INTEGER NOT NULL, opened_day TEXT NOT NULL, yellow_from TEXT NOT NULL, due_day TEXT NOT NULL,
    closed_at INTEGER, closed_day TEXT,
    callback_day TEXT, callback_method TEXT CHECK (callback_method IN ('phone','visit','sms','other')),
    callback_outcome TEXT, callback_satisfied INTEGER CHECK (callback_satisfied IN (0, 1)),
    appeal TEXT CHECK (appeal IN ('pending','upheld','rejected')),
    appeal_kind TEXT CHECK (appeal_kind IN ('mistaken','malicious')), appellant_id TEXT REFERENCES staff(id),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
  );
  CREATE INDEX followups_open ON followups(status) WHERE status <> 'closed';
  CREATE TABLE followup_events (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), followup_id TEXT NOT NULL REFERENCES followups(id),
    action TEXT NOT NULL CHECK (action IN ('open','verify','fix','callback','close','appeal','uphold','reject')),
    staff_id TEXT REFERENCES staff(id), at INTEGER NOT NULL, note TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX followup_events_of ON followup_events(followup_id);
  ALTER TABLE halls ADD COLUMN rating_settings TEXT NOT NULL DEFAULT '{}';
  -- Replicas hold halls without the new column: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
