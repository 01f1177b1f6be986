-- Documents sent down to every hall (issue 15): each version a city supervisor publishes (a year's
-- holiday schedule, the proxy catalog), kept for good; and what each hall answered to the last
-- version sent to it: acknowledged (its version and when), or refused (why, typed).
CREATE TABLE region_documents (
  kind TEXT NOT NULL CHECK (kind IN ('calendar', 'proxy_catalog')),
  doc_key TEXT NOT NULL,
  version INT NOT NULL CHECK (version >= 1),
  content JSONB NOT NULL,
  published_by TEXT NOT NULL REFERENCES region_supervisors (login),
  published_at BIGINT NOT NULL,
  PRIMARY KEY (kind, doc_key, version)
);
CREATE TABLE region_document_acks (
  hall_id TEXT NOT NULL REFERENCES region_halls (hall_id),
  kind TEXT NOT NULL,
  doc_key TEXT NOT NULL,
  -- The version the hall acknowledged last, and when; null while it has acknowledged none.
  version INT,
  acked_at BIGINT,
  -- The level of the hall's node it was sent with: a hall placed elsewhere is sent the proxy catalog again.
  level TEXT,
  -- The last version the hall refused, with its typed refusal (code, reason, words); null once a later one is acknowledged.
  refused_version INT,
  refused_error JSONB,
  PRIMARY KEY (hall_id, kind, doc_key)
);
