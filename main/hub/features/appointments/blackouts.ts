import { randomBytes } from 'node:crypto';
import type { bookingCommandSpecs } from '../../../../shared/appointments/commands';
import type { AffectedBooking } from '../../../../shared/appointments/queries';
import { bookingRefusals as R } from '../../../../shared/appointments/refusals';
import { slotMoment } from '../../../../shared/appointments/rules';
import { maskName, maskPhone } from '../../../../shared/identity/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType } from '../../../../shared/protocol';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import { offsetOf, today } from '../queue/lines';
import { sweepNoShows } from './noShows';

type Ctx = HandlerContext<CommandType>;

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

/** The blackout closing `day` for a service: the whole day's, or the service's own. */
export const blackoutOf = (ctx: Pick<Ctx, 'store'>, serviceId: string, day: string) =>
  ctx.store.where('booking_blackouts', 'day = ? AND (service_id IS NULL OR service_id = ?) AND lifted_at IS NULL', day, serviceId)[0];

/** 停约 and 恢复预约: a manager closes a day (or one service on it) for booking, and may reopen it. */
export const blackoutHandlers = {
  'booking.declareBlackout': (ctx) => {
    sweepNoShows(ctx);
    const { day, serviceId, reason, affected } = ctx.payload;
    if (day < today(ctx)) throw refuse(R.blackoutPast, { day });
    if (serviceId !== null && !ctx.store.get('services', serviceId)) throw notFound('service');
    const clash = ctx.store.where(
      'booking_blackouts',
      'day = ? AND (service_id IS NULL OR service_id IS ?) AND lifted_at IS NULL',
      day,
      serviceId,
    )[0];
    if (clash) throw refuse(R.blackoutExists, { day });
    const open = openBookingsOn(ctx.store.db, { hallId: ctx.hallId, now: ctx.now, utcOffsetMinutes: offsetOf(ctx) }, day, serviceId);
    if (open.length !== affected) throw refuse(R.blackoutChanged, { n: open.length });
    const blackout = ctx.store.upsert('booking_blackouts', {
      id: `${ctx.hallId}-bb-${randomBytes(8).toString('hex')}`,
      hall_id: ctx.hallId,
      day,
      service_id: serviceId,
      reason,
      staff_id: ctx.sessionStaff?.id ?? null,
      created_at: ctx.now,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
    });
    for (const b of open)
      ctx.store.patch('bookings', b.id, { status: 'cancelled', cancel_reason: 'blackout', blackout_id: blackout.id, changed_at: ctx.now });
    ctx.auditNote({ cancelled: open.length });
    return { blackout, cancelled: open.length };
  },
  'booking.liftBlackout': (ctx) => {
    const found = ctx.store.get('booking_blackouts', ctx.payload.id);
    if (!found) throw notFound('blackout');
    if (found.lifted_at !== null) throw refuse(R.blackoutLifted, { day: found.day });
    if (found.day < today(ctx)) throw refuse(R.blackoutLiftPast, { day: found.day });
    const blackout = ctx.store.upsert('booking_blackouts', {
      ...found,
      lifted_at: ctx.now,
      lifted_by: ctx.sessionStaff?.id ?? null,
      lift_reason: ctx.payload.reason,
    });
    const { n } = sql(ctx, 'SELECT count(*) AS n FROM bookings WHERE blackout_id = ?').get(found.id) as { n: number };
    ctx.auditNote({ day: found.day, stayCancelled: n });
    return { blackout, stayCancelled: n };
  },
} satisfies Pick<FeatureHandlers<typeof bookingCommandSpecs>, 'booking.declareBlackout' | 'booking.liftBlackout'>;
