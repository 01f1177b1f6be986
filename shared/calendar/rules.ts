import type { LimitUnit } from './enums';

/**
 * Working days (Administrative Licensing Law art. 82): Monday–Friday, minus the national holidays,
 * plus the adjusted working weekends (调休) and the hall's own duty days. Dates are hall-local
 * calendar days written 'YYYY-MM-DD'; all arithmetic is on those strings, never on a time zone.
 *
 * A year is "covered" when its official schedule is known (from the holiday-data package or
 * entered by the administrator). In an uncovered year every weekday counts as a working day,
 * which is probably wrong, so every result reports the uncovered years it relied on.
 */

export interface CalendarData {
  /** Years whose official schedule is known. */
  years: readonly number[];
  /** Official days off (may include weekend days inside a holiday period). */
  holidays: readonly string[];
  /**
   * Weekend days that are working days: the adjusted working days (调休), and the hall's duty days
   * where a caller need not tell them apart.
   */
  workdays: readonly string[];
  /**
   * The hall's own duty days (值班日), working days too; named apart where it matters that the
   * hall, not the State Council, opened them (the booking page offers them only when the hall says so).
   */
  dutyDays?: readonly string[];
}

export interface DayResult {
  date: string;
  /** Years without a known schedule that the computation passed through, ascending. */
  uncovered: number[];
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly (2026-02-30 is not a date); null otherwise. */
export function parseDay(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatDay(t) === date ? t : null;
}

export const formatDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

function dayMs(date: string): number {
  const t = parseDay(date);
  if (t === null) throw new RangeError(`not a date: ${date}`);
  return t;
}

export const addDays = (date: string, n: number): string => formatDay(dayMs(date) + n * DAY_MS);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

/** Same day of the month `n` months later; a missing day (31 Feb) becomes the month's last day. */
export function addMonths(date: string, n: number): string {
  const d = new Date(dayMs(date));
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
  const t = new Date(target);
  const lastDay = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDay(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d.getUTCDate(), lastDay)));
}

/**
 * The day a limit in natural days, months or years reaches from `date`, before any roll to a
 * working day: a year is twelve months (29 Feb + 1 year is 28 Feb).
 */
export function calendarEnd(date: string, n: number, unit: Exclude<LimitUnit, 'working_days'>): string {
  if (unit === 'natural_days') return addDays(date, n);
  return addMonths(date, unit === 'years' ? 12 * n : n);
}

export class WorkCalendar {
  private readonly years: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;
  private readonly dutyDays: ReadonlySet<string>;

  constructor(data: CalendarData) {
    this.years = new Set(data.years);
    this.holidays = new Set(data.holidays);
    this.workdays = new Set(data.workdays);
    this.dutyDays = new Set(data.dutyDays);
  }

  isCovered(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.dutyDays.has(date) || this.isOfficialWorkingDay(date);
  }

  /** Whether `date` is worked only because the hall named it a duty day (an official working day is not). */
  isDutyOnlyDay(date: string): boolean {
    return this.dutyDays.has(date) && !this.isOfficialWorkingDay(date);
  }

  /** A working day by the official schedule alone: a weekday not a holiday, or an adjusted working day (调休). */
  private isOfficialWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(dayMs(date)).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The n-th working day after `date` (the start day itself never counts: day 1 is the next
   * working day). n = 0 is `date` itself: an on-the-spot item is due the day it is accepted.
   */
  addWorkingDays(date: string, n: number): DayResult {
    const uncovered = new Set<number>();
    let t = dayMs(date);
    this.note(t, uncovered);
    for (let left = n; left > 0;) {
      t += DAY_MS;
      const d = formatDay(t);
      this.note(t, uncovered);
      if (this.isWorkingDay(d)) left--;
    }
    return { date: formatDay(t), uncovered: [...uncovered].sort() };
  }

  /** Working days d with from < d ≤ to (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let t = dayMs(from) + DAY_MS, end = dayMs(to); t <= end; t += DAY_MS) if (this.isWorkingDay(formatDay(t))) count++;
    return count;
  }

  /** The first working day on or after `date`: a period ending on a day off ends on the next working day. */
  nextWorkingDay(date: string): DayResult {
    const uncovered = new Set<number>();
    let t = dayMs(date);
    this.note(t, uncovered);
    while (!this.isWorkingDay(formatDay(t))) {
      t += DAY_MS;
      this.note(t, uncovered);
    }
    return { date: formatDay(t), uncovered: [...uncovered].sort() };
  }

  /** The last day of a limit of `n` `unit`s counted from `date`, plus `extraDays` (in the unit's days). */
  addLimit(date: string, n: number, unit: LimitUnit, extraDays = 0): DayResult {
    if (unit === 'working_days') return this.addWorkingDays(date, n + extraDays);
    return this.nextWorkingDay(addDays(calendarEnd(date, n, unit), extraDays));
  }

  /** Days of a pause from `from` to `to` as the limit's unit counts them. */
  pauseLength(from: string, to: string, unit: LimitUnit): number {
    return unit === 'working_days' ? this.workingDaysBetween(from, to) : Math.max(0, daysBetween(from, to));
  }

  private note(t: number, uncovered: Set<number>): void {
    const year = new Date(t).getUTCFullYear();
    if (!this.years.has(year)) uncovered.add(year);
  }
}

/**
 * A hall's calendar from its stored years (calendar_years rows: JSON arrays of days) and its own
 * duty days: how the hub reads its own, and the region a hall's from the rows it holds.
 */
export const calendarOfYears = (
  rows: readonly { year: number; holidays: string; workdays: string }[],
  dutyDays: readonly string[],
): WorkCalendar =>
  new WorkCalendar({
    years: rows.map((r) => r.year),
    holidays: rows.flatMap((r) => JSON.parse(r.holidays) as string[]),
    workdays: rows.flatMap((r) => JSON.parse(r.workdays) as string[]),
    dutyDays,
  });

/** The entries of a typed list of days: separated by spaces, new lines, or commas and semicolons of either script. */
export const listEntries = (text: string): string[] => text.split(/[\s,，、;；]+/).filter(Boolean);

/**
 * Parses an administrator's list of dates (one per line, or separated by commas or spaces) for
 * one year; every entry must be a real date in that year.
 */
export function parseDateList(text: string, year: number): { ok: true; dates: string[] } | { ok: false; bad: string[] } {
  const entries = listEntries(text);
  const bad = entries.filter((e) => parseDay(e) === null || !e.startsWith(`${year}-`));
  if (bad.length) return { ok: false, bad };
  return { ok: true, dates: [...new Set(entries)].sort() };
}
