-- The priority interleave becomes a rule of each service's line across all its counters: the
-- service keeps its run (priority calls in a row that passed over a waiting normal ticket, or
-- minus the normal calls that passed over a priority one). counters.priority_streak, the old
-- per-counter streak, is no longer read or written; it stays for the rows that have it.
-- Each service also gets the minutes a called ticket may stay unstarted before the board alerts.
  ALTER TABLE services ADD COLUMN priority_run INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE services ADD COLUMN max_call_min INTEGER NOT NULL DEFAULT 5 CHECK (max_call_min > 0);
  -- Replicas hold services without the new columns: the feed carries the rows again, as the hub's
  -- Store would have written them, right after the newest entry.
  INSERT INTO feed (seq, at, tbl, row_id, op, data)
    SELECT (SELECT coalesce(max(seq), 0) FROM feed) + row_number() OVER (ORDER BY id), CAST(unixepoch('subsec') * 1000 AS INTEGER),
      'services', id, 'upsert',
      json_object('id', id, 'hall_id', hall_id, 'department_id', department_id, 'name', name, 'prefix', prefix, 'sort', sort,
        'is_open', is_open, 'daily_cap', daily_cap, 'max_wait_min', max_wait_min, 'max_service_min', max_service_min,
        'queue_cap', queue_cap, 'priority_run', priority_run, 'max_call_min', max_call_min)
    FROM services ORDER BY id;
