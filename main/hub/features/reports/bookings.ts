import { type TemplateLine } from '../../../../shared/appointments/rules';
import { parseBookingSettings } from '../../../../shared/appointments/settings';
import { addSums } from '../../../../shared/reports/figures';
import { BOOKING_SUMS, bookingSums, templatePlaces, type BookingFact, type BookingSum } from '../../../../shared/reports/bookings';
import { zeroSums, type Sums } from '../../../../shared/reports/days';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import { hallCalendar } from '../calendar/calendar';

/**
 * 预约 figures from the bookings as they are now (they are made days ahead and end by themselves,
 * so no day's close freezes them): each booking adds what shared/reports/bookings says, and each
 * service's template the places it offers on the period's working days. The booking tab's figures
 * and the reports read both through here.
 */

/** Where a booking or a place belongs: its service and the service's department. */
interface Owner {
  serviceId: string;
  departmentId: string;
}

/** The bookings of hall days `from`..`to`, with their tickets' check-in and first call, and `extra` SQL columns. */
export function bookingFacts<X extends object = object>(
  db: ReadonlyDb,
  hallId: string,
  from: string,
  to: string,
  extra = '',
): (BookingFact & Owner & X)[] {
  return prepared(
    db,
    `SELECT b.service_id AS serviceId, coalesce(s.department_id, '') AS departmentId, b.day, b.start, b.end, b.status,
            t.issued_at AS checkedInAt, t.first_called_at AS firstCalledAt, coalesce(s.max_wait_min, 0) AS targetMinutes${extra ? `, ${extra}` : ''}
     FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id LEFT JOIN services s ON s.id = b.service_id
     WHERE b.hall_id = ? AND b.day BETWEEN ? AND ?`,
  ).all(hallId, from, to) as (BookingFact & Owner & X)[];
}

/**
 * The places each service's current template offers on each working day of `from`..`to` (a
 * template's past versions are not kept: a changed template counts the past as it is now).
 */
export function placesByDay(db: ReadonlyDb, hallId: string, from: string, to: string): (Owner & { day: string; places: number })[] {
  const calendar = hallCalendar(db, hallId);
  const settings = parseBookingSettings(
    (prepared(db, 'SELECT booking_settings FROM halls WHERE id = ?').get(hallId) as { booking_settings: string }).booking_settings,
  );
  const templates = prepared(
    db,
    `SELECT bt.service_id AS serviceId, coalesce(s.department_id, '') AS departmentId, bt.lines
     FROM booking_templates bt LEFT JOIN services s ON s.id = bt.service_id WHERE bt.hall_id = ?`,
  ).all(hallId) as (Owner & { lines: string })[];
  return templates.flatMap(({ lines, ...owner }) =>
    templatePlaces(calendar, JSON.parse(lines) as TemplateLine[], from, to, settings).map((p) => ({ ...owner, ...p })),
  );
}

/** Sums by group and bucket: `keyOf` names a booking's or a place's group, `bucketOf` its day's bucket. */
export function bookingSumsBy(
  db: ReadonlyDb,
  { hallId, now, utcOffsetMinutes }: { hallId: string; now: number; utcOffsetMinutes: number },
  from: string,
  to: string,
  keyOf: (o: Owner) => string,
  bucketOf: (day: string) => string,
): { key: string; bucket: string; sums: Sums<BookingSum> }[] {
  const rows = new Map<string, { key: string; bucket: string; sums: Sums<BookingSum> }>();
  const add = (owner: Owner, day: string, sums: Partial<Sums<BookingSum>>) => {
    const key = keyOf(owner);
    const bucket = bucketOf(day);
    const at = `${key}\u0000${bucket}`;
    const row = rows.get(at) ?? { key, bucket, sums: zeroSums(BOOKING_SUMS) };
    row.sums = addSums([row.sums, sums as Sums<BookingSum>]);
    rows.set(at, row);
  };
  for (const b of bookingFacts(db, hallId, from, to)) add(b, b.day, bookingSums(b, now, utcOffsetMinutes));
  for (const p of placesByDay(db, hallId, from, to)) add(p, p.day, { places: p.places });
  return [...rows.values()];
}
