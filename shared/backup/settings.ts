import { z } from 'zod';

/**
 * The hub's backup schedule, given at its start (`npm run hub -- --backup-to DIR …`): the folders
 * are the hub PC's own (a second disk, a USB drive, a mounted share), so they are set at that PC,
 * not from a terminal. No folder: no scheduled backups (on-demand ones still work).
 */
export const BackupSettingsSchema = z.strictObject({
  /** Each backup is written to every one of these (absolute paths). */
  folders: z
    .array(
      z
        .string()
        .min(2)
        .max(400)
        .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute path'),
    )
    .max(4),
  /** Hours between scheduled backups. */
  everyHours: z.number().int().min(1).max(168),
  /** Also back up right after the day is closed (日终). */
  atDayClose: z.boolean(),
  keep: z.strictObject({
    daily: z.number().int().min(1).max(366),
    weekly: z.number().int().min(0).max(520),
    monthly: z.number().int().min(0).max(1200),
  }),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const defaultBackupSettings: BackupSettings = {
  folders: [],
  everyHours: 6,
  atDayClose: true,
  keep: { daily: 7, weekly: 8, monthly: 12 },
};

/**
 * A backup is overdue once it is this much later than the schedule said: one missed run plus an
 * hour's grace (a long backup, a PC asleep), not the first minute late.
 */
export const overdueAfterMs = (s: BackupSettings) => (2 * s.everyHours + 1) * 3_600_000;
