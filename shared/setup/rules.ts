import { PRIORITIES, type Priority } from '../queue/enums';

/**
 * Rules of the hall's own setup: when a service takes tickets and which priority classes it takes.
 * A service's classes are stored as a comma list in PRIORITIES order; its ticketing hours as
 * 'HH:MM' in the hall's time, either end open (null).
 */

export const formatPriorities = (classes: readonly Priority[]): string => PRIORITIES.filter((p) => classes.includes(p)).join(',');

export const parsePriorities = (stored: string): Priority[] => PRIORITIES.filter((p) => stored.split(',').includes(p));

/** Minutes since the hall's midnight of 'HH:MM'. */
export const minuteOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The minute of the hall's day at `now`. */
export const hallMinute = (now: number, utcOffsetMinutes: number): number =>
  Math.floor(((((now + utcOffsetMinutes * 60_000) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);

/** Whether a service with these hours takes tickets at `minute` of the hall's day (from inclusive, until exclusive). */
export function withinTicketingHours(hours: { ticket_from: string | null; ticket_until: string | null }, minute: number): boolean {
  if (hours.ticket_from !== null && minute < minuteOfDay(hours.ticket_from)) return false;
  if (hours.ticket_until !== null && minute >= minuteOfDay(hours.ticket_until)) return false;
  return true;
}
