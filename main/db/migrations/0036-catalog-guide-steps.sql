-- The service guide (办事指南) at the kiosk and on the booking page: each catalog item gets its
-- steps (办理流程, a JSON array of lines, as its materials are), and the kiosk now sees the guide's
-- columns (code, limits, fee, materials, legal basis, steps: the public catalog, nothing personal).
  ALTER TABLE catalog_items ADD COLUMN steps TEXT NOT NULL DEFAULT '[]';
  -- Replicas hold catalog items without the new column and, at the kiosk, without the guide's
  -- columns: the feed carries the rows again, as the hub's Store would have written them, right
  -- after the newest entry (a replica caught up to that entry gets them too, as it would not from
  -- a snapshot, which only an older cursor is sent).
  INSERT INTO feed (seq, at, tbl, row_id, op, data)
    SELECT (SELECT coalesce(max(seq), 0) FROM feed) + row_number() OVER (ORDER BY id), CAST(unixepoch('subsec') * 1000 AS INTEGER),
      'catalog_items', id, 'upsert',
      json_object('id', id, 'hall_id', hall_id, 'department_id', department_id, 'code', code, 'name', name, 'kind', kind,
        'mode', mode, 'statutory_limit', statutory_limit, 'promised_limit', promised_limit, 'limit_unit', limit_unit,
        'fee_cents', fee_cents, 'materials', materials, 'legal_basis', legal_basis, 'service_id', service_id, 'active', active,
        'keywords', keywords, 'pinyin', pinyin, 'steps', steps)
    FROM catalog_items ORDER BY id;
