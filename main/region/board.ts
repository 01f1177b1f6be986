import type { Board, HallTile } from '../../shared/region/board';
import { dayFigures } from '../../shared/queue/kpi';
import { hallDay, hallDayStart } from '../../shared/queue/rules';
import { parseQueueSettings } from '../../shared/queue/settings';
import { emptyRatingTally } from '../../shared/ratings/rules';
import { CASE_SUMS, zeroSums } from '../../shared/reports/days';
import { addSums } from '../../shared/reports/figures';
import { caseSumsByDay, hallRows, ratingTallyOf, signalsByDepartment, todaysQueue, type Queryable } from './hallFigures';
import type { LinkState } from './hallLink';
import type { RegionStore } from './store';
import type { Supervisor } from './supervisors';

/** The halls at the node `nodeId` and under it, each with the names of the nodes from there down to it. */
export const SUBTREE = `
  WITH RECURSIVE below (id, path) AS (
    SELECT id, ARRAY[name] FROM region_nodes WHERE id = $1
    UNION ALL
    SELECT n.id, b.path || n.name FROM region_nodes n JOIN below b ON n.parent_id = b.id
  )
  SELECT h.hall_id, h.name, h.node_id, b.path, h.synced_at FROM region_halls h JOIN below b ON b.id = h.node_id ORDER BY b.path, h.name`;

/** The nodes at `nodeId` and under it, top down, each with the names from there down to it. */
const NODES = `
  WITH RECURSIVE below (id, name, level, path) AS (
    SELECT id, name, level, ARRAY[name] FROM region_nodes WHERE id = $1
    UNION ALL
    SELECT n.id, n.name, n.level, b.path || n.name FROM region_nodes n JOIN below b ON n.parent_id = b.id
  )
  SELECT id, name, level, path FROM below ORDER BY path`;

/** The halls of a node's subtree (SUBTREE's rows). */
export interface SubtreeHall {
  hall_id: string;
  name: string;
  node_id: string | null;
  path: string[];
  synced_at: Date | null;
}

export const subtreeHalls = async (db: Queryable, nodeId: string): Promise<SubtreeHall[]> =>
  (await db.query<SubtreeHall>(SUBTREE, [nodeId])).rows;

export const subtreeNodes = async (db: Queryable, nodeId: string): Promise<Board['nodes']> =>
  (await db.query<Board['nodes'][number]>(NODES, [nodeId])).rows;

/**
 * One hall's tile, from its rows in the regional store, with the hall's own definitions: the queue
 * today (queue/entries, queue/kpi), its cases yellow and red today (cases/rules), this month's
 * cases concluded and on time (reports/days) and today's 好差评 (ratings/rules).
 */
async function tile(store: RegionStore, hall: SubtreeHall, link: LinkState | undefined, now: number): Promise<HallTile> {
  const db = store.pool;
  const [identity] = await hallRows(db, hall.hall_id, 'halls');
  const offset = identity ? parseQueueSettings(identity.queue_settings).utcOffsetMinutes : null;
  const day = offset === null ? null : hallDay(now, offset);
  const counters = await hallRows(db, hall.hall_id, 'counters', '', [], ['state']);
  const queue = day ? await todaysQueue(db, hall.hall_id, day, now) : { tickets: [], entries: [], services: [] };
  const h = dayFigures({ now, ...queue }).hall;
  const departments = await hallRows(db, hall.hall_id, 'departments', '', [], ['id', 'name', 'sort']);
  const signals = day ? await signalsByDepartment(db, hall.hall_id, day) : [];
  const month = day && offset !== null ? await caseSumsByDay(db, hall.hall_id, `${day.slice(0, 8)}01`, day, offset) : new Map();
  const cases = addSums([zeroSums(CASE_SUMS), ...month.values()]);
  const dayStart = day && offset !== null ? hallDayStart(day, offset) : null;
  const ratings = dayStart === null ? emptyRatingTally() : await ratingTallyOf(db, hall.hall_id, dayStart, dayStart + 86_400_000, now);
  const sort = new Map(departments.map((d) => [d.id, d.sort]));
  return {
    hallId: hall.hall_id,
    name: identity?.name ?? hall.name,
    nodeId: hall.node_id,
    path: hall.path,
    connected: link?.status === 'connected',
    lagMs: hall.synced_at ? now - hall.synced_at.getTime() : null,
    day,
    countersOpen: counters.filter((c) => c.state === 'open').length,
    waiting: h.waiting,
    longestWaitMs: h.longestWaitMs ?? null,
    issued: h.issued,
    finished: h.finished,
    withinTarget: h.withinTarget,
    called: h.called,
    yellow: signals.reduce((n, d) => n + d.yellow, 0),
    red: signals.reduce((n, d) => n + d.red, 0),
    departments: signals
      .map((d) => ({ ...d, name: departments.find((x) => x.id === d.departmentId)?.name ?? d.departmentId }))
      .sort((a, b) => (sort.get(a.departmentId) ?? 0) - (sort.get(b.departmentId) ?? 0)),
    concluded: cases.concluded,
    onTime: cases.on_time,
    ratings: { services: ratings.services, active: ratings.active, satisfied: ratings.satisfied, bad: ratings.bad },
  };
}

/** The board of a supervisor: every hall of their subtree, never another's. */
export async function boardFor(store: RegionStore, who: Supervisor, links: readonly LinkState[], now: number): Promise<Board> {
  const rows = await subtreeHalls(store.pool, who.nodeId);
  const halls = await Promise.all(
    rows.map((h) =>
      tile(
        store,
        h,
        links.find((l) => l.hallId === h.hall_id),
        now,
      ),
    ),
  );
  return {
    supervisor: { login: who.login, name: who.name, node: who.nodeName, level: who.level },
    at: now,
    halls,
    nodes: await subtreeNodes(store.pool, who.nodeId),
  };
}
