import { describe, expect, it } from 'vitest';
import { bookingSums, slotWaitMs, type BookingFact } from '../../../shared/reports/bookings';

const MIN = 60_000;
const OFFSET = 480; // the hall's clock, UTC+8
const at = (hm: string) => Date.parse(`2026-11-26T${hm}:00+08:00`);
const fact = (over: Partial<BookingFact> = {}): BookingFact => ({
  day: '2026-11-26',
  start: '09:00',
  end: '09:30',
  status: 'booked',
  checkedInAt: null,
  firstCalledAt: null,
  targetMinutes: 20,
  ...over,
});

describe('what a booking adds to the figures', () => {
  it('measures the wait after the slot from its start, or the check-in when later; never below zero; none until called', () => {
    expect(slotWaitMs(at('09:00'), at('08:40'), at('09:12'))).toBe(12 * MIN);
    expect(slotWaitMs(at('09:00'), at('09:10'), at('09:25'))).toBe(15 * MIN);
    expect(slotWaitMs(at('09:00'), at('08:40'), at('08:55'))).toBe(0);
    expect(slotWaitMs(at('09:00'), at('08:40'), null)).toBeNull();
  });

  it('counts a booking by its state, an open one past its slot as a no-show, and the called within the target', () => {
    const none = { cancelled: 0, checked_in: 0, no_shows: 0, places: 0, slot_called: 0, slot_wait_ms: 0, slot_within_target: 0 };
    expect(bookingSums(fact(), at('09:29'), OFFSET)).toEqual({ bookings: 1, ...none });
    expect(bookingSums(fact(), at('09:30'), OFFSET)).toEqual({ bookings: 1, ...none, no_shows: 1 });
    expect(bookingSums(fact({ status: 'no_show' }), at('08:00'), OFFSET)).toEqual({ bookings: 1, ...none, no_shows: 1 });
    expect(bookingSums(fact({ status: 'cancelled' }), at('12:00'), OFFSET)).toEqual({ bookings: 1, ...none, cancelled: 1 });
    const checkedIn = fact({ status: 'checked_in', checkedInAt: at('08:50') });
    expect(bookingSums(checkedIn, at('12:00'), OFFSET)).toEqual({ bookings: 1, ...none, checked_in: 1 });
    expect(bookingSums({ ...checkedIn, firstCalledAt: at('09:20') }, at('12:00'), OFFSET)).toEqual({
      bookings: 1,
      ...none,
      checked_in: 1,
      slot_called: 1,
      slot_wait_ms: 20 * MIN,
      slot_within_target: 1,
    });
    expect(bookingSums({ ...checkedIn, firstCalledAt: at('09:21') }, at('12:00'), OFFSET)).toMatchObject({
      slot_called: 1,
      slot_wait_ms: 21 * MIN,
      slot_within_target: 0,
    });
  });
});
