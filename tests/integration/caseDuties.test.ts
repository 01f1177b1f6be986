import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { NoticeDocument } from '../../shared/cases/notices';
import { defaultStepDuties } from '../../shared/cases/settings';
import type { Row } from '../../shared/protocol';
import { err, ok } from '../support/actors';
import { caseHall, counterOf } from '../support/caseHall';
import { signInManager, terminal } from '../support/hub';

/**
 * Separation of duties in cases (issue 12, item 3) and notices kept as issued (item 4). In the demo
 * hall 市场监管's c01 (counter 1) receives and handles, c02 (counter 2) holds the 审核 duty and c03
 * (counter 3) heads the department.
 */

/** Everything a refusal must leave as it was: the cases, their parts, events and notices, the duties and the feed. */
const state = (hub: Awaited<ReturnType<typeof caseHall>>['hub']) =>
  JSON.stringify(
    ['cases', 'case_parts', 'case_events', 'case_notices', 'staff_duties', 'departments'].map((t) =>
      hub.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
    ),
  ) + hub.store.currentSeq;

describe('separation of duties in cases', () => {
  it('a clerk cannot approve their own case, even holding the 批准 duty; 审核 by the handler is refused', async () => {
    const h = await caseHall();
    const { hub, register, step, a, row } = h;
    const c = register();
    ok(step(c.id, 'accept'));
    ok(step(c.id, 'undertake'));
    // The handler gets both duties from the administrator: still not on their own case.
    ok(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: ['reviewer', 'approver'] }));
    [2, 3].forEach(h.at);
    let before = state(hub);
    expect(step(c.id, 'review', {}, 1)).toMatchObject({
      ok: false,
      error: { code: 'CASE_DUTY', message: '承办人不能审核自己经手的办件' },
    });
    // The head holds no 审核 duty.
    expect(step(c.id, 'review', {}, 3)).toMatchObject({
      ok: false,
      error: { code: 'CASE_DUTY', message: expect.stringContaining('审核职责') },
    });
    expect(state(hub)).toBe(before);
    ok(step(c.id, 'review'));
    before = state(hub);
    expect(step(c.id, 'approve', {}, 1)).toMatchObject({
      ok: false,
      error: { code: 'CASE_DUTY', message: '承办人不能批准自己经手的办件' },
    });
    expect(err(step(c.id, 'deny', { reason: '不符合条件' }, 1))).toBe('CASE_DUTY');
    // Without the duty, a clerk of the department may not decide at all.
    ok(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: [] }));
    const other = register();
    ok(step(other.id, 'accept', {}, 2));
    ok(step(other.id, 'undertake', {}, 2));
    ok(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: ['reviewer'] }));
    ok(step(other.id, 'review', {}, 1));
    expect(step(other.id, 'approve', {}, 1)).toMatchObject({
      ok: false,
      error: { code: 'CASE_DUTY', message: '批准须由部门负责人或具有批准职责的人员办理' },
    });
    expect(row(c.id).status).toBe('reviewing');
    ok(step(c.id, 'approve'));
    expect(row(c.id)).toMatchObject({ handler_id: 'H3301-u-1', reviewer_id: 'H3301-u-2', approver_id: 'H3301-u-3' });
  });

  it('where the hall lets a handler decide their own case, supervision flags it', async () => {
    const { hub, register, step, a, ask } = await caseHall();
    ok(a.manager('hall.setCaseSettings', { steps: { ...defaultStepDuties, approve: { by: 'approver', apartFrom: [] } } }));
    ok(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: ['approver'] }));
    const own = register(),
      other = register();
    for (const c of [own, other]) for (const s of ['accept', 'undertake', 'review'] as const) ok(step(c.id, s));
    ok(step(own.id, 'approve', {}, 1));
    ok(step(other.id, 'approve'));
    const rows = (await ask('cases.supervision', {})).rows;
    expect(rows.map((r) => [r.number, r.selfApproved])).toEqual([[own.number, true]]);
    // The refused settings change nothing.
    const before = state(hub);
    expect(
      err(a.manager('hall.setCaseSettings', { steps: { ...defaultStepDuties, review: { by: 'boss', apartFrom: [] } } as never })),
    ).toBe('VALIDATION_FAILED');
    expect(
      err(
        a.manager('hall.setCaseSettings', { steps: { ...defaultStepDuties, review: { by: 'clerk', apartFrom: ['handler', 'handler'] } } }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(state(hub)).toBe(before);
  });

  it('a joint part is decided by a member of its department other than the first clerk, or at the board for it', async () => {
    const h = await caseHall();
    const { hub, clock, a, at } = h;
    // 公安's c06 registers, at a general window's task, a 市场监管 case with parts for 公安 and 人社.
    const c = ok(
      at(6)('case.register', {
        ...h.registration({
          counterId: counterOf(6),
          parts: [
            { departmentId: 'H3301-d-psb', limitDays: 3 },
            { departmentId: 'H3301-d-hrss', limitDays: 3 },
          ],
        }),
      }),
    ).case as Row<'cases'>;
    const part = (d: string) => hub.store.where('case_parts', 'case_id = ? AND department_id = ?', c.id, d)[0]!;
    const decide = (n: number | null, d: string, send = n === null ? a.manager : at(n)) =>
      send('case.decidePart', {
        caseId: c.id,
        counterId: n === null ? null : counterOf(n),
        at: clock(),
        partId: part(d).id,
        outcome: 'approved',
        note: '同意',
      });
    ok(h.step(c.id, 'accept'));
    const before = state(hub);
    expect(decide(1, 'H3301-d-psb')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('公安局') } });
    expect(decide(6, 'H3301-d-psb')).toMatchObject({ ok: false, error: { code: 'CASE_DUTY', message: expect.stringContaining('收件人') } });
    // The board names no counter: it acts as the manager signed in there, not as a clerk at one.
    expect(
      a.manager('case.decidePart', {
        caseId: c.id,
        counterId: counterOf(7),
        at: clock(),
        partId: part('H3301-d-psb').id,
        outcome: 'approved',
        note: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(state(hub)).toBe(before);
    ok(decide(7, 'H3301-d-psb'));
    ok(decide(null, 'H3301-d-hrss'));
    expect(part('H3301-d-psb')).toMatchObject({ outcome: 'approved', decided_by: 'H3301-u-7' });
    expect(part('H3301-d-hrss')).toMatchObject({ outcome: 'approved', decided_by: 'H3301-u-admin' });
    const events = hub.store.where('case_events', "case_id = ? AND action = 'decidePart'", c.id).sort((x, y) => x.at - y.at);
    expect(events.map((e) => [e.staff_id, JSON.parse(e.detail).actingFor])).toEqual(
      expect.arrayContaining([
        ['H3301-u-7', false],
        ['H3301-u-admin', true],
      ]),
    );
  });

  it('the administrator sets duties and heads, within a department, audited; a bad one is refused and changes nothing', async () => {
    const { hub, a } = await caseHall();
    const before = state(hub);
    expect(err(a.manager('staff.setDuties', { staffId: 'H3301-u-admin', duties: ['approver'] }))).toBe('VALIDATION_FAILED'); // no department
    expect(err(a.manager('staff.setDuties', { staffId: 'nobody', duties: ['approver'] }))).toBe('NOT_FOUND');
    expect(err(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: ['approver', 'approver'] }))).toBe('VALIDATION_FAILED');
    expect(err(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: ['boss'] } as never))).toBe('VALIDATION_FAILED');
    expect(err(a.manager('department.setHead', { departmentId: 'H3301-d-amr', staffId: 'H3301-u-6' }))).toBe('VALIDATION_FAILED');
    expect(err(a.manager('department.setHead', { departmentId: 'H3301-d-none', staffId: null }))).toBe('NOT_FOUND');
    expect(state(hub)).toBe(before);
    // A manager (not the administrator) may not.
    signInManager(hub, 'manager');
    expect(err(a.manager('department.setHead', { departmentId: 'H3301-d-amr', staffId: 'H3301-u-1' }))).toBe('FORBIDDEN');
    signInManager(hub);
    expect(ok(a.manager('staff.setDuties', { staffId: 'H3301-u-1', duties: ['approver'] }))).toEqual({
      staffId: 'H3301-u-1',
      duties: ['approver'],
    });
    expect(ok(a.manager('staff.setDuties', { staffId: 'H3301-u-2', duties: [] }))).toEqual({ staffId: 'H3301-u-2', duties: [] });
    ok(a.manager('department.setHead', { departmentId: 'H3301-d-amr', staffId: 'H3301-u-1' }));
    expect(hub.store.get('departments', 'H3301-d-amr')!.head_staff_id).toBe('H3301-u-1');
    expect(hub.store.where('staff_duties', 'staff_id = ?', 'H3301-u-2')).toMatchObject([{ duty: 'reviewer', held: 0 }]);
    const audited = hub.db
      .prepare("SELECT type, staff_id FROM audit WHERE outcome = 'ok' AND type IN ('staff.setDuties', 'department.setHead')")
      .all();
    expect(audited).toEqual([
      { type: 'staff.setDuties', staff_id: 'H3301-u-admin' },
      { type: 'staff.setDuties', staff_id: 'H3301-u-admin' },
      { type: 'department.setHead', staff_id: 'H3301-u-admin' },
    ]);
  });
});

describe('notices kept as issued', () => {
  const doc = (n: Row<'case_notices'>) => NoticeDocument.parse(JSON.parse(n.content));
  const text = (n: Row<'case_notices'>) => JSON.stringify(doc(n));

  it('each is issued once with its number; the 受理通知书 survives an extension; the pause and the extension get their own', async () => {
    const { hub, register, step, row, days, clerk, clock } = await caseHall();
    const notices = (caseId: string) =>
      hub.store.where('case_notices', 'case_id = ?', caseId).sort((x, y) => x.issued_at - y.issued_at || x.seq - y.seq);
    const c = register();
    ok(step(c.id, 'accept'));
    const [accepted] = notices(c.id);
    expect(accepted).toMatchObject({
      kind: 'accept',
      number: 'H3301受〔2026〕1号',
      issued_day: '2026-11-02',
      department_id: 'H3301-d-amr',
      staff_id: 'H3301-u-1',
    });
    expect(doc(accepted!)).toMatchObject({
      title: '受理通知书',
      seal: '市场监督管理局（印章）',
      date: '2026年11月2日',
      receipt: ['申请人（或代理人）签收：', '签收日期：　　　　年　　月　　日'],
    });
    expect(text(accepted!)).toContain('预计于 2026年11月16日 前办结');
    ok(step(c.id, 'undertake'));
    days(1); // Tue 11-03
    ok(clerk('case.pause', { caseId: c.id, counterId: counterOf(1), at: clock(), kind: 'special', reason: '专家评审', expectedDays: 5 }));
    days(6); // Mon 11-09
    ok(clerk('case.resume', { caseId: c.id, counterId: counterOf(1), at: clock() }));
    ok(
      clerk('case.extend', {
        caseId: c.id,
        counterId: counterOf(1),
        days: 5,
        reason: '需现场核查',
        approver: { login: 'manager', password: DEMO_PASSWORD },
      }),
    );
    expect(row(c.id).promised_due).toBe('2026-11-27');
    const [again, special, extension] = notices(c.id);
    // The issued acceptance is as it was: same number, same dates, same text.
    expect(again).toEqual(accepted);
    expect(special).toMatchObject({ kind: 'special', number: 'H3301特〔2026〕1号', issued_day: '2026-11-03' });
    expect(doc(special!)).toMatchObject({ title: '特别程序告知书', date: '2026年11月3日', receipt: null });
    expect(text(special!)).toContain('第四十五条');
    expect(text(special!)).toContain('5 天（自 2026年11月3日 起）');
    expect(extension).toMatchObject({ kind: 'extension', number: 'H3301延〔2026〕1号', issued_day: '2026-11-09' });
    expect(text(extension!)).toContain('第四十二条');
    expect(text(extension!)).toContain('2026年11月27日 前作出决定');
    expect(text(extension!)).toContain('需现场核查');
    // Numbers run per kind: the next acceptance is the second, a 补正 notice the first of its kind.
    const d = register();
    ok(step(d.id, 'requestSupplement', { missing: ['场地证明'] }));
    ok(step(d.id, 'resubmit', { received: ['场地证明'] }));
    ok(step(d.id, 'accept'));
    expect(notices(d.id).map((n) => n.number)).toEqual(['H3301补〔2026〕1号', 'H3301受〔2026〕2号']);
    // The database keeps them as issued.
    expect(() => hub.db.prepare("UPDATE case_notices SET content = '{}'").run()).toThrow(/kept as issued/);
    expect(() => hub.db.prepare('DELETE FROM case_notices').run()).toThrow(/kept as issued/);
  });

  it('a refusal and a conclusion are issued too, and the clerk PCs of the case get them', async () => {
    const { hub, register, step } = await caseHall();
    const refused = register();
    ok(step(refused.id, 'refuse', { reason: '不属于本机关职权范围' }));
    const c = register();
    for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(step(c.id, s));
    ok(step(c.id, 'conclude', { feeCents: 0 }));
    const kinds = hub.store.all('case_notices').map((n) => [n.kind, n.number]);
    expect(kinds.sort()).toEqual([
      ['accept', 'H3301受〔2026〕1号'],
      ['conclude', 'H3301结〔2026〕1号'],
      ['refuse', 'H3301不受〔2026〕1号'],
    ]);
    const refusal = hub.store.where('case_notices', 'case_id = ?', refused.id)[0]!;
    expect(text(refusal)).toContain('不属于本机关职权范围');
    expect(doc(refusal).receipt).not.toBeNull();
    expect(hub.snapshot(terminal(hub, 'clerk', 0).id).tables.case_notices).toHaveLength(3);
    expect(hub.snapshot(terminal(hub, 'clerk', 8).id).tables.case_notices).toEqual([]); // counter 9: 不动产
    expect(hub.snapshot(terminal(hub, 'display').id).tables.case_notices).toBeUndefined();
  });
});
