-- A manager's lifting of a person's booking block (issue 16): the person by the keyed hash of their
-- ID number (and its masked form, for the board), the block's end it lifted, the reason and who.
-- The hub's alone, as the bookings are: no-shows whose slot ended before the lift no longer count.
  CREATE TABLE booking_block_lifts (
    id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES halls(id),
    id_hash TEXT NOT NULL, id_masked TEXT NOT NULL, until TEXT NOT NULL,
    reason TEXT NOT NULL, staff_id TEXT REFERENCES staff(id), lifted_at INTEGER NOT NULL
  );
  CREATE INDEX booking_block_lifts_person ON booking_block_lifts(id_hash, lifted_at);
