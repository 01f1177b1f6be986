import {
  callOrder,
  hallDay,
  typicalServiceMs,
  type CounterProfile,
  type OrderCounter,
  type QueueSettings,
  type QueueTicket,
} from '../../../../shared/queue/rules';
import { columns } from '../../../../shared/kernel/definition';
import { serviceKpi } from '../../../../shared/queue/kpi';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { sql, type HandlerContext } from '../../commands/context';

/**
 * What the queue's handlers read of the hall's lines: its settings and day, the ticket a counter
 * holds, a counter's services in order, and the estimate a new ticket is issued with.
 */

type Ctx = HandlerContext<CommandType>;
type Ticket = Row<'tickets'>;

export const settingsOf = (ctx: Ctx): QueueSettings => parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings);
export const today = (ctx: Ctx) => hallDay(ctx.now, settingsOf(ctx).utcOffsetMinutes);

/** The ticket a counter holds (called or being served), if any. */
export function held(ctx: Ctx, counterId: string): Ticket | undefined {
  const row = sql(ctx, "SELECT id FROM tickets WHERE counter_id = ? AND status IN ('called','serving')").get(counterId) as
    { id: string } | undefined;
  return row && ctx.store.get('tickets', row.id);
}

/** What the queue rules read of a ticket. */
export const QUEUE_COLUMNS = 'id, service_id, priority, status, queue_key, target_counter_id, park_until';

export function profileOf(ctx: Ctx, counter: Row<'counters'>): CounterProfile {
  const serviceIds = (
    sql(ctx, 'SELECT service_id FROM counter_services WHERE counter_id = ? ORDER BY position').all(counter.id) as { service_id: string }[]
  ).map((r) => r.service_id);
  return { id: counter.id, serviceIds, profile: counter.profile };
}

/** Each service's interleave run: the rule of its line across all its counters. */
export const serviceRuns = (ctx: Ctx): Map<string, number> =>
  new Map(
    (sql(ctx, 'SELECT id, priority_run FROM services').all() as { id: string; priority_run: number }[]).map((s) => [s.id, s.priority_run]),
  );

/**
 * Who is ahead of a new ticket and how long until its call: the calling order simulated over today's
 * line (queue/rules callOrder) with the counters open now, each free once its current ticket's
 * typical service is over, and each service's typical time from its latest services today.
 */
export function aheadOf(ctx: Ctx, ticket: Ticket): { ahead: number; waitMs: number | null } {
  const tickets = sql(ctx, `SELECT ${QUEUE_COLUMNS} FROM tickets WHERE day = ? AND status IN ('waiting','parked')`).all(
    ticket.day,
  ) as QueueTicket[];
  const finished = sql(
    ctx,
    `SELECT service_id, ${serviceKpi.sql(columns())} AS ms FROM tickets
     WHERE day = ? AND status = 'finished' AND started_at IS NOT NULL ORDER BY finished_at DESC`,
  ).all(ticket.day) as { service_id: string; ms: number }[];
  const recent = new Map<string, number[]>();
  for (const { service_id, ms } of finished) {
    if (!recent.has(service_id)) recent.set(service_id, []);
    recent.get(service_id)!.push(ms);
  }
  const serviceMs = (serviceId: string) => typicalServiceMs(recent.get(serviceId) ?? []);
  const counters = ctx.store.where('counters', "state = 'open'").map((c): OrderCounter => {
    // Busy with the ticket it holds until that ticket's typical service is over, counted from its start (or call).
    const holding = held(ctx, c.id);
    const busyFor = holding ? ctx.now - (holding.started_at ?? holding.called_at!) : 0;
    const rest = holding ? Math.max(0, serviceMs(holding.service_id) - busyFor) : 0;
    return { ...profileOf(ctx, c), freeAt: ctx.now + rest };
  });
  return callOrder({
    ticketId: ticket.id,
    tickets,
    counters,
    runs: serviceRuns(ctx),
    rule: settingsOf(ctx),
    serviceMs,
    now: ctx.now,
  });
}
