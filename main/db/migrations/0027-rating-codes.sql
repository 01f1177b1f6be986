-- 好差评 by QR or code: a concluded case asks for its rating as a ticket does (its item instead of
-- a service), and every slip and 办结通知书 carries a code the applicant's phone redeems. The codes
-- are the hub's alone (never replicated): a code is a bearer's right to rate, the request's id is not.
  ALTER TABLE rating_requests ADD COLUMN case_id TEXT REFERENCES cases(id);
  ALTER TABLE rating_requests ADD COLUMN item_id TEXT REFERENCES catalog_items(id);
  CREATE UNIQUE INDEX rating_requests_case ON rating_requests(case_id) WHERE case_id IS NOT NULL;
  CREATE INDEX rating_requests_ticket ON rating_requests(ticket_id) WHERE ticket_id IS NOT NULL;
  CREATE TABLE rating_codes (
    code TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    ticket_id TEXT UNIQUE REFERENCES tickets(id), case_id TEXT UNIQUE REFERENCES cases(id),
    created_at INTEGER NOT NULL,
    CHECK ((ticket_id IS NULL) <> (case_id IS NULL))
  );
  -- Replicas hold rating requests without the new columns: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
