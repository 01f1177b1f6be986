import { BLOCK_LIFTS_SHOWN, type bookingQuerySpecs, type BookingFigureRow } from '../../../../shared/appointments/queries';
import { prepared } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';
import { bookingSumsBy } from '../reports/bookings';
import { openBookingsOn } from './blackouts';

export const bookingQueries = {
  /** What a blackout would cancel, for the manager to review before confirming (the person masked). */
  'booking.blackoutAffected': (db, at, { day, serviceId }) => ({
    rows: openBookingsOn(db, at, day, serviceId).map(({ id: _id, ...shown }) => shown),
  }),
  'booking.blockLifts': (db, { hallId }) => ({
    rows: (
      prepared(
        db,
        'SELECT id_masked, until, reason, staff_id, lifted_at FROM booking_block_lifts WHERE hall_id = ? ORDER BY lifted_at DESC LIMIT ?',
      ).all(hallId, BLOCK_LIFTS_SHOWN) as { id_masked: string; until: string; reason: string; staff_id: string | null; lifted_at: number }[]
    ).map((r) => ({ idMasked: r.id_masked, until: r.until, reason: r.reason, staffId: r.staff_id, liftedAt: r.lifted_at })),
  }),
  /**
   * Per service with bookings or places: bookings, cancellations, check-ins and no-shows of the
   * period's days, and the places its current template offers on the period's working days, as the
   * reports count them (reports/bookings). A booking still open after its slot's end counts as a
   * no-show here without being written (the queries cannot write; the hub marks it at its next
   * booking call).
   */
  'booking.figures': (db, ctx, { from, to }) => {
    const rows = bookingSumsBy(
      db,
      ctx,
      from,
      to,
      (o) => o.serviceId,
      () => '',
    ).map(({ key, sums }): BookingFigureRow => ({
      serviceId: key,
      bookings: sums.bookings,
      cancelled: sums.cancelled,
      checkedIn: sums.checked_in,
      noShows: sums.no_shows,
      places: sums.places,
    }));
    return { rows: rows.sort((a, b) => b.bookings - a.bookings || a.serviceId.localeCompare(b.serviceId)) };
  },
} satisfies FeatureQueries<typeof bookingQuerySpecs>;
