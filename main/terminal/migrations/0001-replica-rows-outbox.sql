-- The terminal's replica: rows as JSON by table, its cursor, and the durable outbox.
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE rows (tbl TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
  CREATE TABLE outbox (
    n INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    payload TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE outbox_rejected (
    op_id TEXT PRIMARY KEY, type TEXT NOT NULL, payload TEXT NOT NULL, error TEXT NOT NULL, at INTEGER NOT NULL
  ) WITHOUT ROWID;
