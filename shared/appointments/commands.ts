import { z } from 'zod';
import { spec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { hallResult } from '../hall/commands';
import { BookingCode, Day, IdNumberInput } from './phone';
import { TemplateLines } from './rules';
import { BookingSettingsFields } from './settings';
import { bookingTables } from './rows';
import { queueCommandSpecs } from '../queue/commands';

export const bookingCommandSpecs = {
  /** A service's slot template (an empty list: the service takes no more bookings; those made stand). */
  'booking.setTemplate': spec({
    payload: z.strictObject({ serviceId: entityId, lines: TemplateLines }),
    result: z.object({ template: bookingTables.booking_templates.row }),
    roles: ['manager'],
    offline: false,
  }),
  'hall.setBookingSettings': spec({ payload: BookingSettingsFields.partial(), result: hallResult, roles: ['manager'], offline: false }),
  /**
   * Check-in at the kiosk by booking code, on the booking's day within its window: an appointment
   * ticket (a normal one when late, if the hall allows), printed as any slip.
   */
  'booking.checkIn': spec({
    payload: z.strictObject({ code: BookingCode }),
    result: queueCommandSpecs['ticket.issue'].result.extend({ late: z.boolean() }),
    roles: ['kiosk'],
    offline: false,
  }),
  /**
   * Check-in at the kiosk by the ID number typed on its keypad (a card reader is a later adapter):
   * matched through the keyed hash, under the same window as by code. The number is neither kept
   * nor shown: the audit masks it as any payload's idNumber.
   */
  'booking.checkInById': spec({
    payload: z.strictObject({ idNumber: IdNumberInput }),
    result: queueCommandSpecs['ticket.issue'].result.extend({ late: z.boolean() }),
    roles: ['kiosk'],
    offline: false,
  }),
  /**
   * Closes a day (or one service on a day) for booking: the bookings still open then are cancelled
   * with the reason, which their holders read when they look them up. `affected` is how many the
   * manager was shown (booking.blackoutAffected): a different count now is refused, to be reviewed again.
   */
  'booking.declareBlackout': spec({
    payload: z.strictObject({
      day: Day,
      serviceId: entityId.nullable(),
      reason: z.string().trim().min(1, '请填写停约原因').max(200),
      affected: z.number().int().min(0),
    }),
    result: z.object({ blackout: bookingTables.booking_blackouts.row, cancelled: z.number().int() }),
    roles: ['manager'],
    offline: false,
  }),
  /**
   * Lifts a blackout (恢复预约) that is in force on a day not yet past: the day opens for booking again.
   * The bookings it cancelled stay cancelled (their holders were told); the answer says how many.
   */
  'booking.liftBlackout': spec({
    payload: z.strictObject({ id: entityId, reason: z.string().trim().min(1, '请填写恢复原因').max(200) }),
    result: z.object({ blackout: bookingTables.booking_blackouts.row, stayCancelled: z.number().int() }),
    roles: ['manager'],
    offline: false,
  }),
  /** A manager lifts a person's booking block (found by their ID number's keyed hash), with a reason; audited. */
  'booking.liftBlock': spec({
    payload: z.strictObject({ idNumber: IdNumberInput, reason: z.string().trim().min(1, '请填写解除原因').max(200) }),
    result: z.object({ idMasked: z.string(), until: z.string() }),
    roles: ['manager'],
    offline: false,
  }),
  /** Ends a day's bookings still open after their slots: no-shows (the day close calls it too). */
  'booking.sweep': spec({
    payload: z.strictObject({}),
    result: z.object({ noShows: z.number().int() }),
    roles: ['manager'],
    offline: false,
  }),
} as const;
