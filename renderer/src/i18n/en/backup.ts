import { type Words } from '../labels';
import type { backup as zh } from '../zh-CN/backup';

export const backup: Words<typeof zh> = {
  'alert.backupFailed': 'The data backup failed ({t}): check the backup disk, or have the administrator read the hub log',
  'alert.backupOverdue': 'The data backup is overdue: the last good backup was at {t}',
  'alert.backupNever': 'The data backup is overdue: no good backup since the hub started',
  'backup.title': 'Data backup',
  'backup.notScheduled': 'The hub has no backup disk for scheduled backups: set one on the hub PC with --backup-to',
  'backup.now': 'Back up now',
  'backup.progress': 'Backup progress',
  'backup.step.copy': 'Copying the database',
  'backup.step.check': 'Checking the copy',
  'backup.step.write': 'Writing the backup file',
  'backup.failed': 'The last backup failed ({t}): check the backup disk or read the hub log',
  'backup.lastOk': 'Last good backup: {t}',
  'backup.recent': 'Recent backups',
  'backup.col.time': 'Taken at',
  'backup.col.file': 'File',
  'backup.col.size': 'Size',
  'backup.col.encrypted': 'Encrypted',
  'backup.yes': 'Yes',
  'backup.no': 'No',
};
