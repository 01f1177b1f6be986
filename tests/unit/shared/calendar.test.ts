import { describe, expect, it } from 'vitest';
import { addMonths, parseDateList, parseDay, WorkCalendar } from '../../../shared/calendar/rules';
import { packageYears } from '../../../main/hub/features/calendar/calendar';

const years = packageYears();
const official = (extraWorkdays: string[] = []) =>
  new WorkCalendar({
    years: [...years.keys()],
    holidays: [...years.values()].flatMap((y) => y.holidays),
    workdays: [...[...years.values()].flatMap((y) => y.workdays), ...extraWorkdays],
  });
const cal = official();

describe('working days on the real schedules (DOMAIN.md checks)', () => {
  it.each([
    ['2025-01-26', true, 'Sunday, adjusted working day before Spring Festival'],
    ['2025-02-08', true, 'Saturday, adjusted working day after Spring Festival'],
    ['2025-09-28', true, 'Sunday, adjusted working day before National Day'],
    ['2025-10-11', true, 'Saturday, adjusted working day after National Day'],
    ['2026-02-14', true, 'Saturday, adjusted working day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'last day of the National Day holiday'],
    ['2025-10-09', true, 'plain Thursday'],
    ['2025-01-01', false, "New Year's Day"],
    ['2025-05-01', false, 'Labour Day'],
    ['2026-01-01', false, "New Year's Day 2026"],
    ['2026-10-01', false, 'National Day 2026'],
    ['2025-06-07', false, 'plain Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('every day of 2025-10-01..08 is off', () => {
    for (let d = 1; d <= 8; d++) expect(cal.isWorkingDay(`2025-10-0${d}`)).toBe(false);
  });

  it('the package covers 2004–2026; 2025 has 248 working days', () => {
    expect(cal.isCovered(2025)).toBe(true);
    expect(cal.isCovered(2026)).toBe(true);
    expect(cal.isCovered(2027)).toBe(false);
    // 2025: 261 weekdays − 18 weekdays off (元旦 1, 春节 6, 清明 1, 劳动节 3, 端午 1, 国庆中秋 6)
    // + 5 adjusted working weekend days (01-26, 02-08, 04-27, 09-28, 10-11) = 248.
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });

  it('adds working days: the acceptance day does not count, holidays are skipped, adjusted weekends count', () => {
    // Accepted Friday 2025-09-26: day 1 is Sunday 09-28 (adjusted), then 09-29, 09-30, then 10-09 after the holiday.
    expect(cal.addWorkingDays('2025-09-26', 1).date).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-09-26', 3).date).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-26', 4).date).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-26', 6).date).toBe('2025-10-11');
    // 20 working days from 2025-01-20 across Spring Festival (01-28..02-04 off; 01-26 and 02-08 worked).
    expect(cal.addWorkingDays('2025-01-20', 20).date).toBe('2025-02-21');
    expect(cal.addWorkingDays('2025-03-03', 0).date).toBe('2025-03-03');
  });

  it('counts working days between two dates (from exclusive, to inclusive)', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-09')).toBe(4);
    expect(cal.workingDaysBetween('2025-10-09', '2025-09-26')).toBe(0);
    expect(cal.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
  });

  it('natural days and months end on the next working day when they fall on a day off', () => {
    expect(cal.addLimit('2025-09-20', 11, 'natural_days').date).toBe('2025-10-09'); // 10-01 is a holiday
    expect(cal.addLimit('2025-03-03', 10, 'natural_days').date).toBe('2025-03-13');
    expect(cal.addLimit('2025-01-31', 1, 'months').date).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(cal.addLimit('2025-08-31', 1, 'months').date).toBe('2025-09-30');
  });

  it('years are twelve months and end on a working day', () => {
    expect(cal.addLimit('2025-03-03', 1, 'years').date).toBe('2026-03-03');
    // 2026-02-28 is a Saturday, but an adjusted working day after Spring Festival.
    expect(cal.addLimit('2025-02-28', 1, 'years').date).toBe('2026-02-28');
    expect(cal.addLimit('2024-02-29', 1, 'years').date).toBe('2025-02-28'); // no 29 February in 2025
    expect(cal.addLimit('2025-10-01', 1, 'years').date).toBe('2026-10-08'); // National Day 2026 is 10-01..07
    expect(cal.addLimit('2025-03-03', 2, 'years')).toEqual({ date: '2027-03-03', uncovered: [2027] });
    expect(cal.addLimit('2025-01-20', 1, 'years', 5).date).toBe('2026-01-26'); // paused days are natural days
  });

  it('a hall duty day counts as a working day', () => {
    const withDuty = official(['2025-06-07']);
    expect(withDuty.isWorkingDay('2025-06-07')).toBe(true);
    expect(withDuty.addWorkingDays('2025-06-06', 1).date).toBe('2025-06-07');
    expect(cal.addWorkingDays('2025-06-06', 1).date).toBe('2025-06-09');
  });
});

describe('a year without a schedule', () => {
  it('is reported by every computation that relies on it', () => {
    expect(cal.addWorkingDays('2026-12-20', 20)).toMatchObject({ uncovered: [2027] });
    expect(cal.addWorkingDays('2026-11-02', 10)).toEqual({ date: '2026-11-16', uncovered: [] });
    expect(cal.addLimit('2026-12-01', 2, 'months').uncovered).toEqual([2027]);
  });

  it('once the administrator enters it, it is covered and used', () => {
    const with2027 = new WorkCalendar({ years: [2026, 2027], holidays: ['2027-01-01'], workdays: [] });
    expect(with2027.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', uncovered: [] });
  });

  it('administrator date lists are checked: real dates, in that year', () => {
    expect(parseDateList('2027-01-01, 2027-02-10\n2027-02-11', 2027)).toEqual({
      ok: true,
      dates: ['2027-01-01', '2027-02-10', '2027-02-11'],
    });
    expect(parseDateList('2027-02-30 2026-12-31 2027-1-1', 2027)).toEqual({ ok: false, bad: ['2027-02-30', '2026-12-31', '2027-1-1'] });
    expect(parseDay('2027-02-29')).toBeNull();
  });
});
