import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';

/** One backup file as the hub reports it. */
export const BackupEntry = z.object({
  file: z.string(),
  bytes: z.number(),
  takenAt: z.number(),
  schema: z.number(),
  auditRows: z.number(),
  encrypted: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/**
 * What the hub records of its backups (in its database's meta, so that a restart keeps it): the
 * board raises an alert from it, and lists the last backups.
 */
export const BackupRecord = z.object({
  scheduled: z.boolean(),
  lastOkAt: z.number().nullable(),
  /** The last backup's failure, until one succeeds. */
  failure: z.object({ at: z.number(), message: z.string() }).nullable(),
  /** When the next backup is overdue (scheduled backups only). */
  overdueAt: z.number().nullable(),
  recent: z.array(BackupEntry),
  /** A backup under way: copying the database, checking the copy, writing the file. */
  running: z.object({ step: z.enum(['copy', 'check', 'write']), share: z.number().min(0).max(1) }).nullable(),
});
export type BackupRecord = z.infer<typeof BackupRecord>;

export const backupQuerySpecs = {
  /** The hub's backups: the last ones, a failure, when one is overdue. */
  'backup.status': { params: z.strictObject({}), result: BackupRecord, roles: ['manager'] },
} as const satisfies Record<string, QuerySpec>;
