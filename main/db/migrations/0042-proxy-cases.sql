-- 全程代办 across levels (issue 15): a point's proxy cases, carried by the region to the hall that
-- decides them. At the point, `proxy_cases` (not cases: they count in none of the point's deadlines
-- or figures), the applicant's whole ID number in `id_number` outside the replicated row as in cases.
-- At the target, a proxy case is a case like any, with its origin and the point's proxy id (one case
-- per proxy id), and the reason its staff sent it back, if they did.
  ALTER TABLE cases ADD COLUMN origin_hall_id TEXT;
  ALTER TABLE cases ADD COLUMN origin_hall_name TEXT;
  ALTER TABLE cases ADD COLUMN proxy_id TEXT;
  ALTER TABLE cases ADD COLUMN proxy_refusal TEXT CHECK (proxy_refusal IN ('not_competent','materials_incomplete','not_eligible','duplicate','other'));
  ALTER TABLE cases ADD COLUMN proxy_refusal_text TEXT;
  CREATE UNIQUE INDEX cases_proxy_id ON cases(proxy_id) WHERE proxy_id IS NOT NULL;
  CREATE TABLE proxy_cases (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    number TEXT NOT NULL UNIQUE, number_day TEXT NOT NULL, number_seq INTEGER NOT NULL,
    item_code TEXT NOT NULL, item_name TEXT,
    applicant_type TEXT NOT NULL CHECK (applicant_type IN ('person','enterprise')), applicant_name TEXT NOT NULL,
    id_number TEXT, id_masked TEXT, credit_code TEXT, phone TEXT NOT NULL,
    materials TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    agent_id TEXT NOT NULL REFERENCES staff(id), agent_name TEXT NOT NULL, counter_id TEXT NOT NULL REFERENCES counters(id),
    status TEXT NOT NULL CHECK (status IN ('outbox','delivered','refused')), registered_at INTEGER NOT NULL,
    target_hall_id TEXT, target_hall_name TEXT, target_case_id TEXT, target_case_number TEXT, target_department_name TEXT, delivered_at INTEGER,
    target_status TEXT CHECK (target_status IN ('received','supplement','refused','accepted','handling','reviewing','approved','denied','concluded','delivered')),
    target_paused TEXT CHECK (target_paused IN ('suspend','special')),
    promised_due TEXT, statutory_due TEXT, accepted_at INTEGER, concluded_at INTEGER,
    result TEXT CHECK (result IN ('approved','denied')), decision_reason TEXT,
    progress_version INTEGER NOT NULL DEFAULT 0 CHECK (progress_version >= 0),
    refusal_reason TEXT CHECK (refusal_reason IN ('not_competent','materials_incomplete','not_eligible','duplicate','other','no_target','not_received')),
    refusal_text TEXT, refused_at INTEGER,
    updated_at INTEGER NOT NULL,
    UNIQUE (hall_id, number_day, number_seq)
  );
  -- The region asks for the requests still waiting at every (re)connect.
  CREATE INDEX proxy_cases_outbox ON proxy_cases(status) WHERE status = 'outbox';
  -- Replicas hold no rows of the new table nor the cases' new columns: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
