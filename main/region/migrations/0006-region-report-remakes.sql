-- A closed day's 好差评 rows move after its close, as the hall's live ratings report does: a rating
-- given or excluded on an upheld appeal later, a request expiring unrated. `remake_at` is when a
-- day's tally must be made again by itself (the earliest expiry of a request still pending when it
-- was made; 0 after a snapshot replaced the rows under it); `region_report_marks` the hall's seq up
-- to which the changes to its ratings have been looked at (changes after it remake their days).
ALTER TABLE region_rating_days ADD COLUMN remake_at BIGINT;
CREATE INDEX region_rating_days_remake ON region_rating_days (hall_id, remake_at) WHERE remake_at IS NOT NULL;
CREATE TABLE region_report_marks (
  hall_id TEXT PRIMARY KEY REFERENCES region_halls (hall_id),
  seq BIGINT NOT NULL CHECK (seq >= 0)
);
-- The counters' time of each closed hall day, at the hall's grain (its counters' rows added, as the
-- hall's counters report by hall): signed in, serving, paused (and by reason, reports/figures
-- PAUSE_SUMS; a camel-cased reason quoted, as the sums name it), idle while someone waited, and the tickets finished beside it (throughput).
CREATE TABLE region_counter_days (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  day DATE NOT NULL,
  signed_in_ms BIGINT NOT NULL,
  serving_ms BIGINT NOT NULL,
  paused_ms BIGINT NOT NULL,
  idle_waiting_ms BIGINT NOT NULL,
  paused_away_ms BIGINT NOT NULL,
  paused_consulting_ms BIGINT NOT NULL,
  "paused_systemFault_ms" BIGINT NOT NULL,
  paused_meeting_ms BIGINT NOT NULL,
  paused_meal_ms BIGINT NOT NULL,
  paused_training_ms BIGINT NOT NULL,
  paused_other_ms BIGINT NOT NULL,
  finished BIGINT NOT NULL,
  PRIMARY KEY (hall_id, day)
);
