import { slotMoment, slotsOn, type TemplateLine } from '../appointments/rules';
import type { BookingStatus } from '../appointments/enums';
import type { BookingSettings } from '../appointments/settings';
import { addDays, type WorkCalendar } from '../calendar/rules';
import type { ColumnRef } from '../kernel/definition';
import type { Sums } from './days';

/**
 * 预约 figures (DOMAIN.md "Appointments"): the one definition of what each booking adds to a
 * report, used by the hub's reports (reports/queries) and the booking tab's figures (booking.figures),
 * whose faces compute the rates from these sums (./figures), and — as `bookingSumsSql`, in
 * PostgreSQL — by the regional server's 预约 report over its halls. A booking counts on its slot's day.
 */
export const BOOKING_SUMS = [
  /** Bookings made for the period's days, cancelled ones included. */
  'bookings',
  'cancelled',
  'checked_in',
  /** Not checked in by the slot's end, whether or not the hub has marked them yet. */
  'no_shows',
  /** Places the services' templates offer on the period's working days. */
  'places',
  /** Punctuality: checked-in bookings called, their waits after the slot's time, and those called within the service's target wait. */
  'slot_called',
  'slot_wait_ms',
  'slot_within_target',
] as const;
export type BookingSum = (typeof BOOKING_SUMS)[number];

/** A booking as the figures read it: its slot, its state, and its ticket's check-in and first call. */
export interface BookingFact {
  day: string;
  start: string;
  end: string;
  status: BookingStatus;
  /** The appointment ticket's issue (the check-in), if checked in. */
  checkedInAt: number | null;
  firstCalledAt: number | null;
  /** The service's target wait (services.max_wait_min). */
  targetMinutes: number;
}

/**
 * The wait after the slot's time: from the slot's start — or from the check-in, if later (a person
 * who arrives late has not waited on the hall before arriving; one who arrives early is owed the
 * slot's time, not served from the moment of arrival) — to the first call. Never negative: a
 * person called before the slot began waited nothing past it. Null until called.
 */
export function slotWaitMs(slotStart: number, checkedInAt: number, firstCalledAt: number | null): number | null {
  if (firstCalledAt === null) return null;
  return Math.max(0, firstCalledAt - Math.max(slotStart, checkedInAt));
}

/** What one booking adds to the sums, at `now` (a booking still open after its slot's end is a no-show). */
export function bookingSums(b: BookingFact, now: number, utcOffsetMinutes: number): Sums<BookingSum> {
  const open = b.status === 'booked';
  const missed = b.status === 'no_show' || (open && now >= slotMoment(b.day, b.end, utcOffsetMinutes));
  const wait =
    b.status === 'checked_in' && b.checkedInAt !== null
      ? slotWaitMs(slotMoment(b.day, b.start, utcOffsetMinutes), b.checkedInAt, b.firstCalledAt)
      : null;
  return {
    bookings: 1,
    cancelled: b.status === 'cancelled' ? 1 : 0,
    checked_in: b.status === 'checked_in' ? 1 : 0,
    no_shows: missed ? 1 : 0,
    places: 0,
    slot_called: wait === null ? 0 : 1,
    slot_wait_ms: wait ?? 0,
    slot_within_target: wait !== null && wait <= b.targetMinutes * 60_000 ? 1 : 0,
  };
}

/**
 * The same sums as SQL aggregates in PostgreSQL's dialect (the regional server's store): summed
 * over the rows a query selects, each is what `bookingSums` adds up over the same bookings.
 * `col` names a booking fact as the query reads it (a number for the times and the target, the
 * slot's day 'YYYY-MM-DD' and times 'HH:MM' as text); `now` and `utcOffsetMinutes` are SQL
 * expressions, usually bound parameters. A parity test (tests/integration/regionBookings) checks
 * it against `bookingSums` on generated bookings. Places are not a booking's: see `templatePlaces`.
 */
export function bookingSumsSql(
  col: ColumnRef<keyof BookingFact & string>,
  now: string,
  utcOffsetMinutes: string,
): Record<BookingSum, string> {
  // slotMoment: the day's midnight in the hall (days since the epoch, less the offset), plus the time.
  const moment = (time: string) =>
    `((${col('day')}::date - date '1970-01-01')::bigint * 86400000 - (${utcOffsetMinutes})::bigint * 60000` +
    ` + (split_part(${time}, ':', 1)::bigint * 60 + split_part(${time}, ':', 2)::bigint) * 60000)`;
  const status = col('status');
  const wait =
    `CASE WHEN ${status} = 'checked_in' AND ${col('checkedInAt')} IS NOT NULL AND ${col('firstCalledAt')} IS NOT NULL` +
    ` THEN greatest(0, ${col('firstCalledAt')} - greatest(${moment(col('start'))}, ${col('checkedInAt')})) END`;
  const count = (when: string) => `count(*) FILTER (WHERE ${when})`;
  return {
    bookings: 'count(*)',
    cancelled: count(`${status} = 'cancelled'`),
    checked_in: count(`${status} = 'checked_in'`),
    no_shows: count(`${status} = 'no_show' OR (${status} = 'booked' AND (${now})::bigint >= ${moment(col('end'))})`),
    places: '0',
    slot_called: count(`(${wait}) IS NOT NULL`),
    slot_wait_ms: `coalesce(sum(${wait}), 0)`,
    slot_within_target: count(`(${wait}) <= ${col('targetMinutes')} * 60000`),
  };
}

/** The longest period the places are counted over, day by day (the reports' longest period). */
const MAX_PLACE_DAYS = 3700;

/**
 * The places a service's template (its lines) offers on each day of `from`..`to` that takes
 * bookings, as the booking page offers them (appointments/rules slotsOn); days without any are
 * left out. The hall's reports and the region's count places with this.
 */
export function templatePlaces(
  calendar: WorkCalendar,
  lines: readonly TemplateLine[],
  from: string,
  to: string,
  settings: BookingSettings,
): { day: string; places: number }[] {
  const out: { day: string; places: number }[] = [];
  for (let day = from, n = 0; day <= to && n < MAX_PLACE_DAYS; day = addDays(day, 1), n++) {
    const places = slotsOn(calendar, lines, day, settings).reduce((sum, slot) => sum + slot.capacity, 0);
    if (places > 0) out.push({ day, places });
  }
  return out;
}
