import type { bookingQuerySpecs, BookingFigureRow } from '../../../../shared/appointments/queries';
import type { FeatureQueries } from '../../queries/registry';
import { bookingSumsBy } from '../reports/bookings';

export const bookingQueries = {
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
