import {
  callOrderOf,
  hallDay,
  Lines,
  TYPICAL_OF_LATEST,
  typicalServiceMs,
  type LineReader,
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
import type { Priority } from '../../../../shared/queue/enums';

/**
 * What the queue's handlers read of the hall's lines: its settings and day, the ticket a counter
 * holds, a counter's services in order, and the estimate a new ticket is issued with.
 */

type Ctx = HandlerContext<CommandType>;
type Ticket = Row<'tickets'>;

export const settingsOf = (ctx: Ctx): QueueSettings => parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings);
/** The hall's offset from UTC in minutes (its clock's hours of business). */
export const offsetOf = (ctx: Ctx) => settingsOf(ctx).utcOffsetMinutes;
export const today = (ctx: Ctx) => hallDay(ctx.now, offsetOf(ctx));

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

/** The line of one service and class, as index tickets_line (migration 0041) holds it: the same terms, so the index serves. */
const LINE = `FROM tickets WHERE day = ? AND service_id = ? AND priority = ? AND status = 'waiting' AND target_counter_id IS NULL`;
/** Parked tickets and tickets sent to a counter, as index tickets_off_line holds them. */
const OFF_LINE = `(status = 'parked' OR (status = 'waiting' AND target_counter_id IS NOT NULL))`;

/**
 * The day's waiting tickets for the calling order (queue/rules Lines): each line read from its head
 * through its index as calls reach it, so that neither a call nor an estimate reads the whole line.
 */
export function dayLines(ctx: Ctx, day: string): Lines {
  // A line's tickets differ only in id and key (waiting, sent to no counter, of its service and class): only those are read.
  const read = (serviceId: string, priority: Priority, rows: unknown[]): QueueTicket[] =>
    (rows as [string, number][]).map(([id, queue_key]) => ({
      id,
      service_id: serviceId,
      priority,
      status: 'waiting',
      queue_key,
      target_counter_id: null,
      park_until: null,
    }));
  const reader: LineReader = {
    next: (serviceId, priority, after, limit) => {
      const chunk = read(
        serviceId,
        priority,
        after === null
          ? sql(ctx, `SELECT id, queue_key ${LINE} ORDER BY queue_key LIMIT ?`).raw().all(day, serviceId, priority, limit)
          : sql(ctx, `SELECT id, queue_key ${LINE} AND queue_key > ? ORDER BY queue_key LIMIT ?`)
              .raw()
              .all(day, serviceId, priority, after, limit),
      );
      const last = chunk.at(-1);
      if (chunk.length < limit || !last) return chunk;
      // Every ticket sharing the last one's key, so that the next read starts past a whole key.
      const ties = read(
        serviceId,
        priority,
        sql(ctx, `SELECT id, queue_key ${LINE} AND queue_key = ?`).raw().all(day, serviceId, priority, last.queue_key),
      );
      return [...chunk.filter((t) => t.queue_key !== last.queue_key), ...ties];
    },
    countBefore: (serviceId, priority, before) =>
      sql(ctx, `SELECT count(*) ${LINE} AND queue_key < ?`).pluck().get(day, serviceId, priority, before) as number,
  };
  return new Lines(reader, sql(ctx, `SELECT ${QUEUE_COLUMNS} FROM tickets WHERE day = ? AND ${OFF_LINE}`).all(day) as QueueTicket[]);
}

/** A service's typical service time today, from its latest services (index tickets_finished). */
function typicalServiceMsOf(ctx: Ctx, day: string): (serviceId: string) => number {
  const known = new Map<string, number>();
  return (serviceId) => {
    let ms = known.get(serviceId);
    if (ms === undefined) {
      const recent = sql(
        ctx,
        `SELECT ${serviceKpi.sql(columns())} AS ms FROM tickets
         WHERE day = ? AND service_id = ? AND status = 'finished' AND started_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?`,
      ).all(day, serviceId, TYPICAL_OF_LATEST) as { ms: number }[];
      known.set(serviceId, (ms = typicalServiceMs(recent.map((r) => r.ms))));
    }
    return ms;
  };
}

/**
 * Who is ahead of a new ticket and how long until its call: the calling order simulated over today's
 * line (queue/rules callOrderOf) with the counters open now, each free once its current ticket's
 * typical service is over, and each service's typical time from its latest services today.
 */
export function aheadOf(ctx: Ctx, ticket: Ticket): { ahead: number; waitMs: number | null } {
  const serviceMs = typicalServiceMsOf(ctx, ticket.day);
  // Every open counter's services and held ticket in two reads (index tickets_one_held_per_counter),
  // not two per counter: a hall of 1,000 open counters issues a ticket without 2,000 statements.
  const heldBy = new Map(
    (
      sql(ctx, "SELECT counter_id, service_id, started_at, called_at FROM tickets WHERE status IN ('called','serving')").all() as {
        counter_id: string;
        service_id: string;
        started_at: number | null;
        called_at: number;
      }[]
    ).map((h) => [h.counter_id, h]),
  );
  const servicesOf = new Map<string, string[]>();
  const links = sql(ctx, 'SELECT counter_id, service_id FROM counter_services ORDER BY counter_id, position').all() as {
    counter_id: string;
    service_id: string;
  }[];
  for (const { counter_id, service_id } of links) {
    const list = servicesOf.get(counter_id);
    if (list) list.push(service_id);
    else servicesOf.set(counter_id, [service_id]);
  }
  const open = sql(ctx, "SELECT id, profile FROM counters WHERE state = 'open' ORDER BY id").all() as Pick<
    Row<'counters'>,
    'id' | 'profile'
  >[];
  const counters = open.map((c): OrderCounter => {
    // Busy with the ticket it holds until that ticket's typical service is over, counted from its start (or call).
    const holding = heldBy.get(c.id);
    const busyFor = holding ? ctx.now - (holding.started_at ?? holding.called_at) : 0;
    const rest = holding ? Math.max(0, serviceMs(holding.service_id) - busyFor) : 0;
    return { id: c.id, serviceIds: servicesOf.get(c.id) ?? [], profile: c.profile, freeAt: ctx.now + rest };
  });
  return callOrderOf({
    target: ticket,
    lines: () => dayLines(ctx, ticket.day),
    counters,
    runs: serviceRuns(ctx),
    rule: settingsOf(ctx),
    serviceMs,
    now: ctx.now,
  });
}
