import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CaseStep } from '../../shared/cases/commands';
import type { CommandPayload } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { APPLICANT_ID } from '../support/cases';
import { manualClock, onCleanup } from '../support/hub';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { eventually, regionNetwork, supervisorToken } from '../support/regionHalls';

/** Who takes each step of a 市场监管 case in a demo hall (its separation of duties): counter 1, the reviewer at 2, the head at 3. */
const BY: Partial<Record<CaseStep['action'], number>> = { review: 2, approve: 3, deny: 3 };

function clerks(hub: Hub) {
  const signedIn = new Map<number, ReturnType<ReturnType<typeof actors>['clerk']>>();
  const counter = (n: number) => `${hub.hallId}-c-0${n}`;
  const at = (n: number) => {
    let send = signedIn.get(n);
    if (!send) {
      send = actors(hub).clerk(n - 1);
      ok(send('counter.signIn', { counterId: counter(n), login: `c0${n}`, password: DEMO_PASSWORD }));
      signedIn.set(n, send);
    }
    return send;
  };
  const step = (caseId: string, action: CaseStep['action'], more: Record<string, unknown> = {}) => {
    const n = BY[action] ?? 1;
    return ok(at(n)('case.step', { caseId, counterId: counter(n), at: Date.now(), action, ...more } as CaseStep));
  };
  return { at, counter, step };
}

const publish = async (url: string, levels: Record<string, string[]>) => {
  const token = await supervisorToken(url, 'shi');
  const res = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'proxy_catalog', content: { levels } }),
  });
  expect(res.status).toBe(201);
};

const request = (over: Partial<CommandPayload<'proxy.register'>>): CommandPayload<'proxy.register'> => ({
  proxyId: randomUUID(),
  counterId: 'H3304-c-01',
  at: Date.now(),
  itemCode: 'SX-AMR-001',
  applicant: { type: 'person', name: '张三', idNumber: APPLICANT_ID, creditCode: null, phone: '13800138000' },
  materials: ['申请书'],
  note: '',
  ...over,
});

describe('全程代办 through the region (hubs in process, PostgreSQL)', () => {
  it('a township proxy case reaches its county hall’s department, its steps come back, a refusal returns, an item no hall above takes comes back', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:30:00Z'));
    const { hubs, region, url } = await regionNetwork({ clock });
    const [county, , township] = hubs as [Hub, Hub, Hub];
    await publish(url, { county: [], township: ['SX-AMR-001', 'SX-NONE-404'], village: [] });
    await eventually(
      async () => township.store.get('region_documents', 'H3304:proxy_catalog:levels')?.hall_level === 'township',
      'catalog applied',
    );

    const point = clerks(township);
    const target = clerks(county);
    const asked = request({});
    ok(point.at(1)('proxy.register', asked));
    const proxy = () => township.store.get('proxy_cases', asked.proxyId)!;
    await eventually(async () => proxy().status === 'delivered', 'delivered');
    const c = county.store.where('cases', 'proxy_id = ?', asked.proxyId);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({
      department_id: 'H3302-d-amr',
      origin_hall_id: 'H3304',
      origin_hall_name: '丙镇便民服务中心',
      status: 'received',
    });
    expect(proxy()).toMatchObject({
      target_hall_id: 'H3302',
      target_hall_name: '甲县政务服务中心',
      target_department_name: '市场监督管理局',
      target_case_id: c[0]!.id,
      target_case_number: c[0]!.number,
      target_status: 'received',
    });

    // Each step there comes back with the due day; the decision stays with the 办结.
    target.step(c[0]!.id, 'accept');
    await eventually(async () => proxy().target_status === 'accepted', 'accepted comes back');
    expect(proxy().promised_due).toBe(county.store.get('cases', c[0]!.id)!.promised_due);
    for (const action of ['undertake', 'review', 'approve'] as const) target.step(c[0]!.id, action);
    target.step(c[0]!.id, 'conclude', { feeCents: 0 });
    await eventually(async () => proxy().target_status === 'concluded', 'concluded comes back');
    expect(proxy()).toMatchObject({ result: 'approved', concluded_at: county.store.get('cases', c[0]!.id)!.concluded_at });

    // The county's clerk sends another back before accepting it: the reason returns.
    const second = request({});
    ok(point.at(1)('proxy.register', second));
    await eventually(async () => township.store.get('proxy_cases', second.proxyId)?.status === 'delivered', 'second delivered');
    const secondCase = county.store.where('cases', 'proxy_id = ?', second.proxyId)[0]!;
    ok(
      target.at(1)('proxy.refuse', {
        caseId: secondCase.id,
        counterId: target.counter(1),
        reason: 'materials_incomplete',
        text: '缺营业场所证明',
      }),
    );
    await eventually(async () => township.store.get('proxy_cases', second.proxyId)?.status === 'refused', 'refusal returns');
    expect(township.store.get('proxy_cases', second.proxyId)).toMatchObject({
      refusal_reason: 'materials_incomplete',
      refusal_text: '缺营业场所证明',
      target_status: 'refused',
    });

    // A denial's reasons come back with the decision (read from the county in transit), for the point's 办结 notice.
    const third = request({});
    ok(point.at(1)('proxy.register', third));
    await eventually(async () => township.store.get('proxy_cases', third.proxyId)?.status === 'delivered', 'third delivered');
    const thirdCase = county.store.where('cases', 'proxy_id = ?', third.proxyId)[0]!;
    for (const action of ['accept', 'undertake', 'review'] as const) target.step(thirdCase.id, action);
    target.step(thirdCase.id, 'deny', { reason: '经营场所不符合要求' });
    target.step(thirdCase.id, 'conclude', { feeCents: 0 });
    await eventually(async () => township.store.get('proxy_cases', third.proxyId)?.target_status === 'concluded', 'denial comes back');
    expect(township.store.get('proxy_cases', third.proxyId)).toMatchObject({ result: 'denied', decision_reason: '经营场所不符合要求' });

    // No hall above the township has the item: it comes back at once.
    const nowhere = request({ itemCode: 'SX-NONE-404' });
    ok(point.at(1)('proxy.register', nowhere));
    await eventually(async () => township.store.get('proxy_cases', nowhere.proxyId)?.status === 'refused', 'no target');
    expect(township.store.get('proxy_cases', nowhere.proxyId)).toMatchObject({ refusal_reason: 'no_target', target_case_id: null });

    // The region kept the routes, never the applicant.
    await region.settled();
    const { rows } = await region.store.pool.query('SELECT * FROM region_proxy_routes ORDER BY created_at');
    expect(rows.map((r: Record<string, unknown>) => [r.proxy_id, r.target_hall_id, r.refusal_reason])).toEqual([
      [asked.proxyId, 'H3302', null],
      [second.proxyId, 'H3302', null],
      [third.proxyId, 'H3302', null],
      [nowhere.proxyId, null, 'no_target'],
    ]);
    const stored = await region.store.pool.query("SELECT row FROM hall_rows WHERE tbl IN ('proxy_cases', 'cases')");
    const everything = JSON.stringify([rows, stored.rows]);
    for (const secret of [APPLICANT_ID, '110105********002X', '张三', '13800138000', '经营场所不符合要求'])
      expect(everything).not.toContain(secret);
    const audit = await region.store.pool.query<{ action: string }>("SELECT action FROM region_audit WHERE action LIKE 'proxy.%'");
    expect(new Set(audit.rows.map((r) => r.action))).toEqual(
      new Set(['proxy.target', 'proxy.delivered', 'proxy.told', 'proxy.progress', 'proxy.returned']),
    );
  });
  it('a case decided and concluded while the region was away, seen again only by a snapshot, comes back with its decision', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:30:00Z'));
    const { hubs, region, url, pgUrl } = await regionNetwork({ clock });
    const [county, , township] = hubs as [Hub, Hub, Hub];
    await publish(url, { county: [], township: ['SX-AMR-001'], village: [] });
    await eventually(
      async () => township.store.get('region_documents', 'H3304:proxy_catalog:levels')?.hall_level === 'township',
      'catalog applied',
    );
    const asked = request({});
    ok(clerks(township).at(1)('proxy.register', asked));
    const proxy = () => township.store.get('proxy_cases', asked.proxyId)!;
    await eventually(async () => proxy().status === 'delivered', 'delivered');
    const c = county.store.where('cases', 'proxy_id = ?', asked.proxyId)[0]!;

    await region.close();
    const target = clerks(county);
    for (const action of ['accept', 'undertake', 'review', 'approve'] as const) target.step(c.id, action);
    target.step(c.id, 'conclude', { feeCents: 0 });
    // The county's feed no longer reaches back to the region's cursor: it answers with a snapshot.
    const store = RegionStore.connect(pgUrl);
    await store.pool.query("UPDATE region_halls SET cursor = cursor + 1000000 WHERE hall_id = 'H3302'");
    await store.close();
    const again = await Region.start(RegionStore.connect(pgUrl), () => {}, clock);
    onCleanup(() => again.close());
    await eventually(async () => proxy().target_status === 'concluded', 'concluded comes back');
    expect(proxy()).toMatchObject({ result: 'approved', concluded_at: county.store.get('cases', c.id)!.concluded_at });
    // It came by the snapshot: the region never received the change that approved it.
    const { rows } = await again.store.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM hall_changes WHERE hall_id = 'H3302' AND tbl = 'cases' AND seq > (SELECT min(seq) FROM hall_changes WHERE hall_id = 'H3302' AND tbl = 'cases')",
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
