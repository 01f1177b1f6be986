import { addDays } from '../../../../shared/calendar/rules';
import { BLOCK_LIFTS_SHOWN, type bookingQuerySpecs, type BookingFigureRow } from '../../../../shared/appointments/queries';
import { slotMoment, slotsOn, type TemplateLine } from '../../../../shared/appointments/rules';
import { parseBookingSettings } from '../../../../shared/appointments/settings';
import type { BookingStatus } from '../../../../shared/appointments/enums';
import { prepared } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';
import { hallCalendar } from '../calendar/calendar';
import { openBookingsOn } from './blackouts';

/** The longest period the figures go through day by day (a year and a bit). */
const MAX_DAYS = 400;

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
   * Per service with a template or bookings: bookings, cancellations, check-ins and no-shows of the
   * period's days, and the places its current template offers on the period's working days. A
   * booking still open after its slot's end counts as a no-show here without being written (the
   * queries cannot write; the hub marks it at its next booking call).
   */
  'booking.figures': (db, { hallId, now, utcOffsetMinutes }, { from, to }) => {
    const rows = new Map<string, BookingFigureRow>();
    const row = (serviceId: string) => {
      let r = rows.get(serviceId);
      if (!r) rows.set(serviceId, (r = { serviceId, bookings: 0, cancelled: 0, checkedIn: 0, noShows: 0, places: 0 }));
      return r;
    };
    const bookings = prepared(db, 'SELECT service_id, day, end, status FROM bookings WHERE hall_id = ? AND day BETWEEN ? AND ?').all(
      hallId,
      from,
      to,
    ) as { service_id: string; day: string; end: string; status: BookingStatus }[];
    for (const b of bookings) {
      const r = row(b.service_id);
      r.bookings++;
      if (b.status === 'cancelled') r.cancelled++;
      else if (b.status === 'checked_in') r.checkedIn++;
      else if (b.status === 'no_show' || now >= slotMoment(b.day, b.end, utcOffsetMinutes)) r.noShows++;
    }
    const calendar = hallCalendar(db, hallId);
    const settings = parseBookingSettings(
      (prepared(db, 'SELECT booking_settings FROM halls WHERE id = ?').get(hallId) as { booking_settings: string }).booking_settings,
    );
    const templates = prepared(db, 'SELECT service_id, lines FROM booking_templates WHERE hall_id = ?').all(hallId) as {
      service_id: string;
      lines: string;
    }[];
    for (const t of templates) {
      const lines = JSON.parse(t.lines) as TemplateLine[];
      if (lines.length === 0 && !rows.has(t.service_id)) continue;
      const r = row(t.service_id);
      for (let d = from, n = 0; d <= to && n < MAX_DAYS; d = addDays(d, 1), n++)
        for (const s of slotsOn(calendar, lines, d, settings)) r.places += s.capacity;
    }
    return { rows: [...rows.values()].sort((a, b) => b.bookings - a.bookings || a.serviceId.localeCompare(b.serviceId)) };
  },
} satisfies FeatureQueries<typeof bookingQuerySpecs>;
