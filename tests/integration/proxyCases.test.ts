import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import type { Caller } from '../../main/hub/commands/context';
import type { CommandPayload } from '../../shared/protocol';
import type { ProxyRequest } from '../../shared/proxy/commands';
import { actors, err, ok, type Send } from '../support/actors';
import { APPLICANT_ID, newCase } from '../support/cases';
import { demoHub, manualClock, opId } from '../support/hub';

/** The catalog each level's points take in by proxy (the region's document, as a hall applies it). */
const CATALOG = { levels: { county: ['SX-AMR-001'], township: ['SX-AMR-001'], village: ['SX-AMR-001', 'SX-AMR-002'] } };
const POINT = { id: 'H3305', code: 'H3305', name: '丁村便民服务站' };

/** The region's terminal at the hall, as it enrolls; its commands. */
function regionOf(hub: Hub) {
  const id = `${hub.hallId}-t-region`;
  hub.store.transaction(() => createTerminal(hub.store, hub.hallId, { id, role: 'region', name: '市级监管', counterId: null }, 0));
  const caller: Caller = { terminalId: id, role: 'region', counterId: null };
  const send: Send = (type, payload) => hub.execute(caller, { opId: opId(), type, payload }) as never;
  return send;
}

/** The hall's rows that a refused command must leave as they were. */
const snapshot = (hub: Hub) =>
  JSON.stringify([hub.db.prepare('SELECT * FROM proxy_cases ORDER BY id').all(), hub.db.prepare('SELECT * FROM cases ORDER BY id').all()]);

async function halls() {
  const clock = manualClock(Date.parse('2026-11-25T01:30:00Z'));
  const point = await demoHub({ hall: POINT, clock });
  const target = await demoHub({ clock });
  const pointRegion = regionOf(point);
  const targetRegion = regionOf(target);
  const pointClerk = actors(point).clerk(0);
  const targetClerk = actors(target).clerk(0);
  ok(pointClerk('counter.signIn', { counterId: 'H3305-c-01', login: 'c01', password: DEMO_PASSWORD }));
  ok(targetClerk('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
  return { clock, point, target, pointRegion, targetRegion, pointClerk, targetClerk };
}

const register = (over: Partial<CommandPayload<'proxy.register'>> = {}): CommandPayload<'proxy.register'> => ({
  proxyId: randomUUID(),
  counterId: 'H3305-c-01',
  at: Date.parse('2026-11-25T01:30:00Z'),
  itemCode: 'SX-AMR-001',
  applicant: { type: 'person', name: '张三', idNumber: APPLICANT_ID, creditCode: null, phone: '13800138000' },
  materials: ['申请书', '身份证复印件'],
  note: '行动不便，村代办员代办',
  ...over,
});

const catalogDoc = { kind: 'proxy_catalog' as const, version: 1, publishedAt: 0, content: CATALOG };

describe('全程代办 at both ends, in process', () => {
  it('a point registers only items of its level’s list; the region gets the request whole; the target receives it once as a case of the item’s department', async () => {
    const { point, target, pointRegion, targetRegion, pointClerk, targetClerk } = await halls();
    // No catalog yet: nothing to take in by proxy.
    expect(pointClerk('proxy.register', register())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'proxy.noCatalog' } });
    ok(pointRegion('regionDoc.apply', { document: catalogDoc, level: 'village' }));
    const before = snapshot(point);
    expect(pointClerk('proxy.register', register({ itemCode: 'SX-AMR-009' }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', reason: 'proxy.itemNotListed', params: { code: 'SX-AMR-009' } },
    });
    expect(err(pointClerk('proxy.register', register({ applicant: { ...register().applicant, idNumber: '110105194912310021' } })))).toBe(
      'VALIDATION_FAILED',
    );
    expect(err(pointClerk('proxy.register', register({ materials: [] })))).toBe('VALIDATION_FAILED');
    // The administrator's exception: an item of the list the point does not take in.
    ok(actors(point).manager('regionDoc.addOverride', { type: 'refuse_item', code: 'SX-AMR-002', note: '' }));
    const afterOverride = snapshot(point);
    expect(err(pointClerk('proxy.register', register({ itemCode: 'SX-AMR-002' })))).toBe('VALIDATION_FAILED');
    expect(snapshot(point)).toBe(afterOverride);
    expect(afterOverride).toBe(before);

    const asked = register();
    const { proxy } = ok(pointClerk('proxy.register', asked)) as { proxy: Record<string, unknown> };
    expect(proxy).toMatchObject({
      id: asked.proxyId,
      number: 'H3305-P20261125-0001',
      status: 'outbox',
      id_masked: '110105********002X',
      agent_id: 'H3305-u-1',
      progress_version: 0,
    });
    expect(err(pointClerk('proxy.register', asked))).toBe('CASE_STATE');
    // Not a case of the point's: none of its deadlines or figures count it.
    expect(point.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });

    // Only the region asks for the requests, and gets them whole.
    expect(err(pointClerk('proxy.outgoing', {}))).toBe('FORBIDDEN');
    const { requests } = ok(pointRegion('proxy.outgoing', {})) as { requests: ProxyRequest[] };
    expect(requests).toEqual([
      {
        proxyId: asked.proxyId,
        originHallId: 'H3305',
        originHallName: '丁村便民服务站',
        originNumber: 'H3305-P20261125-0001',
        itemCode: 'SX-AMR-001',
        applicant: asked.applicant,
        materials: asked.materials,
        note: asked.note,
        agentName: point.store.get('staff', 'H3305-u-1')!.name,
        registeredAt: asked.at,
      },
    ]);
    // Neither the audit nor the answer kept for replays has the whole ID number.
    const kept = point.db
      .prepare("SELECT a.detail, o.answer FROM audit a JOIN applied_ops o ON o.op_id = a.op_id WHERE a.type = 'proxy.outgoing'")
      .all();
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(APPLICANT_ID);

    const request = requests[0]!;
    expect(err(targetClerk('proxy.receive', request))).toBe('FORBIDDEN');
    const received = ok(targetRegion('proxy.receive', request)) as { caseId: string; caseNumber: string; already: boolean };
    expect(received).toMatchObject({ departmentId: 'H3301-d-amr', departmentName: '市场监督管理局', already: false });
    const c = target.store.get('cases', received.caseId)!;
    expect(c).toMatchObject({
      number: received.caseNumber,
      department_id: 'H3301-d-amr',
      status: 'received',
      origin_hall_id: 'H3305',
      origin_hall_name: '丁村便民服务站',
      proxy_id: asked.proxyId,
      agent_name: request.agentName,
      id_masked: '110105********002X',
      counter_id: null,
      // The department's head takes it in.
      first_clerk_id: target.store.get('departments', 'H3301-d-amr')!.head_staff_id,
    });
    // The same request again: the same case, never a second one.
    expect(ok(targetRegion('proxy.receive', request))).toEqual({ ...received, already: true });
    const once = snapshot(target);
    // Another hall claiming the same proxy id is refused; an item the hall does not have is not received.
    expect(targetRegion('proxy.receive', { ...request, originHallId: 'H3399' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'proxy.otherOrigin' },
    });
    expect(targetRegion('proxy.receive', { ...request, proxyId: randomUUID(), itemCode: 'SX-NOPE-001' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'proxy.itemNotHere' },
    });
    expect(snapshot(target)).toBe(once);

    // The region reads the decision and a denial's reasons of proxy cases only: none yet.
    expect(ok(targetRegion('proxy.decision', { caseId: c.id }))).toEqual({ result: null, reason: null });
    expect(targetRegion('proxy.decision', { caseId: 'nothing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'proxy.unknown' },
    });
    expect(err(targetClerk('proxy.decision', { caseId: c.id }))).toBe('FORBIDDEN');

    // 不予受理 is not for a proxy case: it goes back to its point with the reason (proxy.refuse).
    const unrefused = snapshot(target);
    expect(
      targetClerk('case.step', {
        caseId: c.id,
        counterId: 'H3301-c-01',
        at: Date.parse('2026-11-25T01:30:00Z'),
        action: 'refuse',
        reason: '材料不全',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CASE_STATE', reason: 'case.proxySendBack' } });
    expect(snapshot(target)).toBe(unrefused);

    // The department's clerk accepts it as any case.
    ok(targetClerk('case.step', { caseId: c.id, counterId: 'H3301-c-01', at: Date.parse('2026-11-25T01:30:00Z'), action: 'accept' }));
    expect(target.store.get('cases', c.id)).toMatchObject({ status: 'accepted', promised_due: expect.any(String) });
  });

  it('the point is told once where it went and applies only newer steps; the target sends back only unaccepted proxy cases', async () => {
    const { point, target, pointRegion, targetRegion, pointClerk, targetClerk } = await halls();
    ok(pointRegion('regionDoc.apply', { document: catalogDoc, level: 'village' }));
    const asked = register();
    ok(pointClerk('proxy.register', asked));
    const { requests } = ok(pointRegion('proxy.outgoing', {})) as { requests: ProxyRequest[] };
    const { caseId, caseNumber } = ok(targetRegion('proxy.receive', requests[0]!)) as { caseId: string; caseNumber: string };
    const delivered = {
      kind: 'delivered' as const,
      targetHallId: 'H3301',
      targetHallName: '示范市政务服务中心',
      caseId,
      caseNumber,
      itemName: '企业设立登记',
      departmentName: '市场监督管理局',
    };

    expect(err(pointRegion('proxy.routed', { proxyId: randomUUID(), routing: delivered }))).toBe('NOT_FOUND');
    const progress = {
      proxyId: asked.proxyId,
      targetHallId: 'H3301',
      caseId,
      version: 7,
      status: 'accepted' as const,
      paused: null,
      promisedDue: '2026-12-09',
      statutoryDue: '2026-12-16',
      acceptedAt: 1,
      concludedAt: null,
      result: null,
      decisionReason: null,
      refusal: null,
    };
    // No progress before the point knows the case.
    expect(pointRegion('proxy.progress', progress)).toMatchObject({ ok: false, error: { reason: 'proxy.notDelivered' } });
    expect(ok(pointRegion('proxy.routed', { proxyId: asked.proxyId, routing: delivered }))).toEqual({
      status: 'delivered',
      already: false,
    });
    expect(ok(pointRegion('proxy.routed', { proxyId: asked.proxyId, routing: delivered }))).toEqual({ status: 'delivered', already: true });
    expect(ok(pointRegion('proxy.outgoing', {}))).toEqual({ requests: [] });
    const told = snapshot(point);
    expect(pointRegion('proxy.routed', { proxyId: asked.proxyId, routing: { ...delivered, caseId: 'other' } })).toMatchObject({
      ok: false,
      error: { code: 'CASE_STATE', reason: 'proxy.notTravelling' },
    });
    expect(
      err(
        pointRegion('proxy.routed', { proxyId: asked.proxyId, routing: { kind: 'refused', refusal: { reason: 'no_target', text: '' } } }),
      ),
    ).toBe('CASE_STATE');
    expect(err(pointClerk('proxy.routed', { proxyId: asked.proxyId, routing: delivered }))).toBe('FORBIDDEN');
    expect(snapshot(point)).toBe(told);

    expect(ok(pointRegion('proxy.progress', progress))).toEqual({ status: 'delivered', version: 7 });
    const stepped = snapshot(point);
    expect(pointRegion('proxy.progress', progress)).toMatchObject({
      ok: false,
      error: { code: 'CASE_STATE', reason: 'proxy.staleProgress', params: { have: 7, given: 7 } },
    });
    expect(err(pointRegion('proxy.progress', { ...progress, version: 3, status: 'received' }))).toBe('CASE_STATE');
    expect(pointRegion('proxy.progress', { ...progress, version: 9, caseId: 'forged' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'proxy.otherCase' },
    });
    expect(snapshot(point)).toBe(stepped);
    expect(point.store.get('proxy_cases', asked.proxyId)).toMatchObject({
      status: 'delivered',
      target_hall_name: '示范市政务服务中心',
      target_case_number: caseNumber,
      item_name: '企业设立登记',
      target_department_name: '市场监督管理局',
      target_status: 'accepted',
      promised_due: '2026-12-09',
      progress_version: 7,
    });
    // The decision, once told, stays with the later states.
    ok(pointRegion('proxy.progress', { ...progress, version: 8, status: 'approved', result: 'approved' }));
    ok(pointRegion('proxy.progress', { ...progress, version: 12, status: 'concluded', concludedAt: 5, result: null }));
    expect(point.store.get('proxy_cases', asked.proxyId)).toMatchObject({
      target_status: 'concluded',
      result: 'approved',
      concluded_at: 5,
    });

    // At the target: only a proxy case, only before it is accepted, only by its department's clerk.
    const own = newCase({ at: Date.parse('2026-11-25T01:30:00Z') });
    ok(targetClerk('case.register', own));
    const refusal = { counterId: 'H3301-c-01', reason: 'not_competent' as const, text: '应向县级市场监管部门申请' };
    expect(targetClerk('proxy.refuse', { ...refusal, caseId: own.caseId })).toMatchObject({
      ok: false,
      error: { reason: 'proxy.notProxy' },
    });
    expect(err(targetRegion('proxy.refuse', { ...refusal, caseId }))).toBe('FORBIDDEN');
    const beforeRefuse = snapshot(target);
    expect(targetClerk('proxy.refuse', { ...refusal, caseId: 'nothing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot(target)).toBe(beforeRefuse);
    ok(targetClerk('proxy.refuse', { ...refusal, caseId }));
    expect(target.store.get('cases', caseId)).toMatchObject({
      status: 'refused',
      proxy_refusal: 'not_competent',
      proxy_refusal_text: refusal.text,
    });
    expect(targetClerk('proxy.refuse', { ...refusal, caseId })).toMatchObject({ ok: false, error: { reason: 'proxy.refuseFromStatus' } });
  });

  it('a refusal on the way back returns the proxy case with its reason', async () => {
    const { point, pointRegion, pointClerk } = await halls();
    ok(pointRegion('regionDoc.apply', { document: catalogDoc, level: 'village' }));
    const asked = register();
    ok(pointClerk('proxy.register', asked));
    const back = { kind: 'refused' as const, refusal: { reason: 'no_target' as const, text: '' } };
    expect(ok(pointRegion('proxy.routed', { proxyId: asked.proxyId, routing: back }))).toEqual({ status: 'refused', already: false });
    expect(ok(pointRegion('proxy.routed', { proxyId: asked.proxyId, routing: back }))).toEqual({ status: 'refused', already: true });
    expect(point.store.get('proxy_cases', asked.proxyId)).toMatchObject({
      status: 'refused',
      refusal_reason: 'no_target',
      target_case_id: null,
    });
    expect(ok(pointRegion('proxy.outgoing', {}))).toEqual({ requests: [] });
  });
});
