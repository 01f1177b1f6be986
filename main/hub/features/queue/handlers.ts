import {
  chooseNext,
  dayCloseOutcome,
  isWaiting,
  pastClosingTime,
  reinstateKey,
  ticketNumber,
  transferKey,
  waitingNow,
} from '../../../../shared/queue/rules';
import { columns } from '../../../../shared/kernel/definition';
import { hallMinute, parsePriorities, withinTicketingHours } from '../../../../shared/setup/rules';
import { mintRatingCode, requestTicketRating } from '../ratings/handlers';
import { commonRefusals } from '../../../../shared/kernel/commonRefusals';
import { refuse } from '../../../../shared/kernel/refusal';
import { queueRefusals as r } from '../../../../shared/queue/refusals';
import { type CommandType, type Row } from '../../../../shared/protocol';
import type { Priority } from '../../../../shared/queue/enums';
import { mintFollowToken } from '../appointments/follow';
import { sweepNoShows } from '../appointments/noShows';
import { type queueCommandSpecs } from '../../../../shared/queue/commands';
import { applyCounterAction } from '../counter/log';
import { aggregateClose } from '../reports/aggregate';
import { aheadOf, dayLines, held, profileOf, serviceRuns, settingsOf, today } from './lines';
import { confirmOnDuty, notFound, ownCounter, sql, type HandlerContext, type FeatureHandlers } from '../../commands/context';

type Ctx = HandlerContext<CommandType>;
type Ticket = Row<'tickets'>;

/** Records a step of the ticket's history: a replicated row (staff only), fed in the command's transaction. */
function event(ctx: Ctx, ticket: Ticket, type: string, detail: Record<string, unknown> | null = null) {
  const counter = ticket.counter_id ? ctx.store.get('counters', ticket.counter_id) : undefined;
  const { n } = sql(ctx, 'SELECT count(*) + 1 AS n FROM ticket_events WHERE ticket_id = ?').get(ticket.id) as { n: number };
  ctx.store.upsert('ticket_events', {
    id: `${ticket.id}-${n}`,
    hall_id: ticket.hall_id,
    ticket_id: ticket.id,
    type,
    counter_id: ticket.counter_id,
    staff_id: counter?.staff_id ?? null,
    at: ctx.now,
    detail: detail && JSON.stringify(detail),
  });
}

export function heldNumber(ctx: Ctx, counterId: string): string | null {
  return held(ctx, counterId)?.number ?? null;
}

/**
 * A counter closed without its clerk's doing (their password changed, their PC revoked or enrolled
 * again): the ticket it held, called or already serving, goes back to the front of its service's
 * line, so that the next counter of that service calls it at once. The applicant waited their turn
 * and may be at the window or on the way: ending the ticket (no-show for a called one, finished for
 * one being served) would send them back to the kiosk, or count a service nobody gave, for an act
 * of the hall's. Recorded as a transfer in place (`mode: 'front'`), so its waits count as any
 * transfer's do.
 */
/** The queue keys of the tickets waiting now in `ticket`'s line: where a returning ticket is placed among them. */
function lineKeys(ctx: Ctx, ticket: Ticket): number[] {
  return (
    sql(ctx, `SELECT queue_key FROM tickets WHERE service_id = ? AND day = ? AND ${waitingNow.sql(columns(), '?')}`).all(
      ticket.service_id,
      ticket.day,
      ctx.now,
    ) as { queue_key: number }[]
  ).map((r) => r.queue_key);
}

export function returnHeldToFront(ctx: Ctx, counterId: string, reason: string): void {
  const ticket = held(ctx, counterId);
  if (!ticket) return;
  const keys = lineKeys(ctx, ticket);
  const back = ctx.store.patch('tickets', ticket.id, {
    status: 'waiting',
    queue_key: reinstateKey(keys, 'front', 0),
    counter_id: null,
    staff_id: null,
    target_counter_id: null,
    started_at: null,
    call_reason: null,
  });
  event(ctx, { ...back, counter_id: counterId }, 'transfer', { toServiceId: null, toCounterId: null, mode: 'front', reason });
}

/** The counter's current ticket, for actions on it. */
function current(ctx: Ctx, counterId: string): { counter: Row<'counters'>; ticket: Ticket } {
  const counter = ownCounter(ctx, counterId);
  const ticket = held(ctx, counterId);
  if (!ticket) throw refuse(r.noCurrent);
  return { counter, ticket };
}

/** Calling needs an open counter holding nothing: one clerk, one applicant at a time. */
function readyToCall(ctx: Ctx, counterId: string): Row<'counters'> {
  const counter = ownCounter(ctx, counterId);
  if (counter.state !== 'open') throw refuse(counter.state === 'paused' ? r.pausedCall : commonRefusals.signInFirst);
  const holding = held(ctx, counterId);
  if (holding) throw refuse(r.holding, { number: holding.number });
  return counter;
}

function byNumber(ctx: Ctx, number: string): Ticket {
  const row = sql(ctx, 'SELECT id FROM tickets WHERE hall_id = ? AND day = ? AND number = ?').get(ctx.hallId, today(ctx), number) as
    { id: string } | undefined;
  if (!row) throw refuse(r.noTicketToday, { number });
  return ctx.store.get('tickets', row.id)!;
}

function call(ctx: Ctx, counter: Row<'counters'>, ticket: Ticket, reason: string | null): { ticket: Ticket } {
  const called = ctx.store.patch('tickets', ticket.id, {
    status: 'called',
    called_at: ctx.now,
    first_called_at: ticket.first_called_at ?? ctx.now,
    counter_id: counter.id,
    staff_id: counter.staff_id,
    target_counter_id: null,
    park_until: null,
    call_reason: reason,
  });
  event(ctx, called, reason ? 'call_specific' : 'call', reason ? { reason } : null);
  return { ticket: called };
}

function openService(ctx: Ctx, serviceId: string): Row<'services'> {
  const service = ctx.store.get('services', serviceId);
  if (!service) throw notFound('service');
  if (!service.is_open) throw refuse(r.serviceClosed, { service: service.name });
  return service;
}

/** The service a ticket is asked for, if it issues tickets now: open, the day not closed, within its hours. */
export function issuable(ctx: Ctx, serviceId: string): Row<'services'> {
  const service = openService(ctx, serviceId);
  const closed = sql(ctx, 'SELECT closed_at FROM hall_days WHERE hall_id = ? AND day = ?').get(ctx.hallId, today(ctx)) as
    { closed_at: number | null } | undefined;
  if (closed?.closed_at) throw refuse(r.dayClosed);
  if (!withinTicketingHours(service, hallMinute(ctx.now, settingsOf(ctx).utcOffsetMinutes)))
    throw refuse(r.outsideHours, { service: service.name, from: service.ticket_from ?? '00:00', until: service.ticket_until ?? '24:00' });
  return service;
}

/**
 * Issues a ticket of `priority` for an issuable service, ordered in its line by `queueKey` (the
 * issue time; a booked slot's start for an appointment, so appointments are served in slot order),
 * and mints the slip's rating code and follow token. The caller has checked who may have that class.
 */
export function issueTicket(ctx: Ctx, service: Row<'services'>, priority: Priority, queueKey: number) {
  const serviceId = service.id;
  const day = today(ctx);
  const seq = (
    sql(ctx, 'SELECT coalesce(max(seq), 0) + 1 AS n FROM tickets WHERE issued_service_id = ? AND day = ?').get(serviceId, day) as {
      n: number;
    }
  ).n;
  if (service.daily_cap !== null && seq > service.daily_cap) {
    throw refuse(r.serviceFull, { service: service.name, cap: service.daily_cap });
  }
  const ticket = ctx.store.upsert(
    'tickets',
    {
      id: `${ctx.hallId}-${day}-${service.prefix}-${seq}`,
      hall_id: ctx.hallId,
      day,
      service_id: serviceId,
      seq,
      number: ticketNumber(service.prefix, seq),
      priority,
      status: 'waiting',
      queue_key: queueKey,
      issued_at: ctx.now,
      called_at: null,
      first_called_at: null,
      started_at: null,
      finished_at: null,
      counter_id: null,
      target_counter_id: null,
      staff_id: null,
      recalls: 0,
      park_until: null,
      end_reason: null,
      handled_services: null,
      call_reason: null,
    },
    { issued_service_id: serviceId },
  );
  event(ctx, ticket, 'issue', { priority });
  const { ahead, waitMs } = aheadOf(ctx, ticket);
  return {
    ticket: { id: ticket.id, number: ticket.number, service_id: serviceId, issued_at: ticket.issued_at },
    ahead,
    estimatedWaitMinutes: waitMs === null ? null : Math.ceil(waitMs / 60_000),
    // The slip is printed now, so its rating code is minted now: it rates the service once it ends.
    ratingCode: mintRatingCode(ctx, { ticketId: ticket.id }),
    // And its follow token: the QR beside the number opens the follow page.
    followToken: mintFollowToken(ctx, ticket),
  };
}

export const queueHandlers = {
  'ticket.issue': (ctx) => {
    const { serviceId, priority, confirm } = ctx.payload;
    const service = issuable(ctx, serviceId);
    if (!parsePriorities(service.priorities).includes(priority)) throw refuse(r.classNotTaken, { service: service.name });
    if (priority !== 'normal') {
      if (!confirm) throw refuse(r.priorityNeedsStaff);
      confirmOnDuty(ctx, confirm.login, confirm.password, 'priorityConfirm');
    }
    return issueTicket(ctx, service, priority, ctx.now);
  },

  'ticket.callNext': (ctx) => {
    const counter = readyToCall(ctx, ctx.payload.counterId);
    const profile = profileOf(ctx, counter);
    // The heads of the counter's lines and the parked and sent tickets: chooseNext decides on them as on the whole line.
    const candidates = dayLines(ctx, today(ctx)).candidates(profile);
    const next = chooseNext(candidates, profile, serviceRuns(ctx), settingsOf(ctx), ctx.now);
    if (!next) throw refuse(r.empty);
    if (next.run) ctx.store.patch('services', next.run.serviceId, { priority_run: next.run.value });
    return call(ctx, counter, ctx.store.get('tickets', next.ticket.id)!, null);
  },

  'ticket.callSpecific': (ctx) => {
    const counter = readyToCall(ctx, ctx.payload.counterId);
    const ticket = byNumber(ctx, ctx.payload.number);
    if (!isWaiting(ticket, ctx.now) && ticket.status !== 'missed' && ticket.status !== 'parked') {
      throw refuse(r.notWaiting, { number: ticket.number });
    }
    return call(ctx, counter, ticket, ctx.payload.reason);
  },

  'ticket.recall': (ctx) => {
    const { ticket } = current(ctx, ctx.payload.counterId);
    if (ticket.status !== 'called') throw refuse(r.alreadyStartedRecall);
    const limit = settingsOf(ctx).recallLimit;
    if (ticket.recalls >= limit) throw refuse(r.recallLimit, { limit });
    const recalled = ctx.store.patch('tickets', ticket.id, { recalls: ticket.recalls + 1, called_at: ctx.now });
    event(ctx, recalled, 'recall');
    return { ticket: recalled };
  },

  'ticket.noShow': (ctx) => {
    const { ticket } = current(ctx, ctx.payload.counterId);
    if (ticket.status !== 'called') throw refuse(r.startedNoShow);
    const ended = settingsOf(ctx).noShowRule === 'cancel';
    const updated = ctx.store.patch(
      'tickets',
      ticket.id,
      ended ? { status: 'no_show', end_reason: '过号', finished_at: ctx.now } : { status: 'missed' },
    );
    event(ctx, updated, 'no_show');
    return { ticket: updated };
  },

  'ticket.reinstate': (ctx) => {
    ownCounter(ctx, ctx.payload.counterId);
    const ticket = byNumber(ctx, ctx.payload.number);
    if (ticket.status !== 'missed') throw refuse(r.notMissed, { number: ticket.number });
    const s = settingsOf(ctx);
    const keys = lineKeys(ctx, ticket);
    const back = ctx.store.patch('tickets', ticket.id, {
      status: 'waiting',
      queue_key: reinstateKey(keys, s.noShowRule === 'front' ? 'front' : 'after', s.noShowAfter),
      counter_id: null,
      staff_id: null,
    });
    event(ctx, back, 'reinstate');
    return { ticket: back };
  },

  'ticket.start': (ctx) => {
    const { ticket } = current(ctx, ctx.payload.counterId);
    if (ticket.status !== 'called') throw refuse(r.alreadyServing);
    const started = ctx.store.patch('tickets', ticket.id, { status: 'serving', started_at: ctx.now });
    event(ctx, started, 'start');
    return { ticket: started };
  },

  'ticket.finish': (ctx) => {
    const { ticket } = current(ctx, ctx.payload.counterId);
    if (ticket.status !== 'serving') throw refuse(r.finishBeforeStart);
    for (const id of ctx.payload.handledServiceIds) if (!ctx.store.get('services', id)) throw notFound('service');
    const done = ctx.store.patch('tickets', ticket.id, {
      status: 'finished',
      finished_at: ctx.now,
      handled_services: JSON.stringify(ctx.payload.handledServiceIds),
    });
    event(ctx, done, 'finish');
    requestTicketRating(ctx, done);
    return { ticket: done };
  },

  'ticket.transfer': (ctx) => {
    const { ticket } = current(ctx, ctx.payload.counterId);
    const { toServiceId, toCounterId, mode } = ctx.payload;
    let serviceId = ticket.service_id;
    if (toServiceId) serviceId = openService(ctx, toServiceId).id;
    if (toCounterId) {
      const target = ctx.store.get('counters', toCounterId);
      if (!target) throw notFound('targetCounter');
      if (target.state === 'closed') throw refuse(r.targetClosed, { counter: target.number });
      if (target.id === ticket.counter_id) throw refuse(r.transferToSelf);
    }
    const last = (
      sql(ctx, "SELECT max(queue_key) AS k FROM tickets WHERE service_id = ? AND day = ? AND status IN ('waiting','parked')").get(
        serviceId,
        ticket.day,
      ) as { k: number | null }
    ).k;
    const moved = ctx.store.patch('tickets', ticket.id, {
      status: 'waiting',
      service_id: serviceId,
      target_counter_id: toCounterId,
      queue_key: transferKey(mode, ticket.queue_key, ctx.now, last),
      counter_id: null,
      staff_id: null,
      started_at: null,
    });
    event(ctx, { ...moved, counter_id: ticket.counter_id }, 'transfer', { toServiceId, toCounterId, mode });
    return { ticket: moved };
  },

  'ticket.park': (ctx) => {
    const { counter, ticket } = current(ctx, ctx.payload.counterId);
    const minutes = ctx.payload.minutes ?? settingsOf(ctx).parkMinutes;
    const parked = ctx.store.patch('tickets', ticket.id, {
      status: 'parked',
      park_until: ctx.now + minutes * 60_000,
      target_counter_id: counter.id,
      counter_id: null,
      staff_id: null,
    });
    event(ctx, { ...parked, counter_id: counter.id }, 'park', { minutes });
    return { ticket: parked };
  },

  'day.close': (ctx) => {
    const settings = settingsOf(ctx);
    const day = today(ctx);
    if (!pastClosingTime(ctx.now, settings)) {
      if (!ctx.payload.reason) throw refuse(r.dayNotOver, { time: settings.closingTime });
      ctx.auditNote({ early: true, closingTime: settings.closingTime });
    }
    const open = sql(
      ctx,
      "SELECT id, status, day FROM tickets WHERE hall_id = ? AND day <= ? AND status NOT IN ('finished','no_show','cancelled')",
    ).all(ctx.hallId, day) as Ticket[];
    for (const t of open) {
      const outcome = dayCloseOutcome(t.status)!;
      const ended = ctx.store.patch('tickets', t.id, {
        status: outcome.status,
        end_reason: outcome.reason,
        finished_at: ctx.now,
        park_until: null,
      });
      event(ctx, ended, 'day_close', { reason: outcome.reason });
    }
    // Bookings whose slot ended without a check-in are no-shows from the day's close at the latest.
    sweepNoShows(ctx);
    // Each day's lines start their interleave afresh.
    for (const s of ctx.store.all('services')) if (s.priority_run !== 0) ctx.store.patch('services', s.id, { priority_run: 0 });
    ctx.store.upsert('hall_days', { id: `${ctx.hallId}-${day}`, hall_id: ctx.hallId, day, closed_at: ctx.now });
    // Nothing is left to call today: whoever is still signed in is signed out (their tickets ended above).
    const signedIn = ctx.store.where('counters', "state <> 'closed'");
    for (const c of signedIn) applyCounterAction(ctx, c, { kind: 'signOut' }, '日终签退');
    // An earlier day the hub never closed is closed by this close too (its tickets ended above): each
    // closed day gets its report aggregates, now that nothing of it can change.
    const earlier = [...new Set(open.map((t) => t.day))].filter((d) => d < day);
    for (const d of earlier)
      if (!ctx.store.get('hall_days', `${ctx.hallId}-${d}`)?.closed_at)
        ctx.store.upsert('hall_days', { id: `${ctx.hallId}-${d}`, hall_id: ctx.hallId, day: d, closed_at: ctx.now });
    aggregateClose(ctx.store.db, [...earlier, day], ctx.now, settings.utcOffsetMinutes);
    return { day, ended: open.length, signedOut: signedIn.length };
  },

  'service.update': (ctx) => {
    const { serviceId, open, dailyCap, maxWaitMin, maxServiceMin, maxCallMin, queueCap } = ctx.payload;
    if (!ctx.store.get('services', serviceId)) throw notFound('service');
    const changes: Partial<Row<'services'>> = {};
    if (open !== undefined) changes.is_open = open ? 1 : 0;
    if (dailyCap !== undefined) changes.daily_cap = dailyCap;
    if (maxWaitMin !== undefined) changes.max_wait_min = maxWaitMin;
    if (maxServiceMin !== undefined) changes.max_service_min = maxServiceMin;
    if (maxCallMin !== undefined) changes.max_call_min = maxCallMin;
    if (queueCap !== undefined) changes.queue_cap = queueCap;
    if (Object.keys(changes).length === 0) throw refuse(r.nothingToChange);
    return { service: ctx.store.patch('services', serviceId, changes) };
  },

  'hall.setQueueSettings': (ctx) => {
    const merged = { ...settingsOf(ctx), ...ctx.payload };
    return { hall: ctx.store.patch('halls', ctx.hallId, { queue_settings: JSON.stringify(merged) }) };
  },

  'ticket.announced': (ctx) => {
    const { outcome, calls } = ctx.payload;
    // A zoned display hears only its zone's calls: it may not report another zone's.
    const zone = ctx.store.get('terminals', ctx.caller.terminalId)?.zone ?? '';
    const tickets = calls.map((c) => {
      const ticket = ctx.store.get('tickets', c.ticketId);
      if (!ticket) throw notFound('ticket');
      if (zone && ctx.store.get('counters', ticket.counter_id ?? '')?.zone !== zone) throw refuse(r.notInZone, { zone });
      return ticket;
    });
    let recorded = 0;
    calls.forEach((c, i) => {
      // A recall or a new call since: the report is about a call nobody is waiting on any more.
      if (tickets[i]!.called_at !== c.calledAt) return;
      const before = ctx.store.get('call_announcements', c.ticketId);
      // The first report of the call stands, except that spoken by any display beats skipped.
      if (before?.called_at === c.calledAt && (before.outcome === 'spoken' || outcome === 'skipped')) return;
      ctx.store.upsert('call_announcements', {
        id: c.ticketId,
        hall_id: ctx.hallId,
        called_at: c.calledAt,
        outcome,
        at: ctx.now,
        terminal_id: ctx.caller.terminalId,
      });
      recorded++;
    });
    return { recorded };
  },
} satisfies FeatureHandlers<typeof queueCommandSpecs>;
