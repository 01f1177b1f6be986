-- 效能档案: managers' dated entries about a staff member (明查暗访 findings, training, commendations,
-- deductions), each contestable once by the staff member and decided by another manager; the
-- monthly score sheet's rules, one row per version (none yet: version 1 is the built-in default);
-- and the monthly scores, one per staff member, month and rules version used.
  CREATE TABLE archive_entries (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), staff_id TEXT NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL CHECK (kind IN ('inspection','training','commendation','deduction')),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    item TEXT, times INTEGER NOT NULL DEFAULT 1 CHECK (times BETWEEN 1 AND 31),
    note TEXT NOT NULL, by_id TEXT NOT NULL REFERENCES staff(id), at INTEGER NOT NULL,
    contest TEXT CHECK (contest IN ('pending','upheld','rejected')), contest_grounds TEXT, contested_at INTEGER,
    decided_by TEXT REFERENCES staff(id), decided_at INTEGER, decision_note TEXT,
    -- Only a finding or a deduction takes points off, by an item of the score sheet.
    CHECK (item IS NULL OR kind IN ('inspection','deduction')),
    CHECK ((contest IS NULL) = (contested_at IS NULL)),
    CHECK ((contest IN ('upheld','rejected')) = (decided_at IS NOT NULL))
  );
  CREATE INDEX archive_entries_staff ON archive_entries(staff_id, day);
  CREATE INDEX archive_entries_day ON archive_entries(day);
  CREATE TABLE score_rules (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), version INTEGER NOT NULL CHECK (version >= 2),
    rules TEXT NOT NULL, by_id TEXT NOT NULL REFERENCES staff(id), at INTEGER NOT NULL,
    UNIQUE (hall_id, version)
  );
  CREATE TABLE archive_scores (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id), staff_id TEXT NOT NULL REFERENCES staff(id),
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'), rules_version INTEGER NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100), detail TEXT NOT NULL, by_id TEXT NOT NULL REFERENCES staff(id), at INTEGER NOT NULL,
    UNIQUE (staff_id, month, rules_version)
  );
  CREATE INDEX archive_scores_month ON archive_scores(month, rules_version);
  -- Replicas hold none of the new tables: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
