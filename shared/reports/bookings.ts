import { slotMoment } from '../appointments/rules';
import type { BookingStatus } from '../appointments/enums';
import type { Sums } from './days';

/**
 * 预约 figures (DOMAIN.md "Appointments"): the one definition of what each booking adds to a
 * report, used by the hub's reports (reports/queries) and the booking tab's figures (booking.figures),
 * whose faces compute the rates from these sums (./figures). A booking counts on its slot's day.
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
