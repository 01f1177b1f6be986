import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';

/** The booking tables a terminal may replicate (bookings themselves are the hub's alone). */
export const bookingTables = {
  /** A service's slot template: its lines as JSON (rules.ts TemplateLine[]), edited on the managers' board. */
  booking_templates: table(z.object({ id, hall_id: id, service_id: id, lines: z.string(), updated_at: ms }), { manager: 'all' }),
  /** A day (or one service on a day: service_id) closed for booking, with the manager's reason; it names nobody. */
  booking_blackouts: table(
    z.object({
      id,
      hall_id: id,
      day: z.string(),
      service_id: id.nullable(),
      reason: z.string(),
      staff_id: id.nullable(),
      created_at: ms,
      /** Lifted (恢复预约): the day is open for booking again; the bookings it cancelled stay cancelled. */
      lifted_at: ms.nullable(),
      lifted_by: id.nullable(),
      lift_reason: z.string().nullable(),
    }),
    { manager: 'all' },
  ),
};
