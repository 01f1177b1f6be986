import { describe, expect, it } from 'vitest';
import { backupFileName, backupTakenAt, backupsToKeep } from '../../../shared/backup/retention';
import { hallDay } from '../../../shared/queue/rules';

const HOUR = 3_600_000;
const BEIJING = 480;

describe('backup retention', () => {
  it('names a backup by hall and UTC time and reads the time back from the name only', () => {
    const at = Date.parse('2026-11-25T08:03:07Z');
    expect(backupFileName('H3301', at)).toBe('H3301-20261125T080307Z.shbak');
    expect(backupTakenAt('H3301', 'H3301-20261125T080307Z.shbak')).toBe(at);
    // Another hall's, a foreign file, an impossible date: not ours to prune.
    expect(backupTakenAt('H3301', 'H3302-20261125T080307Z.shbak')).toBeNull();
    expect(backupTakenAt('H3301', 'H3301-20261125T080307Z.shbak.partial')).toBeNull();
    expect(backupTakenAt('H3301', 'H3301-20261340T080307Z.shbak')).toBeNull();
  });

  it('over a simulated year of backups every 6 hours keeps exactly 7 daily, 8 weekly and 12 monthly', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const rule = { daily: 7, weekly: 8, monthly: 12 };
    let kept: number[] = [];
    // As the hub does: after each backup, the folder is pruned to what the rule keeps.
    for (let at = start; at < start + 365 * 24 * HOUR; at += 6 * HOUR) {
      const keep = backupsToKeep([...kept, at], rule, BEIJING);
      kept = [...kept, at].filter((t) => keep.has(t));
    }
    const newest = kept.at(-1)!;
    const days = [...new Set(kept.map((t) => hallDay(t, BEIJING)))];
    // The newest of each of the last 7 hall days …
    const lastDays = Array.from({ length: 7 }, (_, i) => hallDay(newest - i * 24 * HOUR, BEIJING));
    for (const d of lastDays) expect(kept.filter((t) => hallDay(t, BEIJING) === d)).toHaveLength(1);
    for (const d of lastDays)
      expect(kept.find((t) => hallDay(t, BEIJING) === d)).toBe(Math.max(...kept.filter((t) => hallDay(t, BEIJING) === d)));
    // … one per month for 12 months (the oldest kept is within the last year's months) …
    const months = [...new Set(kept.map((t) => hallDay(t, BEIJING).slice(0, 7)))];
    expect(months).toHaveLength(12);
    // … each kept backup is the last of its hall day, and nothing else is kept.
    for (const t of kept) expect(hallDay(t + 6 * HOUR, BEIJING) !== hallDay(t, BEIJING) || t === newest).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(7 + 8 + 12);
    expect(days.length).toBe(kept.length);
    // Weeks: the last 8 Monday–Sunday weeks each hold one.
    const weekStart = (t: number) => {
      const d = Date.parse(`${hallDay(t, BEIJING)}T00:00:00Z`);
      return d - ((new Date(d).getUTCDay() + 6) % 7) * 24 * HOUR;
    };
    const weeks = new Set(kept.map(weekStart));
    for (let w = 0; w < 8; w++) expect(weeks.has(weekStart(newest) - w * 7 * 24 * HOUR)).toBe(true);
    // Worked out by hand: the last backup (Dec 31 18:00 UTC) is on hall day 2027-01-01, a Friday. Days:
    // Dec 26 – Jan 1 (7). Weeks: that week and the one ending Dec 27 are among the days; the Sundays
    // Nov 15 – Dec 20 add 6. Months: Jan and Dec are among the days; the last days of Feb – Nov add 10.
    expect(kept.length).toBe(7 + 6 + 10);
  });

  it('always keeps the newest, and keeps a single backup', () => {
    const at = Date.parse('2026-05-05T05:00:00Z');
    expect(backupsToKeep([at], { daily: 1, weekly: 0, monthly: 0 }, BEIJING)).toEqual(new Set([at]));
    expect(backupsToKeep([at - HOUR, at], { daily: 1, weekly: 0, monthly: 0 }, BEIJING)).toEqual(new Set([at]));
  });
});
