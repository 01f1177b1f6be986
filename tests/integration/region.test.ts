import { describe, expect, it } from 'vitest';
import { projectRow, projections, tableSpecs, type TableName } from '../../shared/protocol/registry';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import type { Hub } from '../../main/hub/hub';
import { enrollRegion, REGION_HALLS as halls, work } from '../support/regionHalls';
import { demoHub, onCleanup, tempDir, until } from '../support/hub';
import { throwawayPostgres } from '../support/pg';

/** The hall as the region may see it: every row of every table the role sees, projected. */
function projection(hub: Hub): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of Object.keys(tableSpecs) as TableName[]) {
    for (const row of hub.store.all(name)) {
      const seen = projectRow('region', name, row);
      if (seen) out.set(`${name}/${row.id}`, seen);
    }
  }
  return out;
}

async function regionRows(store: RegionStore, hallId: string): Promise<Map<string, unknown>> {
  const { rows } = await store.pool.query<{ tbl: string; id: string; row: unknown }>(
    'SELECT tbl, id, row FROM hall_rows WHERE hall_id = $1',
    [hallId],
  );
  return new Map(rows.map((r) => [`${r.tbl}/${r.id}`, r.row]));
}

describe('the regional server over three halls, in PostgreSQL', () => {
  it('lands every row each hall lets it see exactly once, through a hall restart and a region stopped mid-stream', async () => {
    const pg = await throwawayPostgres();
    const dirs = halls.map(() => tempDir());
    const hubs = await Promise.all(halls.map((hall, i) => demoHub({ dataDir: dirs[i], hall })));
    let region = await Region.start(RegionStore.connect(pg.url), () => {});
    onCleanup(() => region.close());
    for (const hub of hubs) await enrollRegion(region, hub);
    expect(region.states().map((l) => l.hallId)).toEqual(halls.map((h) => h.id));
    const caughtUp = async () => {
      for (const hub of hubs)
        await until(() => region.states().find((s) => s.hallId === hub.hallId)?.cursor === hub.store.currentSeq, `${hub.hallId} caught up`);
      await region.settled();
    };
    hubs.forEach((hub, i) => work(hub, 5 + i));
    await caughtUp();

    // Hall 2 restarts; the region reconnects and goes on from its cursor.
    const before = hubs[1]!;
    await before.close();
    // The demo terminals keep their tokens (the hub gives them out only when it seeds).
    hubs[1] = { ...(await demoHub({ dataDir: dirs[1], hall: halls[1] }, { managerSession: false })), demoTerminals: before.demoTerminals };
    // The same data dir, so the region's token still holds; a new port.
    await region.store.pool.query('UPDATE region_halls SET hub_url = $1 WHERE hall_id = $2', [hubs[1].url, hubs[1].hallId]);
    await region.close();
    hubs.forEach((hub, i) => work(hub, 3 + i));
    // The region was away while the halls worked: a new region process starts from the store's cursors.
    region = await Region.start(RegionStore.connect(pg.url), () => {});
    await caughtUp();
    hubs.forEach((hub) => work(hub, 2));
    await caughtUp();

    for (const hub of hubs) {
      const here = await regionRows(region.store, hub.hallId);
      expect(here).toEqual(projection(hub));
      expect([...here.keys()].some((k) => k.startsWith('tickets/'))).toBe(true);
    }
    // No applicant's name, ID number, phone or papers reach the region; a staff member's login neither.
    for (const column of ['applicant_name', 'id_masked', 'phone', 'agent_name', 'materials_received'])
      expect(projections.region.cases).not.toContain(column);
    expect(projections.region.staff).not.toContain('login');
    const { rows } = await region.store.pool.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT (hall_id, seq))::int AS d FROM hall_changes',
    );
    expect(rows[0]!.n).toBe(rows[0]!.d);
  });
});
