import { createHmac, randomBytes } from 'node:crypto';
import {
  BOOKING_CODE_LENGTH,
  codeFrom,
  type BookRequest,
  type BookSlotsAnswer,
  type BookingView,
  type MoveRequest,
} from '../../../../shared/appointments/phone';
import { bookingRefusals as R } from '../../../../shared/appointments/refusals';
import {
  blockedUntil,
  bookableDays,
  canCancel,
  checkInTiming,
  isBlocked,
  noShowHorizon,
  slotMoment,
  slotsOn,
  templateProblem,
  type Slot,
  type TemplateLine,
} from '../../../../shared/appointments/rules';
import { BookingSettingsSchema, parseBookingSettings, type BookingSettings } from '../../../../shared/appointments/settings';
import type { bookingCommandSpecs } from '../../../../shared/appointments/commands';
import type { BookingStatus } from '../../../../shared/appointments/enums';
import { checkPhone, checkResidentId, maskResidentId } from '../../../../shared/identity/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import { CommandError, ErrorCode } from '../../../../shared/kernel/errors';
import type { CommandType } from '../../../../shared/protocol';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { hallCalendar } from '../calendar/calendar';
import { sweepNoShows } from './noShows';
import { blackoutHandlers, blackoutOf } from './blackouts';
import { issuable, issueTicket } from '../queue/handlers';
import { offsetOf, today } from '../queue/lines';

type Ctx = HandlerContext<CommandType>;

/** A booking as the hub reads it, with its person's columns the hub alone keeps (shared/appointments/rows). */
interface Booking {
  id: string;
  code: string;
  service_id: string;
  day: string;
  start: string;
  end: string;
  id_masked: string;
  id_hash: string;
  status: BookingStatus;
  /** The blackout that cancelled it (its reason is the hall's word to the person). */
  blackout_id: string | null;
}

export const bookingSettingsOf = (ctx: Pick<Ctx, 'store' | 'hallId'>): BookingSettings =>
  parseBookingSettings(ctx.store.get('halls', ctx.hallId)!.booking_settings);

/** A service's template lines (none: it takes no bookings). */
function linesOf(ctx: Ctx, serviceId: string): TemplateLine[] {
  const row = ctx.store.where('booking_templates', 'service_id = ?', serviceId)[0];
  return row ? (JSON.parse(row.lines) as TemplateLine[]) : [];
}

/** Places taken in a slot: every booking of it but the cancelled (a no-show used its place). */
const taken = (ctx: Ctx, serviceId: string, day: string, start: string): number =>
  (
    sql(ctx, "SELECT count(*) AS n FROM bookings WHERE service_id = ? AND day = ? AND start = ? AND status <> 'cancelled'").get(
      serviceId,
      day,
      start,
    ) as { n: number }
  ).n;

/**
 * The keyed hash the rules count a person by: HMAC-SHA-256 of the whole ID number under the hub's
 * own random key (kept in meta, never replicated), so the hash alone cannot be reversed by trying
 * the few billion plausible ID numbers.
 */
function idHash(ctx: Ctx, idNumber: string): string {
  let key = (sql(ctx, "SELECT value FROM meta WHERE key = 'booking_id_key'").get() as { value: string } | undefined)?.value;
  if (key === undefined) {
    key = randomBytes(32).toString('hex');
    sql(ctx, "INSERT INTO meta (key, value) VALUES ('booking_id_key', ?)").run(key);
  }
  return createHmac('sha256', Buffer.from(key, 'hex')).update(idNumber).digest('hex');
}

const view = (ctx: Ctx, b: Booking): BookingView => ({
  code: b.code,
  serviceId: b.service_id,
  service: ctx.store.get('services', b.service_id)?.name ?? '',
  day: b.day,
  start: b.start,
  end: b.end,
  status: b.status,
  cancelledBy: b.status !== 'cancelled' ? null : b.blackout_id ? 'hall' : 'person',
  cancelReason: b.status === 'cancelled' && b.blackout_id ? (ctx.store.get('booking_blackouts', b.blackout_id)?.reason ?? null) : null,
});

/**
 * The last day (exclusive) a person's block holds, from their no-shows still counting on `day0`:
 * a manager's lift forgives every no-show whose slot ended before it.
 */
function blockOf(ctx: Ctx, hash: string, day0: string, settings: BookingSettings): string | null {
  const lifted = (sql(ctx, 'SELECT max(lifted_at) AS at FROM booking_block_lifts WHERE id_hash = ?').get(hash) as { at: number | null }).at;
  const noShows = (
    sql(ctx, "SELECT day, end FROM bookings WHERE id_hash = ? AND status = 'no_show' AND day >= ?").all(
      hash,
      noShowHorizon(day0, settings),
    ) as { day: string; end: string }[]
  )
    .filter((b) => lifted === null || slotMoment(b.day, b.end, offsetOf(ctx)) > lifted)
    .map((b) => b.day);
  return blockedUntil(noShows, settings);
}

/**
 * The slot a person may take, a new booking's and a move's alike: a bookable day, not a blackout,
 * a slot of the template, the person not blocked and under their day's limit, a place left. The
 * booking that moves (`moving`) does not count against its holder's day.
 */
function placeFor(
  ctx: Ctx,
  serviceId: string,
  lines: readonly TemplateLine[],
  want: { day: string; start: string },
  hash: string,
  moving: string | null,
): Slot {
  const day0 = today(ctx);
  const settings = bookingSettingsOf(ctx);
  const calendar = hallCalendar(ctx.store.db, ctx.hallId);
  if (!bookableDays(calendar, day0, settings).includes(want.day))
    throw refuse(R.dayNotBookable, { day: want.day, min: Math.max(settings.minDaysAhead, 1), max: settings.maxDaysAhead });
  const closed = blackoutOf(ctx, serviceId, want.day);
  if (closed) throw refuse(R.blackout, { day: want.day, reason: closed.reason });
  const slot = slotsOn(calendar, lines, want.day, settings).find((s) => s.start === want.start);
  if (!slot) throw refuse(R.noSuchSlot, { day: want.day, start: want.start });
  const until = blockOf(ctx, hash, day0, settings);
  if (isBlocked(until, day0)) throw refuse(R.blocked, { until: until! });
  const same = (
    sql(ctx, "SELECT count(*) AS n FROM bookings WHERE id_hash = ? AND day = ? AND status <> 'cancelled' AND id <> ?").get(
      hash,
      want.day,
      moving ?? '',
    ) as { n: number }
  ).n;
  if (same >= settings.perPersonPerDay) throw refuse(R.perDay, { day: want.day, limit: settings.perPersonPerDay });
  if (taken(ctx, serviceId, want.day, slot.start) >= slot.capacity) throw refuse(R.full, { day: want.day, start: slot.start });
  return slot;
}

export const SLOTS_TAKEN =
  "SELECT day, start, count(*) AS n FROM bookings WHERE service_id = ? AND day BETWEEN ? AND ? AND status <> 'cancelled' GROUP BY day, start";

/**
 * A service's places taken in every slot of `days`, keyed "day start": one read through the slot
 * index for the anonymous page, rather than one per slot (30 services × 5 days × 16 slots).
 */
function takenOn(ctx: Ctx, serviceId: string, days: readonly string[]): Map<string, number> {
  if (days.length === 0) return new Map();
  const rows = sql(ctx, SLOTS_TAKEN).all(serviceId, days[0], days.at(-1)) as { day: string; start: string; n: number }[];
  return new Map(rows.map((r) => [`${r.day} ${r.start}`, r.n]));
}

/** The services taking bookings, their bookable days and each slot's places left. */
export function bookableSlots(ctx: Ctx): BookSlotsAnswer {
  sweepNoShows(ctx);
  const settings = bookingSettingsOf(ctx);
  const calendar = hallCalendar(ctx.store.db, ctx.hallId);
  const days = bookableDays(calendar, today(ctx), settings);
  const services = ctx.store
    .all('booking_templates')
    .map((t) => ({ t, service: ctx.store.get('services', t.service_id) }))
    .filter(({ t, service }) => service?.is_open && JSON.parse(t.lines).length > 0)
    .sort((a, b) => a.service!.sort - b.service!.sort);
  return {
    services: services.map(({ t, service }) => {
      const lines = JSON.parse(t.lines) as TemplateLine[];
      const booked = takenOn(ctx, service!.id, days);
      return {
        id: service!.id,
        name: service!.name,
        days: days.map((day) => {
          const closed = blackoutOf(ctx, service!.id, day)?.reason ?? null;
          return {
            day,
            closed,
            slots: closed
              ? []
              : slotsOn(calendar, lines, day, settings).map((s) => ({
                  ...s,
                  left: Math.max(0, s.capacity - (booked.get(`${day} ${s.start}`) ?? 0)),
                })),
          };
        }),
      };
    }),
  };
}

/**
 * A place in a slot. Everything is checked before anything is written (the phone route's
 * transaction commits its audit row whatever the answer): the service, the ID number and phone,
 * the day (1–5 working days ahead: a past day or today is not), a blackout, the slot, the person's
 * block and their day's limit, then the places left. Commands run one at a time in the hub's one SQLite
 * transaction, so two people can never take the last place.
 */
export function book(ctx: Ctx, req: BookRequest): BookingView {
  sweepNoShows(ctx);
  const service = ctx.store.get('services', req.serviceId);
  if (!service?.is_open) throw notFound('service');
  const lines = linesOf(ctx, service.id);
  if (lines.length === 0) throw refuse(R.noSlots);
  const day0 = today(ctx);
  const id = checkResidentId(req.idNumber, day0);
  if (!id.ok) throw refuse(id.refusal);
  const phone = checkPhone(req.phone);
  if (!phone.ok) throw refuse(phone.refusal);
  const hash = idHash(ctx, id.value);
  const slot = placeFor(ctx, service.id, lines, req, hash, null);
  let code: string;
  do code = codeFrom(randomBytes(BOOKING_CODE_LENGTH), BOOKING_CODE_LENGTH);
  while (sql(ctx, 'SELECT 1 FROM bookings WHERE code = ?').get(code));
  const booking: Booking = {
    id: `${ctx.hallId}-b-${randomBytes(12).toString('hex')}`,
    code,
    service_id: service.id,
    day: req.day,
    start: slot.start,
    end: slot.end,
    id_masked: maskResidentId(id.value),
    id_hash: hash,
    status: 'booked',
    blackout_id: null,
  };
  // Who booked, and the code, are the hub's own columns: the feed (the region's projection) carries the slot and the state alone.
  ctx.store.upsert(
    'bookings',
    {
      id: booking.id,
      hall_id: ctx.hallId,
      service_id: service.id,
      day: req.day,
      start: slot.start,
      end: slot.end,
      status: 'booked',
      created_at: ctx.now,
      changed_at: ctx.now,
      cancel_reason: null,
      ticket_id: null,
      blackout_id: null,
    },
    { code, name: req.name, id_masked: booking.id_masked, id_hash: hash, phone: phone.value },
  );
  return view(ctx, booking);
}

const BOOKING_COLUMNS = 'id, code, service_id, day, start, end, id_masked, id_hash, status, blackout_id';

/** A booking by its code and the ID's last 4 characters; an unknown code and a wrong ID are refused alike. */
function byKey(ctx: Ctx, code: string, idLast4: string): Booking {
  const b = sql(ctx, `SELECT ${BOOKING_COLUMNS} FROM bookings WHERE code = ?`).get(code) as Booking | undefined;
  if (!b || b.id_masked.slice(-4) !== idLast4.toUpperCase()) throw refuse(R.wrongCode);
  return b;
}

/** Whether a booking code was ever issued (a guess is answered without an audit row, as a rating code's). */
export const bookingCodeIssued = (ctx: Pick<Ctx, 'store'>, code: string): boolean =>
  sql(ctx, 'SELECT 1 FROM bookings WHERE code = ?').get(code) !== undefined;

/** The person's booking, as they see it. */
export function lookBooking(ctx: Ctx, code: string, idLast4: string): BookingView {
  sweepNoShows(ctx);
  return view(ctx, byKey(ctx, code, idLast4));
}

/** Cancels a booking, until the hall's hours before its slot; its place is free again. */
export function cancelBooking(ctx: Ctx, code: string, idLast4: string): BookingView {
  sweepNoShows(ctx);
  const b = byKey(ctx, code, idLast4);
  if (b.status !== 'booked') throw refuse(R.notBooked);
  const settings = bookingSettingsOf(ctx);
  if (!canCancel(slotMoment(b.day, b.start, offsetOf(ctx)), ctx.now, settings))
    throw refuse(R.tooLateToCancel, { hours: settings.cancelHoursBefore });
  ctx.store.patch('bookings', b.id, { status: 'cancelled', cancel_reason: 'person', changed_at: ctx.now });
  return view(ctx, { ...b, status: 'cancelled' });
}

/**
 * Moves a booking to another slot of its service, under a new booking's rules (the day, a blackout,
 * the slot, the block, the day's limit, the places left) and the cancellation's cut-off. One UPDATE
 * of the one row in the route's transaction: the person holds the old place or the new one, never
 * both and never neither; the code stays theirs.
 */
export function moveBooking(ctx: Ctx, req: MoveRequest): BookingView {
  sweepNoShows(ctx);
  const b = byKey(ctx, req.code, req.idLast4);
  if (b.status !== 'booked') throw refuse(R.notBooked);
  const settings = bookingSettingsOf(ctx);
  if (!canCancel(slotMoment(b.day, b.start, offsetOf(ctx)), ctx.now, settings))
    throw refuse(R.tooLateToMove, { hours: settings.cancelHoursBefore });
  if (req.day === b.day && req.start === b.start) throw refuse(R.sameSlot);
  if (!ctx.store.get('services', b.service_id)?.is_open) throw notFound('service');
  const lines = linesOf(ctx, b.service_id);
  if (lines.length === 0) throw refuse(R.noSlots);
  const slot = placeFor(ctx, b.service_id, lines, req, b.id_hash, b.id);
  ctx.store.patch('bookings', b.id, { day: req.day, start: slot.start, end: slot.end, changed_at: ctx.now });
  return view(ctx, { ...b, day: req.day, start: slot.start, end: slot.end });
}

/**
 * Checks a booking in at the kiosk, on its day within its window: an appointment ticket ordered by
 * the slot's start (a normal one from now when late, if the hall allows).
 */
function checkInBooking(ctx: Ctx, b: Booking) {
  if (b.status === 'no_show') throw refuse(R.slotOver);
  if (b.status !== 'booked') throw refuse(R.notBooked);
  if (b.day !== today(ctx)) throw refuse(R.notToday, { day: b.day });
  const settings = bookingSettingsOf(ctx);
  const start = slotMoment(b.day, b.start, offsetOf(ctx));
  const timing = checkInTiming(start, slotMoment(b.day, b.end, offsetOf(ctx)), ctx.now, settings);
  if (timing === 'early') {
    const from = new Date(start - settings.earlyMinutes * 60_000 + offsetOf(ctx) * 60_000).toISOString().slice(11, 16);
    throw refuse(R.tooEarly, { from });
  }
  // The caller's sweep ended bookings whose slot is over: 'over' cannot reach here.
  if (timing === 'late' && !settings.lateToNormalQueue) throw refuse(R.tooLate);
  const service = issuable(ctx, b.service_id);
  const late = timing === 'late';
  // On time: an appointment ticket, ordered by its slot's start. Late: a normal ticket, from now.
  const issued = issueTicket(ctx, service, late ? 'normal' : 'appointment', late ? ctx.now : start);
  ctx.store.patch('bookings', b.id, { status: 'checked_in', ticket_id: issued.ticket.id, changed_at: ctx.now });
  return { ...issued, late };
}

/** A resident ID number checked, or its refusal (which rule it breaks). */
function residentId(ctx: Ctx, input: string): string {
  const id = checkResidentId(input, today(ctx));
  if (!id.ok) throw refuse(id.refusal);
  return id.value;
}

export const bookingHandlers = {
  'booking.setTemplate': (ctx) => {
    const service = ctx.store.get('services', ctx.payload.serviceId);
    if (!service) throw notFound('service');
    const problem = templateProblem(ctx.payload.lines);
    if (problem) throw refuse(problem.kind === 'order' ? R.lineOrder : R.lineOverlap, { line: problem.line });
    const existing = ctx.store.where('booking_templates', 'service_id = ?', service.id)[0];
    const template = ctx.store.upsert('booking_templates', {
      id: existing?.id ?? `${ctx.hallId}-bt-${service.id}`,
      hall_id: ctx.hallId,
      service_id: service.id,
      lines: JSON.stringify(ctx.payload.lines),
      updated_at: ctx.now,
    });
    return { template };
  },
  'hall.setBookingSettings': (ctx) => {
    const merged = BookingSettingsSchema.safeParse({ ...bookingSettingsOf(ctx), ...ctx.payload });
    if (!merged.success) throw new CommandError(ErrorCode.VALIDATION_FAILED, merged.error.issues[0]?.message ?? '预约规则无效');
    return { hall: ctx.store.patch('halls', ctx.hallId, { booking_settings: JSON.stringify(merged.data) }) };
  },
  'booking.checkIn': (ctx) => {
    sweepNoShows(ctx);
    const b = sql(ctx, `SELECT ${BOOKING_COLUMNS} FROM bookings WHERE code = ?`).get(ctx.payload.code) as Booking | undefined;
    if (!b) throw refuse(R.wrongCode);
    return checkInBooking(ctx, b);
  },
  'booking.checkInById': (ctx) => {
    sweepNoShows(ctx);
    const day0 = today(ctx);
    const hash = idHash(ctx, residentId(ctx, ctx.payload.idNumber));
    const mine = sql(ctx, `SELECT ${BOOKING_COLUMNS} FROM bookings WHERE id_hash = ? AND day = ? ORDER BY start`).all(
      hash,
      day0,
    ) as Booking[];
    const open = mine.filter((b) => b.status === 'booked');
    if (open.length === 0) {
      if (mine.some((b) => b.status === 'no_show')) throw refuse(R.slotOver);
      throw refuse(mine.some((b) => b.status === 'checked_in') ? R.notBooked : R.noBookingToday);
    }
    // Of a person's bookings that day (the hall may allow more than one), the first whose window has opened.
    const early = bookingSettingsOf(ctx).earlyMinutes * 60_000;
    const due = open.find((b) => ctx.now >= slotMoment(b.day, b.start, offsetOf(ctx)) - early) ?? open[0]!;
    return checkInBooking(ctx, due);
  },
  ...blackoutHandlers,
  'booking.liftBlock': (ctx) => {
    sweepNoShows(ctx);
    const day0 = today(ctx);
    const id = residentId(ctx, ctx.payload.idNumber);
    const hash = idHash(ctx, id);
    const until = blockOf(ctx, hash, day0, bookingSettingsOf(ctx));
    if (!isBlocked(until, day0)) throw refuse(R.notBlocked);
    const idMasked = maskResidentId(id);
    sql(
      ctx,
      'INSERT INTO booking_block_lifts (id, hall_id, id_hash, id_masked, until, reason, staff_id, lifted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      `${ctx.hallId}-bl-${randomBytes(8).toString('hex')}`,
      ctx.hallId,
      hash,
      idMasked,
      until,
      ctx.payload.reason,
      ctx.sessionStaff?.id ?? null,
      ctx.now,
    );
    ctx.auditNote({ until });
    return { idMasked, until: until! };
  },
  'booking.sweep': (ctx) => ({ noShows: sweepNoShows(ctx) }),
} satisfies FeatureHandlers<typeof bookingCommandSpecs>;
