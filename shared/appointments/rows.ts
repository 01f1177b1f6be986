import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { BookingStatus } from './enums';

/** The booking tables a terminal may replicate. */
export const bookingTables = {
  /**
   * A service's slot template: its lines as JSON (rules.ts TemplateLine[]), edited on the managers'
   * board; the region counts the places it offers (its 预约 report).
   */
  booking_templates: table(z.object({ id, hall_id: id, service_id: id, lines: z.string(), updated_at: ms }), {
    manager: 'all',
    region: 'all',
  }),
  /**
   * A booking as the regional server counts it for its 预约 report: its slot, its state and its
   * ticket — never the person. Who booked (name, masked ID and its keyed hash, phone) and the
   * booking's code stay in the hub's own columns (migration 0031), which no feed entry carries, so
   * nothing personal leaves the hall. The region receives the rows rather than day sums made by the
   * hall because the hall itself reads 预约 live (reports/enums LIVE_REPORTS: a booking is made
   * days ahead and ends by itself at its slot's end), and the region's other subjects are likewise
   * computed from the rows by the hall's own definitions; no other terminal replicates bookings.
   */
  bookings: table(
    z.object({
      id,
      hall_id: id,
      service_id: id,
      day: z.string(),
      start: z.string(),
      end: z.string(),
      status: BookingStatus,
      created_at: ms,
      changed_at: ms,
      cancel_reason: z.string().nullable(),
      ticket_id: id.nullable(),
      blackout_id: id.nullable(),
    }),
    { region: 'all' },
  ),
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
