-- The queue: tickets and their events, hall days, queue fields of services and counters.
  ALTER TABLE halls ADD COLUMN queue_settings TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE services ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1));
  ALTER TABLE services ADD COLUMN daily_cap INTEGER CHECK (daily_cap > 0);
  ALTER TABLE services ADD COLUMN max_wait_min INTEGER NOT NULL DEFAULT 30;
  ALTER TABLE services ADD COLUMN max_service_min INTEGER NOT NULL DEFAULT 20;
  ALTER TABLE services ADD COLUMN queue_cap INTEGER NOT NULL DEFAULT 30;
  ALTER TABLE counters ADD COLUMN profile TEXT NOT NULL DEFAULT 'ordered' CHECK (profile IN ('ordered','longest_wait'));
  ALTER TABLE counters ADD COLUMN priority_streak INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE hall_days (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), day TEXT NOT NULL, closed_at INTEGER,
    UNIQUE (hall_id, day)
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), day TEXT NOT NULL,
    service_id TEXT NOT NULL REFERENCES services(id), seq INTEGER NOT NULL, number TEXT NOT NULL,
    -- The service whose prefix and sequence numbered it; service_id changes on transfer, this never.
    issued_service_id TEXT NOT NULL REFERENCES services(id),
    priority TEXT NOT NULL CHECK (priority IN ('normal','green','major','appointment')),
    status TEXT NOT NULL CHECK (status IN ('waiting','called','serving','parked','missed','finished','no_show','cancelled')),
    queue_key REAL NOT NULL, issued_at INTEGER NOT NULL, called_at INTEGER, first_called_at INTEGER,
    started_at INTEGER, finished_at INTEGER, counter_id TEXT REFERENCES counters(id),
    target_counter_id TEXT REFERENCES counters(id), staff_id TEXT REFERENCES staff(id),
    recalls INTEGER NOT NULL DEFAULT 0, park_until INTEGER, end_reason TEXT, handled_services TEXT,
    call_reason TEXT,
    UNIQUE (hall_id, day, number),
    CHECK (status NOT IN ('called','serving') OR counter_id IS NOT NULL)
  );
  -- The service's numbering: a number is never issued twice, whatever the kiosks do at once.
  CREATE UNIQUE INDEX tickets_service_day_seq ON tickets(issued_service_id, day, seq);
  -- A counter holds at most one called or serving ticket.
  CREATE UNIQUE INDEX tickets_one_held_per_counter ON tickets(counter_id) WHERE status IN ('called','serving');
  CREATE INDEX tickets_open ON tickets(service_id, queue_key) WHERE status IN ('waiting','parked','missed');
  CREATE INDEX tickets_day_status ON tickets(day, status);
  CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL REFERENCES tickets(id), type TEXT NOT NULL,
    counter_id TEXT, staff_id TEXT, at INTEGER NOT NULL, detail TEXT
  );
  CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);
