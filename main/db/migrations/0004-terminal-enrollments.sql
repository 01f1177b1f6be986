-- Terminal enrollment with one-time codes (only their hashes are stored).
  CREATE TABLE enrollments (
    code_hash TEXT PRIMARY KEY, terminal_id TEXT NOT NULL REFERENCES terminals(id),
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX enrollments_terminal ON enrollments(terminal_id);
