-- Ticket events become replicated rows (staff terminals, the regional server, reports), with text
-- ids unique across halls, '<ticket id>-<n>' for the ticket's n-th event, and their ticket's hall.
-- SQLite cannot change a primary key in place: the table is rebuilt (nothing references it), its
-- rows keep their order and columns, and its index is made again.
  ALTER TABLE ticket_events RENAME TO ticket_events_old;
  CREATE TABLE ticket_events (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), ticket_id TEXT NOT NULL REFERENCES tickets(id),
    type TEXT NOT NULL, counter_id TEXT, staff_id TEXT, at INTEGER NOT NULL, detail TEXT
  );
  INSERT INTO ticket_events (id, hall_id, ticket_id, type, counter_id, staff_id, at, detail)
    SELECT e.ticket_id || '-' || row_number() OVER (PARTITION BY e.ticket_id ORDER BY e.id),
      (SELECT t.hall_id FROM tickets t WHERE t.id = e.ticket_id), e.ticket_id, e.type, e.counter_id, e.staff_id, e.at, e.detail
    FROM ticket_events_old e ORDER BY e.id;
  DROP TABLE ticket_events_old;
  CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
  -- Snapshots send today's events (at >= the day's start), and reports read them by time.
  CREATE INDEX ticket_events_at ON ticket_events(at);
