import type { AffectedBooking } from '../../../../shared/appointments/queries';
import { slotMoment } from '../../../../shared/appointments/rules';
import { maskName, maskPhone } from '../../../../shared/identity/rules';
import { prepared, type ReadonlyDb } from '../../readonlyDb';

/**
 * The bookings a blackout of `day` (every service, or one) would cancel: those still open whose
 * slot has not ended at `now` (an ended one is a no-show, whatever the blackout). The manager's
 * review (booking.blackoutAffected) and the blackout itself read the same list, so the count the
 * manager confirmed is the count checked.
 */
export function openBookingsOn(
  db: ReadonlyDb,
  at: { hallId: string; now: number; utcOffsetMinutes: number },
  day: string,
  serviceId: string | null,
): (AffectedBooking & { id: string })[] {
  const rows = prepared(
    db,
    `SELECT id, service_id, start, end, name, id_masked, phone FROM bookings
     WHERE hall_id = ? AND day = ? AND status = 'booked' AND (? IS NULL OR service_id = ?) ORDER BY start, service_id, created_at, id`,
  ).all(at.hallId, day, serviceId, serviceId) as {
    id: string;
    service_id: string;
    start: string;
    end: string;
    name: string;
    id_masked: string;
    phone: string;
  }[];
  return rows
    .filter((b) => at.now < slotMoment(day, b.end, at.utcOffsetMinutes))
    .map((b) => ({
      id: b.id,
      serviceId: b.service_id,
      start: b.start,
      end: b.end,
      name: maskName(b.name),
      idMasked: b.id_masked,
      phone: maskPhone(b.phone),
    }));
}
