import type { Board, HallTile } from '../../shared/region/board';
import { tableSpecs } from '../../shared/protocol/registry';
import { dayEntries } from '../../shared/queue/entries';
import { dayFigures } from '../../shared/queue/kpi';
import { hallDay } from '../../shared/queue/rules';
import { parseQueueSettings } from '../../shared/queue/settings';
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

const rowsOf = async <T extends keyof typeof tableSpecs>(store: RegionStore, hallId: string, tbl: T, where = '', args: unknown[] = []) => {
  const { rows } = await store.pool.query<{ row: unknown }>(`SELECT row FROM hall_rows WHERE hall_id = $1 AND tbl = $2 ${where}`, [
    hallId,
    tbl,
    ...args,
  ]);
  // What the halls sent is checked like everything that crosses a boundary.
  return rows.map((r) => tableSpecs[tbl].row.parse(r.row)) as ReturnType<(typeof tableSpecs)[T]['row']['parse']>[];
};

/**
 * One hall's tile, from its rows in the regional store, with the queue's own definitions
 * (queue/entries, queue/kpi): the figures a hall's own board shows, for the hall's own day.
 */
async function tile(
  store: RegionStore,
  hall: { hall_id: string; name: string; node_id: string | null; path: string[]; synced_at: Date | null },
  link: LinkState | undefined,
  now: number,
): Promise<HallTile> {
  const [identity] = await rowsOf(store, hall.hall_id, 'halls');
  const day = identity ? hallDay(now, parseQueueSettings(identity.queue_settings).utcOffsetMinutes) : null;
  const services = await rowsOf(store, hall.hall_id, 'services');
  const counters = await rowsOf(store, hall.hall_id, 'counters');
  const tickets = day ? await rowsOf(store, hall.hall_id, 'tickets', "AND row->>'day' = $3", [day]) : [];
  const events = tickets.length
    ? await rowsOf(store, hall.hall_id, 'ticket_events', "AND row->>'ticket_id' = ANY($3)", [tickets.map((t) => t.id)])
    : [];
  const h = dayFigures({ now, tickets, entries: dayEntries(tickets, events, services, now), services }).hall;
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
  };
}

/** The board of a supervisor: every hall of their subtree, never another's. */
export async function boardFor(store: RegionStore, who: Supervisor, links: readonly LinkState[], now: number): Promise<Board> {
  const { rows } = await store.pool.query<{
    hall_id: string;
    name: string;
    node_id: string | null;
    path: string[];
    synced_at: Date | null;
  }>(SUBTREE, [who.nodeId]);
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
  return { supervisor: { login: who.login, name: who.name, node: who.nodeName, level: who.level }, at: now, halls };
}
