-- 好差评: a manager's review of a flagged rating (fast, burst, away): it stands, or it is excluded from
-- the rates (ratings.excluded, as an upheld appeal does), with what was found, who and when. One review
-- per rating. The hub's alone (never replicated): the board reads it through ratings.flagged.
  CREATE TABLE rating_reviews (
    id TEXT PRIMARY KEY REFERENCES ratings(id), hall_id TEXT NOT NULL REFERENCES halls(id),
    decision TEXT NOT NULL CHECK (decision IN ('stands','excluded')),
    note TEXT NOT NULL, staff_id TEXT NOT NULL REFERENCES staff(id), at INTEGER NOT NULL
  );
