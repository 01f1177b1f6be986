import { parseBookingSettings } from '../../shared/appointments/settings';
import type { TemplateLine } from '../../shared/appointments/rules';
import { calendarOfYears } from '../../shared/calendar/rules';
import { parseCaseSettings } from '../../shared/cases/settings';
import { parseQueueSettings } from '../../shared/queue/settings';
import { BOOKING_SUMS, bookingSumsSql, templatePlaces, type BookingFact, type BookingSum } from '../../shared/reports/bookings';
import { zeroSums, type Sums } from '../../shared/reports/days';
import { hallRows, type Queryable } from './hallFigures';

/**
 * The region's 预约 figures of its halls, read live from the bookings it holds (the hall's own
 * report reads them live too, reports/enums LIVE_REPORTS: a booking is made days ahead and ends
 * by itself at its slot's end, so no day's close freezes it). Each booking adds what
 * shared/reports/bookings says — its SQL form, summed in PostgreSQL by hall — and each service's
 * template the places it offers on the period's days, by the hall's calendar and booking rules.
 * The bookings the region holds carry no person (shared/appointments/rows).
 */

/** A booking's facts in the query below: the booking `b`, its ticket `t` (the check-in and first call), its service's target `s`. */
const FACT: Readonly<Record<keyof BookingFact, string>> = {
  day: `(b.row->>'day')`,
  start: `(b.row->>'start')`,
  end: `(b.row->>'end')`,
  status: `(b.row->>'status')`,
  checkedInAt: `(t.row->>'issued_at')::bigint`,
  firstCalledAt: `(t.row->>'first_called_at')::bigint`,
  targetMinutes: `coalesce(s.max_wait_min, 0)`,
};
// A hall's offset looked up by its place in $1 (no join with the list: the bookings stream straight into their hall's sums).
const SUMS = bookingSumsSql((f) => FACT[f], '$4', '($2::int[])[array_position($1::text[], b.hall_id)]');

/** The bookings of the halls $1 (offsets $2) on the hall days [$3 … $5), summed by hall as of $4 (through the index of region migration 0008). */
export const BOOKING_SQL = `
  WITH targets AS MATERIALIZED (
    SELECT hall_id, id, (row->>'max_wait_min')::bigint AS max_wait_min FROM hall_rows WHERE tbl = 'services' AND hall_id = ANY($1))
  SELECT b.hall_id, ${BOOKING_SUMS.map((k) => `(${SUMS[k]})::float8 AS "${k}"`).join(', ')}
  FROM hall_rows b
  -- A ticket's check-in and call count for a checked-in booking alone (shared/reports/bookings): no other's is looked up.
  LEFT JOIN hall_rows t ON b.row->>'status' = 'checked_in' AND t.hall_id = b.hall_id AND t.tbl = 'tickets' AND t.id = b.row->>'ticket_id'
  -- The services' targets once per report, not once per booking.
  LEFT JOIN targets s ON s.hall_id = b.hall_id AND s.id = b.row->>'service_id'
  WHERE b.tbl = 'bookings' AND b.hall_id = ANY($1) AND (b.row->>'day') COLLATE "C" >= $3 AND (b.row->>'day') COLLATE "C" < $5
  GROUP BY b.hall_id`;

/** The last day before `day` ('YYYY-MM-DD'). */
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The 预约 sums of each hall of `hallIds` over the days `from` (included) to `until` (excluded), as of `now`. */
export async function bookingSumsByHall(
  db: Queryable,
  hallIds: readonly string[],
  from: string,
  until: string,
  now: number,
): Promise<Map<string, Sums<BookingSum>>> {
  const out = new Map<string, Sums<BookingSum>>();
  const offsets: number[] = [];
  for (const hallId of hallIds) {
    const [hall] = await hallRows(db, hallId, 'halls', '', [], ['queue_settings', 'case_settings', 'booking_settings']);
    const sums = zeroSums(BOOKING_SUMS);
    out.set(hallId, sums);
    offsets.push(hall ? parseQueueSettings(hall.queue_settings).utcOffsetMinutes : 0);
    // A hall whose identity has not arrived yet offers no places the region can count.
    if (!hall) continue;
    const templates = await hallRows(db, hallId, 'booking_templates', '', [], ['lines']);
    if (templates.length === 0) continue;
    const calendar = calendarOfYears(
      await hallRows(db, hallId, 'calendar_years', '', [], ['year', 'holidays', 'workdays']),
      parseCaseSettings(hall.case_settings).dutyDays,
    );
    const settings = parseBookingSettings(hall.booking_settings);
    for (const { lines } of templates)
      for (const p of templatePlaces(calendar, JSON.parse(lines) as TemplateLine[], from, dayBefore(until), settings))
        sums.places += p.places;
  }
  const { rows } = await db.query<{ hall_id: string } & Sums<BookingSum>>(BOOKING_SQL, [hallIds, offsets, from, now, until]);
  for (const { hall_id, ...counted } of rows) out.set(hall_id, { ...counted, places: out.get(hall_id)?.places ?? 0 });
  return out;
}
