-- The network as data: city → county → township → village nodes, each hall at one node; the
-- supervisors who sign in at the regional board, each over a node and everything under it; their
-- sessions (only the token's hash kept) and an audit of sign-ins and changes.
CREATE TABLE region_nodes (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES region_nodes (id),
  level TEXT NOT NULL CHECK (level IN ('city', 'county', 'township', 'village')),
  name TEXT NOT NULL,
  CHECK ((level = 'city') = (parent_id IS NULL))
);
ALTER TABLE region_halls ADD COLUMN node_id TEXT REFERENCES region_nodes (id);
CREATE TABLE region_supervisors (
  login TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  node_id TEXT NOT NULL REFERENCES region_nodes (id),
  password_hash TEXT NOT NULL,
  failed INT NOT NULL DEFAULT 0,
  locked_until BIGINT
);
CREATE TABLE region_sessions (
  token_hash TEXT PRIMARY KEY,
  login TEXT NOT NULL REFERENCES region_supervisors (login),
  expires_at BIGINT NOT NULL
);
CREATE TABLE region_audit (
  id BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  login TEXT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
