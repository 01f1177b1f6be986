-- Every replicated row names its hall: counter_services gets its counter's hall_id. SQLite cannot
-- add a NOT NULL foreign key column in place: the table is rebuilt (nothing references it).
  ALTER TABLE counter_services RENAME TO counter_services_old;
  CREATE TABLE counter_services (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), counter_id TEXT NOT NULL REFERENCES counters(id),
    service_id TEXT NOT NULL REFERENCES services(id), position INTEGER NOT NULL,
    UNIQUE (counter_id, service_id)
  );
  INSERT INTO counter_services (id, hall_id, counter_id, service_id, position)
    SELECT cs.id, (SELECT c.hall_id FROM counters c WHERE c.id = cs.counter_id), cs.counter_id, cs.service_id, cs.position
    FROM counter_services_old cs ORDER BY cs.rowid;
  DROP TABLE counter_services_old;
  -- Replicas hold counter_services without hall_id: the feed carries the rows again, as the hub's
  -- Store would have written them, right after the newest entry.
  INSERT INTO feed (seq, at, tbl, row_id, op, data)
    SELECT (SELECT coalesce(max(seq), 0) FROM feed) + row_number() OVER (ORDER BY id), CAST(unixepoch('subsec') * 1000 AS INTEGER),
      'counter_services', id, 'upsert',
      json_object('id', id, 'hall_id', hall_id, 'counter_id', counter_id, 'service_id', service_id, 'position', position)
    FROM counter_services ORDER BY id;
