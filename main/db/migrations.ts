/**
 * Numbered migrations of the hub database. PRAGMA user_version holds the number applied last.
 * Append only: a shipped migration is never edited.
 * Ids are text, unique across halls (hall code prefix or UUID), and every row names its hall,
 * so that a regional view can merge halls' feeds later.
 */
export const hubMigrations: readonly string[] = [
  /* 1: the hall, its counters and staff, the feed, applied ops and the audit log */ `
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
  `,
  /* 2: the queue: tickets and their events, hall days, queue fields of services and counters */ `
  ALTER TABLE halls ADD COLUMN queue_settings TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE services ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1));
  ALTER TABLE services ADD COLUMN daily_cap INTEGER CHECK (daily_cap > 0);
  ALTER TABLE services ADD COLUMN max_wait_min INTEGER NOT NULL DEFAULT 30;
  ALTER TABLE services ADD COLUMN max_service_min INTEGER NOT NULL DEFAULT 20;
  ALTER TABLE services ADD COLUMN queue_cap INTEGER NOT NULL DEFAULT 30;
  ALTER TABLE counters ADD COLUMN profile TEXT NOT NULL DEFAULT 'ordered' CHECK (profile IN ('ordered','longest_wait'));
  ALTER TABLE counters ADD COLUMN priority_streak INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE hall_days (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), day TEXT NOT NULL, closed_at INTEGER,
    UNIQUE (hall_id, day)
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), day TEXT NOT NULL,
    service_id TEXT NOT NULL REFERENCES services(id), seq INTEGER NOT NULL, number TEXT NOT NULL,
    -- The service whose prefix and sequence numbered it; service_id changes on transfer, this never.
    issued_service_id TEXT NOT NULL REFERENCES services(id),
    priority TEXT NOT NULL CHECK (priority IN ('normal','green','major','appointment')),
    status TEXT NOT NULL CHECK (status IN ('waiting','called','serving','parked','missed','finished','no_show','cancelled')),
    queue_key REAL NOT NULL, issued_at INTEGER NOT NULL, called_at INTEGER, first_called_at INTEGER,
    started_at INTEGER, finished_at INTEGER, counter_id TEXT REFERENCES counters(id),
    target_counter_id TEXT REFERENCES counters(id), staff_id TEXT REFERENCES staff(id),
    recalls INTEGER NOT NULL DEFAULT 0, park_until INTEGER, end_reason TEXT, handled_services TEXT,
    call_reason TEXT,
    UNIQUE (hall_id, day, number),
    CHECK (status NOT IN ('called','serving') OR counter_id IS NOT NULL)
  );
  -- The service's numbering: a number is never issued twice, whatever the kiosks do at once.
  CREATE UNIQUE INDEX tickets_service_day_seq ON tickets(issued_service_id, day, seq);
  -- A counter holds at most one called or serving ticket.
  CREATE UNIQUE INDEX tickets_one_held_per_counter ON tickets(counter_id) WHERE status IN ('called','serving');
  CREATE INDEX tickets_open ON tickets(service_id, queue_key) WHERE status IN ('waiting','parked','missed');
  CREATE INDEX tickets_day_status ON tickets(day, status);
  CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES tickets(id), type TEXT NOT NULL,
    counter_id TEXT, staff_id TEXT, at INTEGER NOT NULL, detail TEXT
  );
  CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
  `,
  /* 3: security: the audit chain, sign-in lockout, security settings */ `
  ALTER TABLE audit ADD COLUMN seq_from INTEGER;
  ALTER TABLE audit ADD COLUMN seq_to INTEGER;
  ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
  ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
  ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE staff ADD COLUMN locked_until INTEGER;
  ALTER TABLE halls ADD COLUMN security_settings TEXT NOT NULL DEFAULT '{}';
  `,
  /* 4: terminal enrollment with one-time codes (only their hashes are stored) */ `
  CREATE TABLE enrollments (
    code_hash TEXT PRIMARY KEY, terminal_id TEXT NOT NULL REFERENCES terminals(id),
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX enrollments_terminal ON enrollments(terminal_id);
  `,
  /* 5: cases (办件): the service catalog, the working-day calendar, cases, joint parts, events */ `
  ALTER TABLE halls ADD COLUMN case_settings TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE catalog_items (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    department_id TEXT NOT NULL REFERENCES departments(id), code TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('licensing','non_licensing','public')),
    mode TEXT NOT NULL CHECK (mode IN ('instant','promised')),
    statutory_limit INTEGER NOT NULL CHECK (statutory_limit >= 0),
    promised_limit INTEGER NOT NULL CHECK (promised_limit BETWEEN 0 AND statutory_limit),
    limit_unit TEXT NOT NULL CHECK (limit_unit IN ('working_days','natural_days','months')),
    fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0), materials TEXT NOT NULL, legal_basis TEXT NOT NULL,
    service_id TEXT REFERENCES services(id), active INTEGER NOT NULL CHECK (active IN (0, 1)),
    UNIQUE (hall_id, code)
  );
  CREATE TABLE calendar_years (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), year INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('package','admin')), holidays TEXT NOT NULL, workdays TEXT NOT NULL,
    UNIQUE (hall_id, year)
  );
  CREATE TABLE cases (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), number TEXT NOT NULL,
    -- The daily sequence behind the number: (hall, day, seq) never repeats.
    number_day TEXT NOT NULL, number_seq INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES catalog_items(id), department_id TEXT NOT NULL REFERENCES departments(id),
    ticket_id TEXT REFERENCES tickets(id), counter_id TEXT REFERENCES counters(id),
    status TEXT NOT NULL CHECK (status IN ('received','supplement','refused','accepted','handling','reviewing','approved','denied','concluded','delivered')),
    applicant_type TEXT NOT NULL CHECK (applicant_type IN ('person','enterprise')),
    applicant_name TEXT NOT NULL,
    -- The whole ID number stays on the hub; replicated rows carry id_masked only.
    id_number TEXT, id_masked TEXT, credit_code TEXT, phone TEXT NOT NULL, agent_name TEXT,
    first_clerk_id TEXT NOT NULL REFERENCES staff(id), green INTEGER NOT NULL CHECK (green IN (0, 1)),
    materials_received TEXT NOT NULL, materials_missing TEXT NOT NULL, supplement_count INTEGER NOT NULL,
    received_at INTEGER NOT NULL, accepted_at INTEGER, accepted_day TEXT,
    handler_id TEXT REFERENCES staff(id), reviewer_id TEXT REFERENCES staff(id), approver_id TEXT REFERENCES staff(id),
    decided_at INTEGER, concluded_at INTEGER, delivered_at INTEGER,
    statutory_limit INTEGER NOT NULL, promised_limit INTEGER NOT NULL, limit_unit TEXT NOT NULL,
    promised_due TEXT, statutory_due TEXT, yellow_from TEXT, calendar_warning TEXT NOT NULL,
    paused_kind TEXT CHECK (paused_kind IN ('suspend','special')), paused_since TEXT, paused_days INTEGER NOT NULL,
    extension_days INTEGER NOT NULL, extension_reason TEXT, extension_approver_id TEXT REFERENCES staff(id),
    decision_reason TEXT, used_days INTEGER, on_time INTEGER, updated_at INTEGER NOT NULL,
    UNIQUE (hall_id, number),
    UNIQUE (hall_id, number_day, number_seq),
    CHECK ((paused_kind IS NULL) = (paused_since IS NULL))
  );
  -- Supervision reads running cases by the day they turn yellow; reports read concluded ones by time.
  CREATE INDEX cases_running ON cases(yellow_from) WHERE status IN ('accepted','handling','reviewing','approved','denied');
  CREATE INDEX cases_status ON cases(status);
  CREATE INDEX cases_concluded ON cases(concluded_at) WHERE concluded_at IS NOT NULL;
  CREATE INDEX cases_received ON cases(received_at);
  CREATE INDEX cases_updated ON cases(updated_at);
  CREATE INDEX cases_applicant ON cases(applicant_name);
  CREATE TABLE case_parts (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), case_id TEXT NOT NULL REFERENCES cases(id),
    department_id TEXT NOT NULL REFERENCES departments(id), limit_days INTEGER NOT NULL, due_day TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('pending','approved','denied')), note TEXT,
    decided_at INTEGER, decided_day TEXT, decided_by TEXT REFERENCES staff(id),
    UNIQUE (case_id, department_id)
  );
  CREATE INDEX case_parts_case ON case_parts(case_id);
  CREATE INDEX case_parts_pending ON case_parts(due_day) WHERE outcome = 'pending';
  CREATE TABLE case_events (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), case_id TEXT NOT NULL REFERENCES cases(id),
    action TEXT NOT NULL, staff_id TEXT REFERENCES staff(id), at INTEGER NOT NULL, detail TEXT NOT NULL
  );
  CREATE INDEX case_events_case ON case_events(case_id);
  CREATE INDEX tickets_issued ON tickets(issued_at);
  `,
  /* 6: staff sessions at manager terminals */ `
  CREATE TABLE staff_sessions (
    id TEXT PRIMARY KEY REFERENCES terminals(id), hall_id TEXT NOT NULL REFERENCES halls(id),
    staff_id TEXT REFERENCES staff(id), started_at INTEGER,
    CHECK ((staff_id IS NULL) = (started_at IS NULL))
  );
  `,
  /* 7: today's dashboard counts cases accepted today, whatever became of them since */ `
  CREATE INDEX cases_accepted ON cases(accepted_at) WHERE accepted_at IS NOT NULL;
  `,
];

/** The terminal's replica: rows as JSON by table, its cursor, and the durable outbox. */
export const replicaMigrations: readonly string[] = [
  /* 1 */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE rows (tbl TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
  CREATE TABLE outbox (
    n INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    payload TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE outbox_rejected (
    op_id TEXT PRIMARY KEY, type TEXT NOT NULL, payload TEXT NOT NULL, error TEXT NOT NULL, at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];
