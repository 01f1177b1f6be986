import { type Words } from '../labels';
import type { backup as zh } from '../zh-CN/backup';

export const backup: Words<typeof zh> = {
  'alert.backupFailed': 'The data backup failed ({t}): check the backup disk, or have the administrator read the hub log',
  'alert.backupOverdue': 'The data backup is overdue: the last good backup was at {t}',
  'alert.backupNever': 'The data backup is overdue: no good backup since the hub started',
};
