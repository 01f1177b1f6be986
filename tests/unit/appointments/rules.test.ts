import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../shared/calendar/rules';
import {
  blockedUntil,
  bookableDays,
  canCancel,
  checkInTiming,
  isBlocked,
  noShowHorizon,
  slotMoment,
  slotsOn,
  TemplateLines,
  templateProblem,
  type TemplateLine,
} from '../../../shared/appointments/rules';
import { BookingSettingsSchema, defaultBookingSettings as S, parseBookingSettings } from '../../../shared/appointments/settings';

// National Day 2026 as a hall might enter it: 1–7 Oct off, Sunday 27 Sep and Saturday 10 Oct worked (调休).
const calendar = new WorkCalendar({
  years: [2026],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-27', '2026-10-10'],
});

const lines: TemplateLine[] = [
  { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '09:30', capacity: 5 },
  { weekdays: [1, 3], start: '14:00', end: '14:40', capacity: 3 },
  { weekdays: [5], start: '10:00', end: '10:30', capacity: 2 },
];

describe('slots on the working-day calendar', () => {
  it('a weekday offers its lines, in time order', () => {
    // 2026-09-28 is a Monday.
    expect(slotsOn(calendar, lines, '2026-09-28', S)).toEqual([
      { start: '09:00', end: '09:30', capacity: 5 },
      { start: '14:00', end: '14:40', capacity: 3 },
    ]);
    // 2026-09-30 is a Wednesday, 2026-09-29 a Tuesday.
    expect(slotsOn(calendar, lines, '2026-09-29', S)).toEqual([{ start: '09:00', end: '09:30', capacity: 5 }]);
  });

  it('a holiday on a weekday offers nothing, an ordinary weekend neither', () => {
    expect(slotsOn(calendar, lines, '2026-10-01', S)).toEqual([]); // Thursday, National Day
    expect(slotsOn(calendar, lines, '2026-10-05', S)).toEqual([]); // Monday inside the holiday
    expect(slotsOn(calendar, lines, '2026-10-17', S)).toEqual([]); // an ordinary Saturday
  });

  it('a 调休 weekend day offers the slots of the weekday the hall names', () => {
    expect(slotsOn(calendar, lines, '2026-09-27', S)).toEqual(slotsOn(calendar, lines, '2026-09-28', S)); // Sunday as Monday
    expect(slotsOn(calendar, lines, '2026-10-10', { ...S, weekendWorkdayAs: 5 })).toEqual([
      { start: '09:00', end: '09:30', capacity: 5 },
      { start: '10:00', end: '10:30', capacity: 2 },
    ]);
  });

  it('the hall’s duty weekends take bookings only when the hall says so; 调休 weekends follow the setting too', () => {
    // The same schedule, and the hall on duty on Saturday 17 Oct and on Friday 2 Oct (a holiday).
    const withDuty = new WorkCalendar({
      years: [2026],
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-27', '2026-10-10'],
      dutyDays: ['2026-10-17', '2026-10-02', '2026-10-10'],
    });
    const monday = slotsOn(withDuty, lines, '2026-09-28', S);
    // Default ('adjusted'): the 调休 Saturday takes bookings, the duty days do not (a duty day that is also 调休 stays official).
    expect(slotsOn(withDuty, lines, '2026-10-10', S)).toEqual(monday);
    expect(slotsOn(withDuty, lines, '2026-10-17', S)).toEqual([]);
    expect(slotsOn(withDuty, lines, '2026-10-02', S)).toEqual([]);
    // 'all': the duty Saturday offers the named weekday's slots, the duty holiday its own weekday's (a Friday).
    const all = { ...S, weekendBooking: 'all' as const };
    expect(slotsOn(withDuty, lines, '2026-10-17', all)).toEqual(monday);
    expect(slotsOn(withDuty, lines, '2026-10-02', all)).toEqual([
      { start: '09:00', end: '09:30', capacity: 5 },
      { start: '10:00', end: '10:30', capacity: 2 },
    ]);
    // 'none': no weekend day, 调休 or duty, takes bookings; weekdays are untouched.
    const none = { ...S, weekendBooking: 'none' as const };
    expect(slotsOn(withDuty, lines, '2026-10-10', none)).toEqual([]);
    expect(slotsOn(withDuty, lines, '2026-09-27', none)).toEqual([]);
    expect(slotsOn(withDuty, lines, '2026-10-12', none)).toEqual(monday);
    // The bookable days skip the days not taking bookings, so the hall's five are still offered.
    // Friday 9 Oct: Sat 10 (调休), Mon 12 … Thu 15; with 'none' the 调休 Saturday is skipped for Fri 16.
    expect(bookableDays(withDuty, '2026-10-09', S)).toEqual(['2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15']);
    expect(bookableDays(withDuty, '2026-10-09', none)).toEqual(['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']);
    // Thursday 15 Oct: the duty Saturday 17 only with 'all'.
    expect(bookableDays(withDuty, '2026-10-15', S)).toEqual(['2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22']);
    expect(bookableDays(withDuty, '2026-10-15', all)).toEqual(['2026-10-16', '2026-10-17', '2026-10-19', '2026-10-20', '2026-10-21']);
    // Across the holiday: Wednesday 30 Sep, the duty Friday 2 Oct is offered only with 'all'.
    expect(bookableDays(withDuty, '2026-09-30', all).slice(0, 2)).toEqual(['2026-10-02', '2026-10-08']);
    expect(bookableDays(withDuty, '2026-09-30', S).slice(0, 2)).toEqual(['2026-10-08', '2026-10-09']);
  });

  it('bookable days are the 1st to 5th working days ahead, across the holiday and the 调休 days', () => {
    // Friday 25 Sep: Sun 27 (调休), Mon 28, Tue 29, Wed 30, then Thu 8 Oct (1–7 are off).
    expect(bookableDays(calendar, '2026-09-25', S)).toEqual(['2026-09-27', '2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08']);
    // Wednesday 30 Sep: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
    expect(bookableDays(calendar, '2026-09-30', S)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13']);
    expect(bookableDays(calendar, '2026-09-30', { ...S, minDaysAhead: 2, maxDaysAhead: 3 })).toEqual(['2026-10-09', '2026-10-10']);
  });

  it('same-day booking (min 0) is offered on a working day only', () => {
    expect(bookableDays(calendar, '2026-09-30', { ...S, minDaysAhead: 0, maxDaysAhead: 1 })).toEqual(['2026-09-30', '2026-10-08']);
    expect(bookableDays(calendar, '2026-10-03', { ...S, minDaysAhead: 0, maxDaysAhead: 1 })).toEqual(['2026-10-08']);
  });
});

describe('templates', () => {
  it('names the line that overlaps an earlier one on a weekday both take, or ends before it begins', () => {
    expect(templateProblem(lines)).toBeNull();
    expect(templateProblem([...lines, { weekdays: [3], start: '14:30', end: '15:00', capacity: 1 }])).toEqual({ kind: 'overlap', line: 4 });
    expect(templateProblem([...lines, { weekdays: [2, 5], start: '08:45', end: '09:15', capacity: 1 }])).toEqual({
      kind: 'overlap',
      line: 4,
    });
    // The same times on a weekday the other line does not take are fine; so are slots end to end.
    expect(templateProblem([...lines, { weekdays: [2], start: '14:30', end: '15:00', capacity: 1 }])).toBeNull();
    expect(templateProblem([...lines, { weekdays: [1], start: '09:30', end: '10:00', capacity: 1 }])).toBeNull();
    expect(templateProblem([lines[0]!, { weekdays: [1], start: '10:00', end: '09:00', capacity: 1 }])).toEqual({ kind: 'order', line: 2 });
    expect(templateProblem([{ weekdays: [1], start: '10:00', end: '10:00', capacity: 1 }])).toEqual({ kind: 'order', line: 1 });
  });

  it('refuses a bad time, a zero capacity, a weekend weekday, a weekday twice', () => {
    expect(TemplateLines.safeParse(lines).success).toBe(true);
    expect(TemplateLines.safeParse([{ weekdays: [1, 1], start: '09:00', end: '09:30', capacity: 1 }]).success).toBe(false);
    expect(TemplateLines.safeParse([{ weekdays: [1], start: '9:00', end: '09:30', capacity: 1 }]).success).toBe(false);
    expect(TemplateLines.safeParse([{ weekdays: [1], start: '09:00', end: '09:30', capacity: 0 }]).success).toBe(false);
    expect(TemplateLines.safeParse([{ weekdays: [6], start: '09:00', end: '09:30', capacity: 1 }]).success).toBe(false);
  });
});

describe('cut-offs', () => {
  // The hall is UTC+8: 09:00 on 28 Sep is 01:00 UTC.
  const start = slotMoment('2026-09-28', '09:00', 480);
  const end = slotMoment('2026-09-28', '09:30', 480);
  const at = (hhmm: string) => Date.parse(`2026-09-28T${hhmm}:00+08:00`);

  it('a slot begins at its hall-local time', () => {
    expect(start).toBe(Date.parse('2026-09-28T01:00:00Z'));
  });

  it('cancelling is allowed until 2 hours before the slot', () => {
    expect(canCancel(start, at('07:00'), S)).toBe(true);
    expect(canCancel(start, at('07:01'), S)).toBe(false);
    expect(canCancel(start, at('08:59'), { ...S, cancelHoursBefore: 0 })).toBe(true);
  });

  it('check-in: 30 minutes early, on time until 15 after the start, late until the end, then over', () => {
    expect(checkInTiming(start, end, at('08:29'), S)).toBe('early');
    expect(checkInTiming(start, end, at('08:30'), S)).toBe('onTime');
    expect(checkInTiming(start, end, at('09:15'), S)).toBe('onTime');
    expect(checkInTiming(start, end, at('09:16'), S)).toBe('late');
    expect(checkInTiming(start, end, at('09:30'), S)).toBe('over');
  });
});

describe('the no-show block', () => {
  it('two no-shows within 30 days block for 3 months from the second, then lift by themselves', () => {
    expect(blockedUntil(['2026-03-02', '2026-03-20'], S)).toBe('2026-06-20');
    expect(isBlocked('2026-06-20', '2026-06-19')).toBe(true);
    expect(isBlocked('2026-06-20', '2026-06-20')).toBe(false);
  });

  it('one no-show, or two 30 days apart, block nothing', () => {
    expect(blockedUntil(['2026-03-02'], S)).toBeNull();
    expect(blockedUntil(['2026-03-02', '2026-04-01'], S)).toBeNull();
    expect(blockedUntil(['2026-03-02', '2026-03-31'], S)).toBe('2026-06-30');
    expect(isBlocked(null, '2026-03-02')).toBe(false);
  });

  it('the latest run decides, in any order given; the limit is a setting', () => {
    expect(blockedUntil(['2026-05-10', '2026-01-05', '2026-05-01', '2026-01-10'], S)).toBe('2026-08-10');
    expect(blockedUntil(['2026-05-01', '2026-05-10'], { ...S, noShowLimit: 3 })).toBeNull();
    expect(blockedUntil(['2026-05-01', '2026-05-10', '2026-05-20'], { ...S, noShowLimit: 3, blockMonths: 1 })).toBe('2026-06-20');
  });

  it('no-shows before the horizon cannot start a block that still holds', () => {
    const today = '2026-06-20';
    const horizon = noShowHorizon(today, S);
    // A run ending the day before three months ago has lifted; its first day lies at most 30 days earlier.
    expect(blockedUntil(['2026-02-19', '2026-03-19'], S)).toBe('2026-06-19');
    expect(horizon <= '2026-02-19').toBe(true);
  });
});

describe('booking settings', () => {
  it('default to the common rules, and refuse a first day after the last', () => {
    expect(parseBookingSettings('{}')).toEqual(S);
    expect(parseBookingSettings('{"maxDaysAhead":7}').maxDaysAhead).toBe(7);
    expect(BookingSettingsSchema.safeParse({ ...S, minDaysAhead: 6 }).success).toBe(false);
  });
});
