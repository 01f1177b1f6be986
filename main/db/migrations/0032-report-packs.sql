-- The monthly report pack written by the hub after each month ends (issue 14). The hall's setting
-- (written or not, into which folder of the hub's PC), kept with the hall's other settings; and
-- every attempt at a month's pack, the hub's own bookkeeping: the files it wrote, or why it could
-- not. A month has at most one written pack; failed attempts stay, for the board's alert and the log.
  ALTER TABLE halls ADD COLUMN report_pack_settings TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE report_packs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    files TEXT NOT NULL DEFAULT '[]',
    attempted_at INTEGER NOT NULL,
    written_at INTEGER,
    error TEXT,
    CHECK ((written_at IS NULL) <> (error IS NULL))
  );
  CREATE UNIQUE INDEX report_packs_written ON report_packs(month) WHERE written_at IS NOT NULL;
  -- Replicas hold halls without the new column: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
