import { hallDay } from '../queue/rules';

/**
 * Backup files are named `<hall id>-<UTC time>.shbak` (e.g. H330201-20261126T080300Z.shbak): the
 * hall and the moment are read from the name alone, so that retention never opens a file, and
 * touches only files of its own hall with a name it made.
 */
export const BACKUP_EXTENSION = '.shbak';

const stamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

export function backupFileName(hallId: string, takenAt: number): string {
  return `${hallId}-${stamp(takenAt)}${BACKUP_EXTENSION}`;
}

/** The moment a backup of `hallId` was taken, from its file name; null for any other file. */
export function backupTakenAt(hallId: string, fileName: string): number | null {
  if (!fileName.startsWith(`${hallId}-`) || !fileName.endsWith(BACKUP_EXTENSION)) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(fileName.slice(hallId.length + 1, -BACKUP_EXTENSION.length));
  if (!m) return null;
  const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return stamp(at) === fileName.slice(hallId.length + 1, -BACKUP_EXTENSION.length) ? at : null;
}

/** How many of the most recent days, weeks and months that have backups keep their newest one. */
export interface RetentionRule {
  daily: number;
  weekly: number;
  monthly: number;
}

/** The Monday (a hall day) of the week `day` falls in. */
function weekOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The backups to keep, of those taken at `taken` (ms): the newest of each of the `daily` most recent
 * hall days that have one, likewise for weeks (Monday to Sunday) and months, and always the newest
 * of all. Days are the hall's (its UTC offset), as its staff count them. The rest may be deleted.
 */
export function backupsToKeep(taken: readonly number[], rule: RetentionRule, utcOffsetMinutes: number): Set<number> {
  const newestFirst = [...new Set(taken)].sort((a, b) => b - a);
  const keep = new Set<number>(newestFirst.slice(0, 1));
  const periods: [number, (day: string) => string][] = [
    [rule.daily, (d) => d],
    [rule.weekly, weekOf],
    [rule.monthly, (d) => d.slice(0, 7)],
  ];
  for (const [count, periodOf] of periods) {
    const seen = new Set<string>();
    for (const at of newestFirst) {
      if (seen.size >= count) break;
      const period = periodOf(hallDay(at, utcOffsetMinutes));
      if (seen.has(period)) continue;
      seen.add(period);
      keep.add(at);
    }
  }
  return keep;
}
