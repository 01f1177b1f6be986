import chineseDays from 'chinese-days/dist/chinese-days.json';
import { WorkCalendar } from '../../../../shared/calendar/rules';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/open';
import type { Store } from '../../store';

/**
 * The hall's working-day calendar on the hub: the years the holiday-data package covers (written
 * to calendar_years once, so terminals and reports see the same data), the years the
 * administrator entered (which win), and the hall's duty days.
 */

interface PackageYear {
  holidays: string[];
  workdays: string[];
}

/** The package's schedule by year. It lists only days that differ from a plain week. */
export function packageYears(): Map<number, PackageYear> {
  const years = new Map<number, PackageYear>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    let entry = years.get(y);
    if (!entry) years.set(y, (entry = { holidays: [], workdays: [] }));
    return entry;
  };
  for (const d of Object.keys(chineseDays.holidays)) yearOf(d).holidays.push(d);
  for (const d of Object.keys(chineseDays.workdays)) yearOf(d).workdays.push(d);
  for (const y of years.values()) {
    y.holidays.sort();
    y.workdays.sort();
  }
  return years;
}

/** Writes the package's years the hall does not have yet (an administrator's year is never replaced). */
export function ensurePackageCalendar(store: Store, hallId: string): number {
  const have = new Set(
    (store.db.prepare('SELECT year FROM calendar_years WHERE hall_id = ?').all(hallId) as { year: number }[]).map((r) => r.year),
  );
  const missing = [...packageYears()].filter(([year]) => !have.has(year));
  if (missing.length === 0) return 0;
  store.transaction(() => {
    calendarChanged(store.db);
    for (const [year, data] of missing) {
      store.upsert('calendar_years', {
        id: `${hallId}:${year}`,
        hall_id: hallId,
        year,
        source: 'package',
        holidays: JSON.stringify(data.holidays),
        workdays: JSON.stringify(data.workdays),
      });
    }
  });
  return missing.length;
}

const cache = new WeakMap<Db, { version: string; calendar: WorkCalendar }>();
const versionStatements = new WeakMap<Db, Statement>();
function versionOf(db: Db): string {
  let s = versionStatements.get(db);
  if (!s) versionStatements.set(db, (s = db.prepare("SELECT value FROM meta WHERE key = 'calendar_version'")));
  return (s.get() as { value: string } | undefined)?.value ?? '0';
}

/**
 * The calendar as stored now. The cached copy is keyed by a version kept in the database and
 * bumped in the same transaction as any change, so a rolled-back change never leaves a stale copy.
 */
export function hallCalendar(store: Store, hallId: string): WorkCalendar {
  const version = versionOf(store.db);
  const cached = cache.get(store.db);
  if (cached?.version === version) return cached.calendar;
  const rows = store.where('calendar_years', 'hall_id = ?', hallId);
  const settings = parseCaseSettings(store.get('halls', hallId)!.case_settings);
  const calendar = new WorkCalendar({
    years: rows.map((r) => r.year),
    holidays: rows.flatMap((r) => JSON.parse(r.holidays) as string[]),
    workdays: [...rows.flatMap((r) => JSON.parse(r.workdays) as string[]), ...settings.dutyDays],
  });
  cache.set(store.db, { version, calendar });
  return calendar;
}

/** Call inside the transaction that changes the calendar years or the duty days. */
export function calendarChanged(db: Db): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('calendar_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
  ).run();
}
