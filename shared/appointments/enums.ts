import { z } from 'zod';

/**
 * A booking's state: booked; cancelled by the person (or the hall); checked in at the kiosk (a
 * ticket was issued); a no-show once its slot ended without a check-in.
 */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;
