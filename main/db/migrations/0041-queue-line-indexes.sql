-- The queue's hot reads keep one cost however many wait (issue 9: a hall with thousands waiting).
-- A line (one service, one class, waiting and sent to no counter) is read from its head in key order
-- and counted by key: call-next reads the head of each of its counter's lines, the wait estimate reads
-- on only as far as its simulation calls. Parked tickets and tickets sent to a counter are read whole
-- (few). The line carries the ticket id (and its target, null, which SQLite checks), so that reading
-- it never leaves the index. A service's latest finished tickets give its typical service time.
  CREATE INDEX tickets_line ON tickets(day, service_id, priority, queue_key, id, target_counter_id) WHERE status = 'waiting' AND target_counter_id IS NULL;
  CREATE INDEX tickets_off_line ON tickets(day) WHERE status = 'parked' OR (status = 'waiting' AND target_counter_id IS NOT NULL);
  CREATE INDEX tickets_finished ON tickets(day, service_id, finished_at) WHERE status = 'finished';
