-- The regional server enrolls at a hall like any terminal, with the role 'region': terminals.role's
-- CHECK allows it. SQLite cannot change a CHECK in place and other tables reference terminals, so
-- (as in 0010) the table is copied aside, dropped and made again under its name with every row and
-- its rowid; foreign keys are checked at commit, when the rows are back.
  PRAGMA defer_foreign_keys = ON;
  CREATE TEMP TABLE terminals_old AS SELECT rowid AS old_rowid, * FROM terminals;
  DROP TABLE terminals;
  CREATE TABLE terminals (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    role TEXT NOT NULL CHECK (role IN ('clerk','kiosk','display','evaluator','manager','region')),
    name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, counter_id TEXT REFERENCES counters(id),
    zone TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, revoked_at INTEGER,
    failed_confirms INTEGER NOT NULL DEFAULT 0, confirm_locked_until INTEGER
  );
  INSERT INTO terminals (rowid, id, hall_id, role, name, token_hash, counter_id, zone, created_at, revoked_at, failed_confirms,
      confirm_locked_until)
    SELECT old_rowid, id, hall_id, role, name, token_hash, counter_id, zone, created_at, revoked_at, failed_confirms,
      confirm_locked_until FROM terminals_old;
  DROP TABLE terminals_old;
