-- The regional reports: each hall's closed days as the hall's reports keep them (shared/reports/days),
-- at the hall's grain (its services', items' and ratings' rows added), one row per hall and day, every
-- column a sum or a count so that any period and any level adds rows. `region_report_days` records
-- which version of each closed day (the seq of its hall_days row) the rows were made from.
CREATE TABLE region_queue_days (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  day DATE NOT NULL,
  issued BIGINT NOT NULL,
  transferred BIGINT NOT NULL,
  no_shows BIGINT NOT NULL,
  called BIGINT NOT NULL,
  wait_ms BIGINT NOT NULL,
  within_target BIGINT NOT NULL,
  uncalled BIGINT NOT NULL,
  started BIGINT NOT NULL,
  walk_ms BIGINT NOT NULL,
  finished BIGINT NOT NULL,
  service_ms BIGINT NOT NULL,
  total_ms BIGINT NOT NULL,
  serving_ms BIGINT NOT NULL,
  PRIMARY KEY (hall_id, day)
);
CREATE TABLE region_case_days (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  day DATE NOT NULL,
  received BIGINT NOT NULL,
  accepted BIGINT NOT NULL,
  concluded BIGINT NOT NULL,
  on_time BIGINT NOT NULL,
  overdue BIGINT NOT NULL,
  supplemented BIGINT NOT NULL,
  days_counted BIGINT NOT NULL,
  used_days BIGINT NOT NULL,
  promised_days BIGINT NOT NULL,
  statutory_days BIGINT NOT NULL,
  yellow BIGINT NOT NULL,
  red BIGINT NOT NULL,
  PRIMARY KEY (hall_id, day)
);
CREATE TABLE region_rating_days (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  day DATE NOT NULL,
  services BIGINT NOT NULL,
  active BIGINT NOT NULL,
  satisfied BIGINT NOT NULL,
  bad BIGINT NOT NULL,
  unrated BIGINT NOT NULL,
  PRIMARY KEY (hall_id, day)
);
CREATE TABLE region_report_days (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  day DATE NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (hall_id, day)
);
-- A hall's day of tickets and a ticket's events are read by these (the board every refresh, the reports at each close).
CREATE INDEX hall_rows_day ON hall_rows (hall_id, tbl, (row->>'day')) WHERE tbl IN ('tickets', 'hall_days');
CREATE INDEX hall_rows_ticket ON hall_rows (hall_id, (row->>'ticket_id')) WHERE tbl = 'ticket_events';
