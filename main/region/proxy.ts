import { ErrorCode, type HallError } from '../../shared/kernel/errors';
import type { FeedEntry } from '../../shared/protocol/feed';
import type { CommandPayload, CommandResult, CommandType, Row } from '../../shared/protocol';
import { tableSpecs } from '../../shared/protocol/registry';
import type { ProxyProgress, ProxyRequest, ProxyReturn, ProxyRouting } from '../../shared/proxy/commands';
import type { ProxyResult } from '../../shared/proxy/enums';
import { proxyRefusals } from '../../shared/proxy/refusals';
import type { RegionStore } from './store';

/** What the router needs of a hall's link: whether it is up, and a command sent on it. */
export interface ProxyLink {
  readonly connected: boolean;
  /** The hall's answer; throws when none came (the link went down, the hall did not answer in time). */
  command<T extends CommandType>(
    type: T,
    payload: CommandPayload<T>,
  ): Promise<{ ok: true; result: CommandResult<T> } | { ok: false; error: HallError }>;
}

interface Route {
  proxy_id: string;
  origin_hall_id: string;
  item_code: string;
  target_hall_id: string | null;
  target_case_id: string | null;
  target_case_number: string | null;
  item_name: string | null;
  department_name: string | null;
  refusal_reason: 'no_target' | 'not_received' | null;
  refusal_text: string | null;
  result: ProxyResult | null;
  told_at: string | null;
  pushed_version: string;
}

/**
 * The nearest halls up a hall's line whose catalog (as replicated here) has the item active: the
 * halls placed at its node's parent first, then the grandparent's… up to the city. The hall's own
 * node is not searched: a point carries a case up, never sideways.
 */
const TARGETS = `
  WITH RECURSIVE up(id, depth) AS (
    SELECT n.parent_id, 1 FROM region_halls h JOIN region_nodes n ON n.id = h.node_id WHERE h.hall_id = $1 AND n.parent_id IS NOT NULL
    UNION ALL SELECT n.parent_id, up.depth + 1 FROM up JOIN region_nodes n ON n.id = up.id WHERE n.parent_id IS NOT NULL
  )
  SELECT h.hall_id, h.name FROM up JOIN region_halls h ON h.node_id = up.id
  WHERE EXISTS (SELECT 1 FROM hall_rows r WHERE r.hall_id = h.hall_id AND r.tbl = 'catalog_items'
                AND r.row->>'code' = $2 AND (r.row->>'active')::int = 1)
  ORDER BY up.depth, h.hall_id LIMIT 1`;

const isStale = (e: HallError) => e.reason === proxyRefusals.staleProgress.reason;

/** Refusals that say nothing of the request (the hall is busy, its disk full, it failed): the same is sent again later. */
const TRANSIENT: readonly string[] = [
  ErrorCode.RATE_LIMITED,
  ErrorCode.STORAGE_FULL,
  ErrorCode.INTERNAL,
  ErrorCode.HUB_TIMEOUT,
  ErrorCode.HUB_UNREACHABLE,
];
/** How long after a transient refusal the next pass runs. */
const RETRY_MS = 2_000;

/**
 * 全程代办 across levels, the region's part: it carries each point's proxy cases to the hall that
 * decides them and brings every step back. Nothing is lost or doubled when a link is down: a
 * request stays in the point's outbox until the point is told where it went; the target is chosen
 * once and kept (PostgreSQL: region_proxy_routes), and the same proxy id received again answers the
 * same case; each step is told by version (the target feed's seq of its case row), and a point
 * ignores one it has. Passes run one at a time; a pass asked for while one runs runs after it.
 * The applicant's data is only in transit here, never stored.
 */
/**
 * Whether a batch moves proxy cases: a point's requests (proxy_cases), or a case a point carried
 * to this hall (its proxy_id set). A hall's own cases change all day and concern no route.
 */
export const touchesProxies = (entries: readonly FeedEntry[]): boolean =>
  entries.some(
    (e) => e.table === 'proxy_cases' || (e.table === 'cases' && typeof (e.row as { proxy_id?: unknown } | null)?.proxy_id === 'string'),
  );

export class ProxyRouter {
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private pending = false;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: RegionStore,
    private readonly links: () => ReadonlyMap<string, ProxyLink>,
    private readonly log: (m: string) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Asks for a pass (a link came up, a batch brought proxy cases or cases); resolves once one after the ask has run. */
  kick(): Promise<void> {
    if (this.closed) return this.running;
    if (this.pending) {
      this.again = true;
      return this.running;
    }
    this.pending = true;
    this.running = this.running.then(async () => {
      do {
        this.again = false;
        await this.pass().catch((e: unknown) => this.log(`proxy cases: ${(e as Error).message}`));
      } while (this.again);
      this.pending = false;
    });
    return this.running;
  }

  /**
   * Records the decisions (approved, denied) a target's batch carries for proxy cases, before the
   * batch lands: the rows keep a case's last state only, and a case approved and concluded in one
   * batch would otherwise never show its decision here.
   */
  async noteDecisions(hallId: string, entries: readonly FeedEntry[]): Promise<void> {
    const decided = entries.flatMap((e) => {
      if (e.table !== 'cases' || !e.row) return [];
      const { proxy_id: proxyId, status } = e.row as { proxy_id?: unknown; status?: unknown };
      return typeof proxyId === 'string' && (status === 'approved' || status === 'denied') ? [{ proxyId, status }] : [];
    });
    for (const d of decided)
      await this.store.pool.query('UPDATE region_proxy_routes SET result = $3 WHERE proxy_id = $1 AND target_hall_id = $2', [
        d.proxyId,
        hallId,
        d.status,
      ]);
  }

  /** Resolves once the passes asked for so far have run. */
  settled(): Promise<void> {
    return this.running;
  }

  /** No pass after those under way. */
  close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    return this.running;
  }

  /** A pass again in a while: a hall answered that it could not take a command now. */
  private retryLater(): void {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.kick();
    }, RETRY_MS);
    this.retry.unref();
  }

  private link(hallId: string): ProxyLink | null {
    const l = this.links().get(hallId);
    return l?.connected ? l : null;
  }

  private async pass(): Promise<void> {
    await this.takeOutgoing();
    await this.tellRouted();
    await this.pushProgress();
  }

  /** Every point with a proxy case waiting (as its feed shows), asked for its requests, each routed. */
  private async takeOutgoing(): Promise<void> {
    const { rows } = await this.store.pool.query<{ hall_id: string }>(
      "SELECT DISTINCT hall_id FROM hall_rows WHERE tbl = 'proxy_cases' AND row->>'status' = 'outbox'",
    );
    for (const { hall_id: origin } of rows) {
      const link = this.link(origin);
      if (!link) continue;
      const answer = await this.ask(origin, link, 'proxy.outgoing', {});
      if (!answer) continue;
      if (!answer.ok) {
        this.log(`hall ${origin}: proxy.outgoing refused: ${answer.error.message}`);
        continue;
      }
      for (const request of answer.result.requests) await this.route(request);
    }
  }

  /** One request: its route (made once), and the receive at its target while it has no case there. */
  private async route(request: ProxyRequest): Promise<void> {
    const now = this.clock();
    await this.store.pool.query(
      `INSERT INTO region_proxy_routes (proxy_id, origin_hall_id, item_code, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (proxy_id) DO NOTHING`,
      [request.proxyId, request.originHallId, request.itemCode, now],
    );
    let route = await this.routeOf(request.proxyId);
    if (route.origin_hall_id !== request.originHallId) {
      // Another point claims a proxy id already carried: its request goes nowhere (the target would refuse it too).
      this.log(`hall ${request.originHallId}: proxy ${request.proxyId} is already ${route.origin_hall_id}'s`);
      return;
    }
    if (route.target_case_id || route.refusal_reason) return;
    if (!route.target_hall_id) {
      const { rows } = await this.store.pool.query<{ hall_id: string; name: string }>(TARGETS, [request.originHallId, request.itemCode]);
      const target = rows[0];
      if (!target) {
        await this.returned(route, { reason: 'no_target', text: '' });
        return;
      }
      await this.store.pool.query('UPDATE region_proxy_routes SET target_hall_id = $2 WHERE proxy_id = $1', [
        request.proxyId,
        target.hall_id,
      ]);
      await this.store.audit(
        now,
        null,
        'proxy.target',
        JSON.stringify({ proxyId: request.proxyId, origin: request.originHallId, target: target.hall_id, item: request.itemCode }),
      );
      route = await this.routeOf(request.proxyId);
    }
    const targetId = route.target_hall_id!;
    const link = this.link(targetId);
    if (!link) return;
    const answer = await this.ask(targetId, link, 'proxy.receive', request);
    if (!answer) return;
    if (!answer.ok) {
      await this.returned(route, { reason: 'not_received', text: answer.error.message });
      return;
    }
    const { caseId, caseNumber, itemName, departmentName } = answer.result;
    await this.store.pool.query(
      `UPDATE region_proxy_routes SET target_case_id = $2, target_case_number = $3, item_name = $4, department_name = $5, routed_at = $6
       WHERE proxy_id = $1`,
      [request.proxyId, caseId, caseNumber, itemName, departmentName, this.clock()],
    );
    await this.store.audit(
      this.clock(),
      null,
      'proxy.delivered',
      JSON.stringify({ proxyId: request.proxyId, target: targetId, caseId, caseNumber, already: answer.result.already }),
    );
  }

  private async returned(route: Route, refusal: ProxyReturn & { reason: 'no_target' | 'not_received' }): Promise<void> {
    await this.store.pool.query(
      'UPDATE region_proxy_routes SET refusal_reason = $2, refusal_text = $3, routed_at = $4 WHERE proxy_id = $1',
      [route.proxy_id, refusal.reason, refusal.text, this.clock()],
    );
    await this.store.audit(
      this.clock(),
      null,
      'proxy.returned',
      JSON.stringify({ proxyId: route.proxy_id, origin: route.origin_hall_id, target: route.target_hall_id, ...refusal }),
    );
  }

  /** Every point not yet told where its request went (or why it came back), told, if it is connected. */
  private async tellRouted(): Promise<void> {
    const { rows } = await this.store.pool.query<Route & { target_name: string | null }>(
      `SELECT r.*, h.name AS target_name FROM region_proxy_routes r LEFT JOIN region_halls h ON h.hall_id = r.target_hall_id
       WHERE r.told_at IS NULL AND (r.target_case_id IS NOT NULL OR r.refusal_reason IS NOT NULL) ORDER BY r.created_at`,
    );
    for (const route of rows) {
      const link = this.link(route.origin_hall_id);
      if (!link) continue;
      const routing: ProxyRouting = route.target_case_id
        ? {
            kind: 'delivered',
            targetHallId: route.target_hall_id!,
            targetHallName: route.target_name!,
            caseId: route.target_case_id,
            caseNumber: route.target_case_number!,
            itemName: route.item_name!,
            departmentName: route.department_name!,
          }
        : { kind: 'refused', refusal: { reason: route.refusal_reason!, text: route.refusal_text ?? '' } };
      const answer = await this.ask(route.origin_hall_id, link, 'proxy.routed', { proxyId: route.proxy_id, routing });
      if (!answer) continue;
      // A refusal here (the point has another route for it, or lost it) is logged and not sent again: it would be refused again.
      if (!answer.ok) this.log(`hall ${route.origin_hall_id}: proxy.routed ${route.proxy_id} refused: ${answer.error.message}`);
      await this.store.pool.query('UPDATE region_proxy_routes SET told_at = $2 WHERE proxy_id = $1', [route.proxy_id, this.clock()]);
      await this.store.audit(
        this.clock(),
        null,
        'proxy.told',
        JSON.stringify({ proxyId: route.proxy_id, origin: route.origin_hall_id, ok: answer.ok }),
      );
    }
  }

  /** Every step at a target the point has not been told (the case row's seq past the one told), told, if the point is connected. */
  private async pushProgress(): Promise<void> {
    const { rows } = await this.store.pool.query<Route & { seq: string; row: unknown }>(
      `SELECT r.*, c.seq, c.row FROM region_proxy_routes r
       JOIN hall_rows c ON c.hall_id = r.target_hall_id AND c.tbl = 'cases' AND c.id = r.target_case_id
       WHERE r.told_at IS NOT NULL AND c.seq > r.pushed_version ORDER BY c.seq`,
    );
    for (const route of rows) {
      const link = this.link(route.origin_hall_id);
      if (!link) continue;
      const c = CaseState.parse(route.row);
      let result = resultOf(c) ?? route.result;
      // A denial's reasons are not in the region's rows: read from the target, in transit only; so is
      // the decision of a case concluded before the region saw it (a snapshot carries no 'approved'
      // or 'denied' row). Wait for the target if it is away.
      let decisionReason: string | null = null;
      if (result === 'denied' || (result === null && (c.status === 'concluded' || c.status === 'delivered'))) {
        const target = this.link(route.target_hall_id!);
        const read = target && (await this.ask(route.target_hall_id!, target, 'proxy.decision', { caseId: c.id }));
        if (!read) continue;
        if (read.ok) {
          result = read.result.result ?? result;
          decisionReason = read.result.reason;
        } else this.log(`hall ${route.target_hall_id}: proxy.decision ${c.id} refused: ${read.error.message}`);
      }
      if (result !== route.result)
        await this.store.pool.query('UPDATE region_proxy_routes SET result = $2 WHERE proxy_id = $1', [route.proxy_id, result]);
      const progress: ProxyProgress = {
        proxyId: route.proxy_id,
        targetHallId: route.target_hall_id!,
        caseId: c.id,
        version: Number(route.seq),
        status: c.status,
        paused: c.paused_kind,
        promisedDue: c.promised_due,
        statutoryDue: c.statutory_due,
        acceptedAt: c.accepted_at,
        concludedAt: c.concluded_at,
        result,
        decisionReason,
        refusal: c.proxy_refusal
          ? { reason: c.proxy_refusal, text: c.proxy_refusal_text ?? '' }
          : c.status === 'refused'
            ? { reason: 'other', text: '' }
            : null,
      };
      const answer = await this.ask(route.origin_hall_id, link, 'proxy.progress', progress);
      if (!answer) continue;
      // An older version refused: the point has this step or a later one already.
      if (!answer.ok && !isStale(answer.error))
        this.log(`hall ${route.origin_hall_id}: proxy.progress ${route.proxy_id} refused: ${answer.error.message}`);
      await this.store.pool.query('UPDATE region_proxy_routes SET pushed_version = greatest(pushed_version, $2) WHERE proxy_id = $1', [
        route.proxy_id,
        progress.version,
      ]);
      if (answer.ok)
        await this.store.audit(
          this.clock(),
          null,
          'proxy.progress',
          JSON.stringify({ proxyId: route.proxy_id, version: progress.version, status: progress.status }),
        );
    }
  }

  private async routeOf(proxyId: string): Promise<Route> {
    const { rows } = await this.store.pool.query<Route>('SELECT * FROM region_proxy_routes WHERE proxy_id = $1', [proxyId]);
    return rows[0]!;
  }

  /**
   * The hall's answer, or null when none came or the hall could not take the command now (logged;
   * a later pass sends it again: when the link comes back up, or shortly for a busy hall).
   */
  private async ask<T extends CommandType>(hallId: string, link: ProxyLink, type: T, payload: CommandPayload<T>) {
    try {
      const answer = await link.command(type, payload);
      if (answer.ok || !TRANSIENT.includes(answer.error.code)) return answer;
      this.log(`hall ${hallId}: ${type}: ${answer.error.message}; sent again shortly`);
      this.retryLater();
    } catch (e) {
      this.log(`hall ${hallId}: ${type}: no answer (${(e as Error).message}); sent again when it is back`);
    }
    return null;
  }
}

/** What the point is told of its case at the target: columns of the region's projection of cases (no personal data). */
const CaseState = tableSpecs.cases.row.pick({
  id: true,
  status: true,
  paused_kind: true,
  promised_due: true,
  statutory_due: true,
  accepted_at: true,
  concluded_at: true,
  proxy_refusal: true,
  proxy_refusal_text: true,
});

/** The decision a case row shows, if it shows one (once concluded, only the region's record of it tells). */
function resultOf(c: Pick<Row<'cases'>, 'status'>): ProxyResult | null {
  return c.status === 'approved' || c.status === 'denied' ? c.status : null;
}
