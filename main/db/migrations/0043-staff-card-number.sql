-- The window's evaluator shows the serving clerk's 工号 beside the name and photo (DOMAIN.md
-- "Evaluation"): a clerk's card carries it. The 工号 is the login a clerk signs in with, the number
-- the hall prints on badges; it never changes (staff.update keeps logins).
  ALTER TABLE staff_cards ADD COLUMN staff_no TEXT NOT NULL DEFAULT '';
  UPDATE staff_cards SET staff_no = coalesce((SELECT login FROM staff WHERE staff.id = staff_cards.id), '');
  -- Replicas hold cards without the new column: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
