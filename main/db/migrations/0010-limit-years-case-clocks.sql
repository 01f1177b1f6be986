-- Limits in years, and the clocks and flags of a case: catalog_items and cases get a CHECK on
-- limit_unit that allows 'years' (cases.limit_unit had none), and cases get the statutory limit's
-- own unit (joint handling is 45 working days whatever the item's unit), the delivery due day
-- (art. 44), the late 补正 notice (art. 32), the decision's days past the statutory limit and its
-- card, and the fee standard and the fee charged.
-- SQLite cannot change a CHECK in place, and renaming a table that others reference rewrites their
-- REFERENCES: both tables are copied aside, dropped and made again under their own names, with
-- every row (and its rowid), index and foreign key. Foreign keys are checked at commit
-- (defer_foreign_keys ends with the transaction): while cases is away, case_parts and case_events
-- point at nothing, and the rows put back answer for them.
  PRAGMA defer_foreign_keys = ON;
  CREATE TEMP TABLE catalog_items_old AS SELECT rowid AS old_rowid, * FROM catalog_items;
  CREATE TEMP TABLE cases_old AS SELECT rowid AS old_rowid, * FROM cases;
  DROP TABLE cases;
  DROP TABLE catalog_items;
  CREATE TABLE catalog_items (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    department_id TEXT NOT NULL REFERENCES departments(id), code TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('licensing','non_licensing','public')),
    mode TEXT NOT NULL CHECK (mode IN ('instant','promised')),
    statutory_limit INTEGER NOT NULL CHECK (statutory_limit >= 0),
    promised_limit INTEGER NOT NULL CHECK (promised_limit BETWEEN 0 AND statutory_limit),
    limit_unit TEXT NOT NULL CHECK (limit_unit IN ('working_days','natural_days','months','years')),
    fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0), materials TEXT NOT NULL, legal_basis TEXT NOT NULL,
    service_id TEXT REFERENCES services(id), active INTEGER NOT NULL CHECK (active IN (0, 1)),
    UNIQUE (hall_id, code)
  );
  INSERT INTO catalog_items (rowid, id, hall_id, department_id, code, name, kind, mode, statutory_limit, promised_limit,
      limit_unit, fee_cents, materials, legal_basis, service_id, active)
    SELECT old_rowid, id, hall_id, department_id, code, name, kind, mode, statutory_limit, promised_limit,
      limit_unit, fee_cents, materials, legal_basis, service_id, active
    FROM catalog_items_old ORDER BY old_rowid;
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
    late_notice INTEGER NOT NULL CHECK (late_notice IN (0, 1)),
    received_at INTEGER NOT NULL, accepted_at INTEGER, accepted_day TEXT,
    handler_id TEXT REFERENCES staff(id), reviewer_id TEXT REFERENCES staff(id), approver_id TEXT REFERENCES staff(id),
    decided_at INTEGER, concluded_at INTEGER, delivered_at INTEGER,
    statutory_limit INTEGER NOT NULL, promised_limit INTEGER NOT NULL,
    limit_unit TEXT NOT NULL CHECK (limit_unit IN ('working_days','natural_days','months','years')),
    statutory_unit TEXT NOT NULL CHECK (statutory_unit IN ('working_days','natural_days','months','years')),
    promised_due TEXT, statutory_due TEXT, delivery_due TEXT, yellow_from TEXT, calendar_warning TEXT NOT NULL,
    paused_kind TEXT CHECK (paused_kind IN ('suspend','special')), paused_since TEXT, paused_days INTEGER NOT NULL,
    extension_days INTEGER NOT NULL, extension_reason TEXT, extension_approver_id TEXT REFERENCES staff(id),
    decision_reason TEXT, late_days INTEGER CHECK (late_days >= 0), card TEXT CHECK (card IN ('yellow','red')),
    used_days INTEGER, on_time INTEGER,
    fee_standard_cents INTEGER CHECK (fee_standard_cents >= 0), fee_charged_cents INTEGER CHECK (fee_charged_cents >= 0),
    updated_at INTEGER NOT NULL,
    UNIQUE (hall_id, number),
    UNIQUE (hall_id, number_day, number_seq),
    CHECK ((paused_kind IS NULL) = (paused_since IS NULL)),
    CHECK ((fee_standard_cents IS NULL) = (fee_charged_cents IS NULL))
  );
  -- Cases registered before keep the limits they were registered with, in the item's unit.
  INSERT INTO cases (rowid, id, hall_id, number, number_day, number_seq, item_id, department_id, ticket_id, counter_id, status,
      applicant_type, applicant_name, id_number, id_masked, credit_code, phone, agent_name, first_clerk_id, green,
      materials_received, materials_missing, supplement_count, late_notice, received_at, accepted_at, accepted_day,
      handler_id, reviewer_id, approver_id, decided_at, concluded_at, delivered_at, statutory_limit, promised_limit,
      limit_unit, statutory_unit, promised_due, statutory_due, yellow_from, calendar_warning, paused_kind, paused_since,
      paused_days, extension_days, extension_reason, extension_approver_id, decision_reason, used_days, on_time, updated_at)
    SELECT old_rowid, id, hall_id, number, number_day, number_seq, item_id, department_id, ticket_id, counter_id, status,
      applicant_type, applicant_name, id_number, id_masked, credit_code, phone, agent_name, first_clerk_id, green,
      materials_received, materials_missing, supplement_count, 0, received_at, accepted_at, accepted_day,
      handler_id, reviewer_id, approver_id, decided_at, concluded_at, delivered_at, statutory_limit, promised_limit,
      limit_unit, limit_unit, promised_due, statutory_due, yellow_from, calendar_warning, paused_kind, paused_since,
      paused_days, extension_days, extension_reason, extension_approver_id, decision_reason, used_days, on_time, updated_at
    FROM cases_old ORDER BY old_rowid;
  DROP TABLE catalog_items_old;
  DROP TABLE cases_old;
  -- The indexes of 0005 and 0007, as they were.
  CREATE INDEX cases_running ON cases(yellow_from) WHERE status IN ('accepted','handling','reviewing','approved','denied');
  CREATE INDEX cases_status ON cases(status);
  CREATE INDEX cases_concluded ON cases(concluded_at) WHERE concluded_at IS NOT NULL;
  CREATE INDEX cases_received ON cases(received_at);
  CREATE INDEX cases_updated ON cases(updated_at);
  CREATE INDEX cases_applicant ON cases(applicant_name);
  CREATE INDEX cases_accepted ON cases(accepted_at) WHERE accepted_at IS NOT NULL;
  -- Supervision lists decided cases by their delivery due day, and open cases with a flag (the
  -- predicate is the one cases.supervision asks with, so that SQLite may use the index).
  CREATE INDEX cases_delivering ON cases(delivery_due) WHERE status IN ('approved','denied','concluded');
  CREATE INDEX cases_flagged ON cases(status)
    WHERE status NOT IN ('refused','delivered')
      AND (supplement_count > 1 OR late_notice = 1 OR card IS NOT NULL OR fee_charged_cents <> fee_standard_cents);
  -- Replicas hold cases without the new columns: the feed carries again, right after its newest
  -- entry and as the hub's Store would write them, every case a terminal may hold: the open ones
  -- (every snapshot has them) and any still in the feed.
  INSERT INTO feed (seq, at, tbl, row_id, op, data)
    SELECT (SELECT coalesce(max(seq), 0) FROM feed) + row_number() OVER (ORDER BY id), CAST(unixepoch('subsec') * 1000 AS INTEGER),
      'cases', id, 'upsert',
      json_object('id', id, 'hall_id', hall_id, 'number', number, 'item_id', item_id, 'department_id', department_id,
        'ticket_id', ticket_id, 'counter_id', counter_id, 'status', status, 'applicant_type', applicant_type,
        'applicant_name', applicant_name, 'id_masked', id_masked, 'credit_code', credit_code, 'phone', phone,
        'agent_name', agent_name, 'first_clerk_id', first_clerk_id, 'green', green, 'materials_received', materials_received,
        'materials_missing', materials_missing, 'supplement_count', supplement_count, 'late_notice', late_notice,
        'received_at', received_at, 'accepted_at', accepted_at, 'accepted_day', accepted_day, 'handler_id', handler_id,
        'reviewer_id', reviewer_id, 'approver_id', approver_id, 'decided_at', decided_at, 'concluded_at', concluded_at,
        'delivered_at', delivered_at, 'statutory_limit', statutory_limit, 'promised_limit', promised_limit,
        'limit_unit', limit_unit, 'statutory_unit', statutory_unit, 'promised_due', promised_due,
        'statutory_due', statutory_due, 'delivery_due', delivery_due, 'yellow_from', yellow_from,
        'calendar_warning', calendar_warning, 'paused_kind', paused_kind, 'paused_since', paused_since,
        'paused_days', paused_days, 'extension_days', extension_days, 'extension_reason', extension_reason,
        'extension_approver_id', extension_approver_id, 'decision_reason', decision_reason, 'late_days', late_days,
        'card', card, 'used_days', used_days, 'on_time', on_time, 'fee_standard_cents', fee_standard_cents,
        'fee_charged_cents', fee_charged_cents, 'updated_at', updated_at)
    FROM cases
    WHERE status NOT IN ('refused','delivered') OR id IN (SELECT row_id FROM feed WHERE tbl = 'cases')
    ORDER BY id;
