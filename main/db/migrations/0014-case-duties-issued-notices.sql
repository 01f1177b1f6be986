-- Separation of duties in cases, and notices kept as issued. Staff hold case duties (审核
-- reviewer, 批准 approver) within their department, and a department has a head (负责人, who may
-- approve). Each written notice to an applicant is issued once, numbered per hall, year and kind,
-- and kept as issued: the triggers refuse any change to or removal of an issued notice. Supervision
-- lists open cases approved by their own handler (allowed only where the hall's settings allow it),
-- on an index of their own.
  ALTER TABLE departments ADD COLUMN head_staff_id TEXT REFERENCES staff(id);
  -- One row per person and duty ever given, held or not (the hub ends records by state, never by delete).
  CREATE TABLE staff_duties (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), staff_id TEXT NOT NULL REFERENCES staff(id),
    duty TEXT NOT NULL CHECK (duty IN ('reviewer','approver')), held INTEGER NOT NULL CHECK (held IN (0, 1)),
    set_at INTEGER NOT NULL,
    UNIQUE (staff_id, duty)
  );
  CREATE TABLE case_notices (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), case_id TEXT NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('accept','supplement','refuse','conclude','special','extension')),
    year INTEGER NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), number TEXT NOT NULL,
    issued_at INTEGER NOT NULL, issued_day TEXT NOT NULL,
    department_id TEXT NOT NULL REFERENCES departments(id), staff_id TEXT REFERENCES staff(id),
    content TEXT NOT NULL,
    UNIQUE (hall_id, kind, year, seq),
    UNIQUE (hall_id, number)
  );
  CREATE INDEX case_notices_case ON case_notices(case_id);
  CREATE TRIGGER case_notices_kept BEFORE UPDATE ON case_notices
    BEGIN SELECT RAISE(ABORT, 'an issued notice is kept as issued'); END;
  CREATE TRIGGER case_notices_not_deleted BEFORE DELETE ON case_notices
    BEGIN SELECT RAISE(ABORT, 'an issued notice is kept as issued'); END;
  CREATE INDEX cases_self_approved ON cases(status)
    WHERE approver_id = handler_id AND status NOT IN ('refused','delivered');
