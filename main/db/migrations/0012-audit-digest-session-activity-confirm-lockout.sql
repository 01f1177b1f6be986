-- Security: each audit row's digest of the feed rows its command wrote, an index to count a
-- person's ID reveals, a manager session's last activity (idle timeout), and a terminal's own
-- lockout for staff confirmations typed at it (the kiosk's priority tickets).
  ALTER TABLE audit ADD COLUMN feed_digest TEXT;
  CREATE INDEX audit_reveals ON audit(staff_id, at) WHERE type = 'case.revealId' AND outcome = 'ok';
  ALTER TABLE staff_sessions ADD COLUMN active_at INTEGER;
  ALTER TABLE terminals ADD COLUMN failed_confirms INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE terminals ADD COLUMN confirm_locked_until INTEGER;
