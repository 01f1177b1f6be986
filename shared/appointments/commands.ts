import { z } from 'zod';
import { spec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { hallResult } from '../hall/commands';
import { BookingCode } from './phone';
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
  /** Ends a day's bookings still open after their slots: no-shows (the day close calls it too). */
  'booking.sweep': spec({
    payload: z.strictObject({}),
    result: z.object({ noShows: z.number().int() }),
    roles: ['manager'],
    offline: false,
  }),
} as const;
