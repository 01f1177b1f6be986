import { z } from 'zod';

/**
 * A booking's state: booked; cancelled by the person (or the hall); checked in at the kiosk (a
 * ticket was issued); a no-show once its slot ended without a check-in.
 */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;

/**
 * Which weekend working days offer slots: none; the official adjusted working days (调休, the
 * default); or those and the hall's own duty days too (值班日, only when the hall says so).
 */
export const WEEKEND_BOOKING = ['none', 'adjusted', 'all'] as const;
export const WeekendBooking = z.enum(WEEKEND_BOOKING);
export type WeekendBooking = z.infer<typeof WeekendBooking>;
