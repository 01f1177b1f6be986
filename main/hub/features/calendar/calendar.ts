import { packageYears } from '../../../../shared/calendar/package';
import { calendarOfYears, type WorkCalendar } from '../../../../shared/calendar/rules';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import type { Db } from '../../../db/open';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import type { Store } from '../../store';

/**
 * The hall's working-day calendar on the hub: the years the holiday-data package covers (written
 * to calendar_years once, so terminals and reports see the same data), the years the
 * administrator entered or the region sent (which win over the package's), and the hall's duty days.
 */

/** The package's years live in shared/ (the region imports them too); here they are written to the hall. */
export { packageYears };

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

const cache = new WeakMap<ReadonlyDb, { version: string; calendar: WorkCalendar }>();

/**
 * The calendar as stored now, on any connection (the hub's, or the query worker's read-only one).
 * The cached copy is keyed by a version kept in the database and bumped in the same transaction
 * as any change, so a rolled-back change never leaves a stale copy.
 */
export function hallCalendar(db: ReadonlyDb, hallId: string): WorkCalendar {
  const version =
    (prepared(db, "SELECT value FROM meta WHERE key = 'calendar_version'").get() as { value: string } | undefined)?.value ?? '0';
  const cached = cache.get(db);
  if (cached?.version === version) return cached.calendar;
  const rows = prepared(db, 'SELECT year, holidays, workdays FROM calendar_years WHERE hall_id = ? ORDER BY year').all(hallId) as {
    year: number;
    holidays: string;
    workdays: string;
  }[];
  const hall = prepared(db, 'SELECT case_settings FROM halls WHERE id = ?').get(hallId) as { case_settings: string };
  const settings = parseCaseSettings(hall.case_settings);
  const calendar = calendarOfYears(rows, settings.dutyDays);
  cache.set(db, { version, calendar });
  return calendar;
}

/** Call inside the transaction that changes the calendar years or the duty days. */
export function calendarChanged(db: Db): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('calendar_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
  ).run();
}
