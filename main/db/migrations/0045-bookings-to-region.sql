-- The regional server's 预约 report (issue 15): bookings become a replicated table for the region
-- alone, without the person (shared/appointments/rows: name, masked ID, its keyed hash, phone and
-- the code stay the hub's own columns), and the slot templates reach it too. No column changes; the
-- region holds none of the bookings made before this start: the next start answers older cursors
-- with snapshots.
  DELETE FROM meta WHERE key = 'scope';
