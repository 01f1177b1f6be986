-- The kiosk finds an item by what people call it and by pinyin: each catalog item gets its other
-- names (keywords, e.g. 结婚 for 婚姻登记) and the hub's pinyin keys of its name and keywords
-- (initials and whole syllables, computed by the hub at every write and at start).
  ALTER TABLE catalog_items ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
  ALTER TABLE catalog_items ADD COLUMN pinyin TEXT NOT NULL DEFAULT '';
  -- Replicas hold catalog items without the new columns: the feed carries the rows again, as the
  -- hub's Store would have written them, right after the newest entry.
  INSERT INTO feed (seq, at, tbl, row_id, op, data)
    SELECT (SELECT coalesce(max(seq), 0) FROM feed) + row_number() OVER (ORDER BY id), CAST(unixepoch('subsec') * 1000 AS INTEGER),
      'catalog_items', id, 'upsert',
      json_object('id', id, 'hall_id', hall_id, 'department_id', department_id, 'code', code, 'name', name, 'kind', kind,
        'mode', mode, 'statutory_limit', statutory_limit, 'promised_limit', promised_limit, 'limit_unit', limit_unit,
        'fee_cents', fee_cents, 'materials', materials, 'legal_basis', legal_basis, 'service_id', service_id, 'active', active,
        'keywords', keywords, 'pinyin', pinyin)
    FROM catalog_items ORDER BY id;
-- What the lobby did with a call: spoken (the moment its announcement ended) or skipped (calls
-- piled up beyond the voice's lag bound, so it was only shown). One row per ticket, for its latest
-- reported call; the clerk's screen compares called_at with the ticket's to know it is current.
  CREATE TABLE call_announcements (
    id TEXT PRIMARY KEY REFERENCES tickets(id), hall_id TEXT NOT NULL REFERENCES halls(id),
    called_at INTEGER NOT NULL, outcome TEXT NOT NULL CHECK (outcome IN ('spoken','skipped')),
    at INTEGER NOT NULL, terminal_id TEXT NOT NULL REFERENCES terminals(id)
  );
