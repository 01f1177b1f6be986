-- The regional store: the halls this region follows, with each one's feed cursor; every row each
-- hall lets the region see, as the hall last sent it; and every change received, keyed by (hall,
-- seq) so that no change can land twice.
CREATE TABLE region_halls (
  hall_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hub_url TEXT NOT NULL,
  -- The region terminal's token at the hall (a secret: whoever holds it reads the hall's feed).
  token TEXT NOT NULL,
  epoch TEXT,
  cursor BIGINT NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  synced_at TIMESTAMPTZ
);
CREATE TABLE hall_rows (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  row JSONB NOT NULL,
  PRIMARY KEY (hall_id, tbl, id)
);
CREATE TABLE hall_changes (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  seq BIGINT NOT NULL,
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, seq)
);
