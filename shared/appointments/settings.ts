import { z } from 'zod';
import { settingsParser } from '../kernel/zod';
import { WeekendBooking } from './enums';

/** The hall's booking rules (`hall.setBookingSettings`), DOMAIN.md "Appointments (预约)". */
export const BookingSettingsFields = z.strictObject({
  /** The first and last working day after today that may be booked (1–5: tomorrow's working day to the fifth). */
  minDaysAhead: z.number().int().min(0).max(30),
  maxDaysAhead: z.number().int().min(1).max(60),
  /** Bookings one person (one ID number) may hold on one day. */
  perPersonPerDay: z.number().int().min(1).max(5),
  /** A booking may be cancelled until this many hours before its slot begins. */
  cancelHoursBefore: z.number().int().min(0).max(72),
  /** This many no-shows within `noShowWindowDays` days block booking for `blockMonths` months. */
  noShowLimit: z.number().int().min(1).max(10),
  noShowWindowDays: z.number().int().min(1).max(365),
  blockMonths: z.number().int().min(1).max(24),
  /** Check-in at the kiosk opens this many minutes before the slot and is on time until this many after its start. */
  earlyMinutes: z.number().int().min(0).max(120),
  lateMinutes: z.number().int().min(0).max(120),
  /** A late arrival (after the on-time window, before the slot's end) gets a normal ticket; otherwise it is refused. */
  lateToNormalQueue: z.boolean(),
  /**
   * The weekday (1 = Monday … 5 = Friday) whose slots a working weekend day (调休 or the hall's
   * duty day) offers: the calendar says the day is worked, not whose timetable it follows.
   */
  weekendWorkdayAs: z.number().int().min(1).max(5),
  /** Which weekend working days take bookings: 调休 days by default; the hall's duty days only when it says so. */
  weekendBooking: WeekendBooking,
});
/** The rules as a whole (a manager's change is merged into the stored ones, then checked so). */
export const BookingSettingsSchema = BookingSettingsFields.refine((s) => s.minDaysAhead <= s.maxDaysAhead, {
  message: '最早可约天数不能晚于最晚可约天数',
  path: ['maxDaysAhead'],
});
export type BookingSettings = z.infer<typeof BookingSettingsSchema>;

export const defaultBookingSettings: BookingSettings = {
  minDaysAhead: 1,
  maxDaysAhead: 5,
  perPersonPerDay: 1,
  cancelHoursBefore: 2,
  noShowLimit: 2,
  noShowWindowDays: 30,
  blockMonths: 3,
  earlyMinutes: 30,
  lateMinutes: 15,
  lateToNormalQueue: true,
  weekendWorkdayAs: 1,
  weekendBooking: 'adjusted',
};

export const parseBookingSettings: (json: string) => BookingSettings = settingsParser(BookingSettingsSchema, defaultBookingSettings);
