import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../shared/calendar/rules';
import { followupDays } from '../../../shared/followups/rules';
import { packageYears } from '../../../main/hub/features/calendar/calendar';

const years = packageYears();
const calendar = new WorkCalendar({
  years: [...years.keys()],
  holidays: [...years.values()].flatMap((y) => y.holidays),
  workdays: [...years.values()].flatMap((y) => y.workdays),
});

describe('a follow-up’s days on the working-day calendar', () => {
  it.each([
    // Wednesday: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 December.
    ['2026-11-25', 5, { yellow_from: '2026-12-01', due_day: '2026-12-02' }],
    // The eve of National Day 2026 (1–7 October off, Saturday 10 October worked): Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    ['2026-09-30', 5, { yellow_from: '2026-10-12', due_day: '2026-10-13' }],
    // Opened on a holiday: the days count from the next working day.
    ['2026-10-03', 5, { yellow_from: '2026-10-12', due_day: '2026-10-13' }],
    // One day, opened on a Friday: due on Monday, yellow from the day it opens.
    ['2026-11-27', 1, { yellow_from: '2026-11-27', due_day: '2026-11-30' }],
    // A province's 15 days: three weeks of weekdays in November and December 2026.
    ['2026-11-25', 15, { yellow_from: '2026-12-15', due_day: '2026-12-16' }],
  ] as const)('opened %s with %i working days', (opened, days, want) => {
    expect(followupDays(calendar, opened, days)).toEqual(want);
  });
});
