-- Documents from the region (issue 15): the version of each the hall applied — a year's holiday
-- schedule for the whole city, the catalog of items each level takes in by proxy — and the hall
-- administrator's own exceptions to them. A year the region sent is a calendar year of the source
-- 'region': calendar_years.source's CHECK allows it. No table references calendar_years, so it is
-- made again under its name with every row.
  CREATE TABLE calendar_years_old AS SELECT * FROM calendar_years;
  DROP TABLE calendar_years;
  CREATE TABLE calendar_years (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), year INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('package','admin','region')), holidays TEXT NOT NULL, workdays TEXT NOT NULL,
    UNIQUE (hall_id, year)
  );
  INSERT INTO calendar_years (id, hall_id, year, source, holidays, workdays)
    SELECT id, hall_id, year, source, holidays, workdays FROM calendar_years_old;
  DROP TABLE calendar_years_old;
  CREATE TABLE region_documents (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    kind TEXT NOT NULL CHECK (kind IN ('calendar','proxy_catalog')), doc_key TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1), content TEXT NOT NULL,
    hall_level TEXT CHECK (hall_level IN ('city','county','township','village')),
    published_at INTEGER NOT NULL, applied_at INTEGER NOT NULL,
    UNIQUE (hall_id, kind, doc_key)
  );
  CREATE TABLE region_overrides (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    kind TEXT NOT NULL CHECK (kind IN ('calendar','proxy_catalog')), doc_key TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('extra_holiday','refuse_item')), value TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
    made_by TEXT NOT NULL REFERENCES staff(id), made_at INTEGER NOT NULL, revoked_at INTEGER
  );
  -- One live exception of a kind per day or item: the same again is refused, a revoked one may be made anew.
  CREATE UNIQUE INDEX region_overrides_live ON region_overrides(hall_id, type, value) WHERE revoked_at IS NULL;
  -- Replicas hold no rows of the new tables: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
