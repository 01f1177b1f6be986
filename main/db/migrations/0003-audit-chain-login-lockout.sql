-- Security: the audit chain, sign-in lockout, security settings.
  ALTER TABLE audit ADD COLUMN seq_from INTEGER;
  ALTER TABLE audit ADD COLUMN seq_to INTEGER;
  ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
  ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
  ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE staff ADD COLUMN locked_until INTEGER;
  ALTER TABLE halls ADD COLUMN security_settings TEXT NOT NULL DEFAULT '{}';
