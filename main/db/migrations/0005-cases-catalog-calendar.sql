-- Cases (办件): the service catalog, the working-day calendar, cases, joint parts, events.
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
