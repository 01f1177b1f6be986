import { z } from 'zod';
import { addDays, addMonths, daysBetween, parseDay, type WorkCalendar } from '../calendar/rules';
import { CLOCK_TIME, hallDayStart } from '../queue/rules';
import type { BookingSettings } from './settings';

/**
 * Slots and booking rules (DOMAIN.md "Appointments (预约)"): pure functions of the hall's calendar,
 * a service's template and the settings. Days are hall-local 'YYYY-MM-DD', times 'HH:MM'.
 */

/** One line of a service's template: on these weekdays (1 = Monday … 5 = Friday), a slot from start to end for `capacity` people. */
export const TemplateLine = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(5)).min(1).max(5),
    start: z.string().regex(CLOCK_TIME, '时间格式为 HH:MM'),
    end: z.string().regex(CLOCK_TIME, '时间格式为 HH:MM'),
    capacity: z.number().int().min(1).max(200),
  })
  .refine((l) => new Set(l.weekdays).size === l.weekdays.length, { message: '星期重复', path: ['weekdays'] });
export type TemplateLine = z.infer<typeof TemplateLine>;

/** A service's template as sent: well-formed lines (their order in time is checked by templateProblem, with a refusal of its own). */
export const TemplateLines = z.array(TemplateLine).max(100);

export interface Slot {
  start: string;
  end: string;
  capacity: number;
}

/**
 * What is wrong with a template, for the manager to fix: a line (1-based) ending before it begins,
 * or a line whose slot overlaps an earlier line's on a weekday both take. Null when it is sound.
 */
export function templateProblem(lines: readonly TemplateLine[]): { kind: 'order' | 'overlap'; line: number } | null {
  const bad = lines.findIndex((l) => l.start >= l.end);
  if (bad >= 0) return { kind: 'order', line: bad + 1 };
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    const clash = lines.slice(0, i).some((o) => o.weekdays.some((d) => l.weekdays.includes(d)) && l.start < o.end && o.start < l.end);
    if (clash) return { kind: 'overlap', line: i + 1 };
  }
  return null;
}

/** 0 = Sunday … 6 = Saturday, of a calendar day. */
const weekdayOf = (day: string): number => new Date(parseDay(day)!).getUTCDay();

/**
 * The slots a service offers on `day`: none on a day off (holidays included, even on a weekday);
 * a working weekend day (调休, duty day) offers the slots of the weekday the hall names, when the
 * hall's weekend setting takes it: 调休 days by default, the hall's own duty days only when it says
 * so, none at all if it says that.
 */
export function slotsOn(calendar: WorkCalendar, lines: readonly TemplateLine[], day: string, settings: BookingSettings): Slot[] {
  if (!takesBookings(calendar, day, settings)) return [];
  const weekday = weekdayOf(day);
  const as = weekday === 0 || weekday === 6 ? settings.weekendWorkdayAs : weekday;
  return lines
    .filter((l) => l.weekdays.includes(as))
    .map(({ start, end, capacity }) => ({ start, end, capacity }))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
}

/**
 * Whether `day` takes bookings at all: a working day, unless it is a weekend day the hall's setting
 * leaves out (a duty day of the hall's own unless it says 'all'; any weekend day when it says 'none').
 */
export function takesBookings(calendar: WorkCalendar, day: string, settings: BookingSettings): boolean {
  if (!calendar.isWorkingDay(day)) return false;
  if (calendar.isDutyOnlyDay(day) && settings.weekendBooking !== 'all') return false;
  const weekday = weekdayOf(day);
  return !((weekday === 0 || weekday === 6) && settings.weekendBooking === 'none');
}

/** How far the bookable days are looked for (a year of days off in a row does not happen). */
const MAX_WALK_DAYS = 366;

/**
 * The days that may be booked today: the days taking bookings from the min-th to the max-th after
 * today (a duty day the hall does not open to bookings is not counted, so the page still offers
 * the hall's number of days).
 */
export function bookableDays(calendar: WorkCalendar, today: string, settings: BookingSettings): string[] {
  const days: string[] = [];
  // Booking today itself (minDaysAhead 0) is allowed on a day that takes bookings only.
  if (settings.minDaysAhead === 0 && takesBookings(calendar, today, settings)) days.push(today);
  let day = today;
  for (let n = 0, walked = 0; n < settings.maxDaysAhead && walked < MAX_WALK_DAYS; walked++) {
    day = addDays(day, 1);
    if (!takesBookings(calendar, day, settings)) continue;
    if (++n >= Math.max(settings.minDaysAhead, 1)) days.push(day);
  }
  return days;
}

/** The moment a slot's time on a day begins, for a hall `utcOffsetMinutes` from UTC. */
export function slotMoment(day: string, time: string, utcOffsetMinutes: number): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return hallDayStart(day, utcOffsetMinutes) + (h * 60 + m) * 60_000;
}

/** Whether a booking whose slot begins at `slotStart` may still be cancelled (or moved) at `now`. */
export const canCancel = (slotStart: number, now: number, settings: BookingSettings): boolean =>
  now <= slotStart - settings.cancelHoursBefore * 3_600_000;

/**
 * Where `now` falls for a check-in to a slot: too early; on time (an appointment ticket); late (a
 * normal ticket, when the hall allows it); or over (the slot ended: a no-show).
 */
export type CheckInTiming = 'early' | 'onTime' | 'late' | 'over';
export function checkInTiming(slotStart: number, slotEnd: number, now: number, settings: BookingSettings): CheckInTiming {
  if (now < slotStart - settings.earlyMinutes * 60_000) return 'early';
  if (now <= slotStart + settings.lateMinutes * 60_000) return 'onTime';
  return now < slotEnd ? 'late' : 'over';
}

/**
 * The last day (exclusive) a person is blocked from booking, given the days of their no-shows:
 * `noShowLimit` of them within `noShowWindowDays` days block booking for `blockMonths` months from
 * the last of those; the block lifts by itself. Null when no such run of no-shows exists.
 */
export function blockedUntil(noShowDays: readonly string[], settings: BookingSettings): string | null {
  const days = [...noShowDays].sort();
  let until: string | null = null;
  for (let i = settings.noShowLimit - 1; i < days.length; i++) {
    if (daysBetween(days[i - settings.noShowLimit + 1]!, days[i]!) < settings.noShowWindowDays) {
      const end = addMonths(days[i]!, settings.blockMonths);
      if (until === null || end > until) until = end;
    }
  }
  return until;
}

/** Whether a block ending `until` (exclusive) still holds on `today`. */
export const isBlocked = (until: string | null, today: string): boolean => until !== null && today < until;

/** The first no-show day that still counts on `today`: older ones can no longer start a block. */
export const noShowHorizon = (today: string, settings: BookingSettings): string =>
  addDays(addMonths(today, -settings.blockMonths), -settings.noShowWindowDays);
