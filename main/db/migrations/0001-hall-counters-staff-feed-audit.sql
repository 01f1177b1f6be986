-- The hall, its departments, services, staff, counters and terminals; the feed, applied ops and
-- the audit log. Ids are text, unique across halls (hall code prefix or UUID), and every row names
-- its hall, so that a regional view can merge halls' feeds later.
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE halls (
    id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, notice TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE departments (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), name TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE services (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    department_id TEXT NOT NULL REFERENCES departments(id), name TEXT NOT NULL,
    prefix TEXT NOT NULL CHECK (prefix GLOB '[A-Z]*' AND length(prefix) BETWEEN 1 AND 2),
    sort INTEGER NOT NULL DEFAULT 0,
    UNIQUE (hall_id, prefix)
  );
  CREATE TABLE staff (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('clerk','manager','admin')),
    department_id TEXT REFERENCES departments(id), password_hash TEXT NOT NULL
  );
  CREATE TABLE counters (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), number INTEGER NOT NULL,
    name TEXT NOT NULL, zone TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed','open','paused')),
    staff_id TEXT REFERENCES staff(id), terminal_id TEXT, pause_reason TEXT,
    state_since INTEGER, last_seen_at INTEGER,
    UNIQUE (hall_id, number),
    CHECK ((state = 'closed') = (staff_id IS NULL)),
    CHECK ((state = 'paused') = (pause_reason IS NOT NULL))
  );
  CREATE UNIQUE INDEX counters_one_per_staff ON counters(staff_id) WHERE staff_id IS NOT NULL;
  CREATE TABLE counter_services (
    id TEXT PRIMARY KEY, counter_id TEXT NOT NULL REFERENCES counters(id),
    service_id TEXT NOT NULL REFERENCES services(id), position INTEGER NOT NULL,
    UNIQUE (counter_id, service_id)
  );
  CREATE TABLE terminals (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    role TEXT NOT NULL CHECK (role IN ('clerk','kiosk','display','evaluator','manager')),
    name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, counter_id TEXT REFERENCES counters(id),
    zone TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, revoked_at INTEGER
  );
  CREATE TABLE counter_log (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    counter_id TEXT NOT NULL REFERENCES counters(id), staff_id TEXT REFERENCES staff(id),
    event TEXT NOT NULL CHECK (event IN ('sign_in','pause','resume','sign_out')),
    reason TEXT, at INTEGER NOT NULL
  );
  CREATE INDEX counter_log_at ON counter_log(at);
  CREATE TABLE inquiries (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    counter_id TEXT REFERENCES counters(id), staff_id TEXT NOT NULL REFERENCES staff(id),
    topic TEXT NOT NULL, detail TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','resolved')), resolution TEXT,
    created_at INTEGER NOT NULL, resolved_at INTEGER
  );
  CREATE TABLE feed (
    seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert','delete')), data TEXT
  );
  CREATE TABLE applied_ops (
    op_id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, type TEXT NOT NULL, answer TEXT NOT NULL,
    at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY, at INTEGER NOT NULL, terminal_id TEXT NOT NULL, staff_id TEXT,
    op_id TEXT NOT NULL, type TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL
  );
