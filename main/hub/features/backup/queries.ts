import { BackupRecord, type backupQuerySpecs } from '../../../../shared/backup/queries';
import type { FeatureQueries } from '../../queries/registry';
import { prepared } from '../../readonlyDb';

/** Kept by the hub's backups (backup/schedule.ts) in meta under this key. */
export const BACKUP_META_KEY = 'backup';

const NONE: BackupRecord = { scheduled: false, lastOkAt: null, failure: null, overdueAt: null, recent: [], running: null };

export const backupQueries = {
  'backup.status': (db) => {
    const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(BACKUP_META_KEY) as { value: string } | undefined;
    if (!row) return NONE;
    const parsed = BackupRecord.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : NONE;
  },
} satisfies FeatureQueries<typeof backupQuerySpecs>;
