-- Reports: additive daily aggregates of the closed hall days (shared/reports/days), written as a day
-- closes and rebuilt from the recorded events by reports.rebuild. Every column beside the keys is a
-- sum or a count. `dim` is the stored grain; the hall, departments and services of cases are joined
-- from these. Keyed by grain and day first: a period's report reads one range of the key.
  CREATE TABLE report_queue_days (
    dim TEXT NOT NULL CHECK (dim IN ('service','counter','staff')), day TEXT NOT NULL,
    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23), key TEXT NOT NULL,
    issued INTEGER NOT NULL, transferred INTEGER NOT NULL, no_shows INTEGER NOT NULL, called INTEGER NOT NULL,
    wait_ms INTEGER NOT NULL, within_target INTEGER NOT NULL, uncalled INTEGER NOT NULL, started INTEGER NOT NULL,
    walk_ms INTEGER NOT NULL, finished INTEGER NOT NULL, service_ms INTEGER NOT NULL, total_ms INTEGER NOT NULL,
    serving_ms INTEGER NOT NULL,
    PRIMARY KEY (dim, day, hour, key)
  ) WITHOUT ROWID;
  CREATE TABLE report_counter_days (
    dim TEXT NOT NULL CHECK (dim IN ('counter','staff')), day TEXT NOT NULL,
    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23), key TEXT NOT NULL,
    signed_in_ms INTEGER NOT NULL, serving_ms INTEGER NOT NULL, paused_ms INTEGER NOT NULL, idle_waiting_ms INTEGER NOT NULL,
    PRIMARY KEY (dim, day, hour, key)
  ) WITHOUT ROWID;
  -- Paused time by reason: a listed reason's code (counter/rules PAUSE_REASON_CODES) or 'other'.
  CREATE TABLE report_pause_days (
    dim TEXT NOT NULL CHECK (dim IN ('counter','staff')), day TEXT NOT NULL,
    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23), key TEXT NOT NULL, reason TEXT NOT NULL, ms INTEGER NOT NULL,
    PRIMARY KEY (dim, day, hour, key, reason)
  ) WITHOUT ROWID;
  CREATE TABLE report_case_days (
    dim TEXT NOT NULL CHECK (dim IN ('item','counter','staff')), day TEXT NOT NULL, key TEXT NOT NULL,
    received INTEGER NOT NULL, accepted INTEGER NOT NULL, concluded INTEGER NOT NULL, on_time INTEGER NOT NULL,
    overdue INTEGER NOT NULL, supplemented INTEGER NOT NULL, days_counted INTEGER NOT NULL, used_days INTEGER NOT NULL,
    promised_days INTEGER NOT NULL, statutory_days INTEGER NOT NULL, yellow INTEGER NOT NULL, red INTEGER NOT NULL,
    PRIMARY KEY (dim, day, key)
  ) WITHOUT ROWID;
-- A day's cases are found by each of their moments through an index: decisions that earned a card by this one.
  CREATE INDEX cases_carded ON cases(decided_at) WHERE card IS NOT NULL;
