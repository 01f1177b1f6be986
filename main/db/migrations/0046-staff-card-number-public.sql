-- A card's 工号 is the hall's public staff number (人员管理, or the setup sheet's 公示工号), never
-- the login: a login shown on the evaluator would let anyone lock its clerk out by failing
-- passwords at the kiosk's staff confirmation. 0043 had filled the cards with logins; they go.
  UPDATE staff_cards SET staff_no = '' WHERE staff_no = (SELECT login FROM staff WHERE staff.id = staff_cards.id);
  -- Replicas hold cards with the logins: the next start answers older cursors with snapshots.
  DELETE FROM meta WHERE key = 'scope';
