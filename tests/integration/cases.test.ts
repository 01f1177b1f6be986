import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseCatalogSheet } from '../../shared/catalog/sheet';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { Row } from '../../shared/protocol';
import { err, ok } from '../support/actors';
import { C1, caseHall as hall, ID, ITEM } from '../support/caseHall';
import { agentFor, callerOf, demoHub, manualClock, onCleanup, tempDir, terminal, until } from '../support/hub';

describe('case lifecycle at the hub', () => {
  it('收件 → 受理 → 承办 → 审核 → 批准 → 办结 → 送达, each with who and when; numbers by hall, date and day', async () => {
    const { hub, register, step, row, days } = await hall();
    const c = register();
    expect(c).toMatchObject({
      number: 'H3301-20261102-0001',
      status: 'received',
      first_clerk_id: 'H3301-u-1',
      id_masked: '110105********002X',
    });
    expect(register().number).toBe('H3301-20261102-0002');
    ok(step(c.id, 'accept'));
    // Accepted Monday 11-02: promised 10 working days → 11-16; statutory 15 → 11-23; yellow at 8 → 11-12.
    expect(row(c.id)).toMatchObject({
      status: 'accepted',
      accepted_day: '2026-11-02',
      promised_due: '2026-11-16',
      statutory_due: '2026-11-23',
      yellow_from: '2026-11-12',
      calendar_warning: '',
    });
    days(1);
    ok(step(c.id, 'undertake'));
    ok(step(c.id, 'review'));
    ok(step(c.id, 'approve'));
    days(2);
    ok(step(c.id, 'conclude', { feeCents: 0 }));
    expect(row(c.id)).toMatchObject({
      status: 'concluded',
      used_days: 3,
      on_time: 1,
      handler_id: 'H3301-u-1',
      reviewer_id: 'H3301-u-2',
      approver_id: 'H3301-u-3',
    });
    ok(step(c.id, 'deliver'));
    const events = hub.db
      .prepare('SELECT action, staff_id, at FROM case_events WHERE case_id = ? ORDER BY rowid')
      .all(c.id) as Row<'case_events'>[];
    expect(events.map((e) => e.action)).toEqual(['register', 'accept', 'undertake', 'review', 'approve', 'conclude', 'deliver']);
    // Each step records who took it: the reviewer and the department head took theirs.
    expect(events.map((e) => (e.staff_id ?? '').replace('H3301-u-', ''))).toEqual(['1', '1', '1', '2', '3', '1', '1']);
    expect(events.every((e) => e.at > 0)).toBe(true);
    // A new day starts a new sequence.
    expect(register().number).toBe('H3301-20261105-0001');
  });

  it('every refused step says why and changes nothing', async () => {
    const { hub, register, step, clerk, at } = await hall();
    const c = register();
    [2, 3].forEach(at); // the reviewer and the head are signed in before
    const before = JSON.stringify(hub.db.prepare('SELECT * FROM cases').all()) + hub.store.currentSeq;
    for (const action of ['undertake', 'review', 'approve', 'conclude', 'deliver', 'resubmit'] as const) {
      const answer = step(c.id, action, action === 'resubmit' ? { received: ['x'] } : action === 'conclude' ? { feeCents: 0 } : {});
      expect(answer, action).toMatchObject({ ok: false, error: { code: 'CASE_STATE', message: expect.stringContaining('不能') } });
    }
    expect(err(step(c.id, 'refuse', { reason: ' ' }))).toBe('VALIDATION_FAILED'); // 不予受理 needs a reason
    expect(err(step(c.id, 'requestSupplement', { missing: [] }))).toBe('VALIDATION_FAILED'); // and 补正 every missing material
    expect(err(clerk('case.resume', { caseId: c.id, counterId: C1, at: 0 }))).toBe('CASE_STATE');
    expect(err(clerk('case.pause', { caseId: c.id, counterId: C1, at: 0, kind: 'suspend', reason: '等待', expectedDays: null }))).toBe(
      'CASE_STATE',
    );
    expect(err(step('no-such-case', 'accept'))).toBe('NOT_FOUND');
    expect(JSON.stringify(hub.db.prepare('SELECT * FROM cases').all()) + hub.store.currentSeq).toBe(before);
  });

  it('补正告知 lists every missing material at once; 不予受理 keeps its reason', async () => {
    const { register, step, row } = await hall();
    const c = register();
    ok(step(c.id, 'requestSupplement', { missing: ['营业执照副本', '场地证明'] }));
    expect(row(c.id)).toMatchObject({ status: 'supplement', materials_missing: '["营业执照副本","场地证明"]', supplement_count: 1 });
    ok(step(c.id, 'resubmit', { received: ['营业执照副本', '场地证明'] }));
    expect(row(c.id)).toMatchObject({ status: 'received', materials_missing: '[]' });
    expect(JSON.parse(row(c.id).materials_received)).toEqual(['申请书', '身份证明', '营业执照副本', '场地证明']);
    const d = register();
    ok(step(d.id, 'refuse', { reason: '不属于本机关职权范围' }));
    expect(row(d.id)).toMatchObject({ status: 'refused', decision_reason: '不属于本机关职权范围' });
  });

  it('a pause stops the clock and its length is told; an extension needs a manager and moves the due days', async () => {
    const { register, step, row, days, clerk, clock } = await hall();
    const c = register();
    ok(step(c.id, 'accept'));
    ok(step(c.id, 'undertake'));
    days(1); // Tue 11-03
    ok(clerk('case.pause', { caseId: c.id, counterId: C1, at: clock(), kind: 'special', reason: '专家评审', expectedDays: 5 }));
    expect(err(step(c.id, 'review'))).toBe('CASE_STATE');
    days(6); // Mon 11-09: Wed, Thu, Fri, Mon = 4 working days paused
    const resumed = ok(clerk('case.resume', { caseId: c.id, counterId: C1, at: clock() }));
    expect(resumed.pausedDays).toBe(4);
    expect(row(c.id)).toMatchObject({ paused_days: 4, promised_due: '2026-11-20', statutory_due: '2026-11-27', paused_kind: null });

    const extend = (login: string, password: string, days = 5) =>
      clerk('case.extend', { caseId: c.id, counterId: C1, days, reason: '需现场核查', approver: { login, password } });
    // A clerk cannot approve, and the answer does not tell a clerk's login from an unknown one.
    expect(extend('c02', DEMO_PASSWORD)).toEqual(extend('c02', 'wrong'));
    expect(err(extend('c02', DEMO_PASSWORD))).toBe('BAD_CREDENTIALS');
    expect(err(extend('manager', 'wrong'))).toBe('BAD_CREDENTIALS');
    expect(err(extend('manager', DEMO_PASSWORD, 11))).toBe('CASE_STATE');
    ok(extend('manager', DEMO_PASSWORD));
    expect(row(c.id)).toMatchObject({
      extension_days: 5,
      extension_approver_id: 'H3301-u-mgr',
      promised_due: '2026-11-27',
      statutory_due: '2026-12-04',
    });
    expect(err(extend('manager', DEMO_PASSWORD, 2))).toBe('CASE_STATE'); // one extension only
  });

  it('joint approval: parts in parallel with their own due days; the whole on time only if every part is', async () => {
    const { hub, register, step, row, days, clerk, clock, a } = await hall();
    // Each part is decided by its own department's clerk: 公安 at counter 6, 人社 at counter 4.
    const parts = [
      { departmentId: 'H3301-d-psb', limitDays: 3 },
      { departmentId: 'H3301-d-hrss', limitDays: 5 },
    ];
    const police = a.clerk(5),
      social = a.clerk(3);
    ok(police('counter.signIn', { counterId: 'H3301-c-06', login: 'c06', password: DEMO_PASSWORD }));
    ok(social('counter.signIn', { counterId: 'H3301-c-04', login: 'c04', password: DEMO_PASSWORD }));
    const c = register({ parts });
    expect(
      err(
        clerk('case.register', {
          caseId: randomUUID(),
          counterId: C1,
          at: clock(),
          ticketId: null,
          itemId: ITEM,
          applicant: {
            type: 'enterprise',
            name: '示范科技有限公司',
            idNumber: null,
            creditCode: '91350100M000100Y43',
            phone: '057187654321',
          },
          agentName: '代办员 周敏',
          green: true,
          materialsReceived: ['申请书'],
          parts: [{ departmentId: 'H3301-d-amr', limitDays: 3 }],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    ok(step(c.id, 'accept'));
    const partRows = () => hub.store.where('case_parts', 'case_id = ?', c.id).sort((x, y) => x.limit_days - y.limit_days);
    expect(partRows().map((p) => p.due_day)).toEqual(['2026-11-05', '2026-11-09']);
    ok(step(c.id, 'undertake'));
    ok(step(c.id, 'review'));
    expect(err(step(c.id, 'approve'))).toBe('CASE_STATE');
    days(2); // Wed 11-04: the 3-day part in time
    const decide = (send: typeof clerk, counterId: string, part: number, outcome: 'approved' | 'denied', note = '') =>
      send('case.decidePart', { caseId: c.id, counterId, at: clock(), partId: partRows()[part]!.id, outcome, note });
    ok(decide(police, 'H3301-c-06', 0, 'approved', '同意'));
    days(6); // Tue 11-10: the 5-day part one day late
    ok(decide(social, 'H3301-c-04', 1, 'approved'));
    expect(err(decide(social, 'H3301-c-04', 1, 'denied'))).toBe('CASE_STATE');
    ok(step(c.id, 'approve'));
    ok(step(c.id, 'conclude', { feeCents: 0 }));
    // The whole is well inside its 10 days, but one part was late: not on time.
    expect(row(c.id)).toMatchObject({ on_time: 0, promised_due: '2026-11-16' });
  });

  it('the ID number stays on the hub: masked in rows, feed and audit; revealing it is audited and never stored', async () => {
    const { hub, register, a } = await hall();
    const c = register();
    const feed = hub.db.prepare('SELECT data FROM feed').all() as { data: string }[];
    const audit = hub.db.prepare('SELECT detail FROM audit').all() as { detail: string }[];
    const ops = hub.db.prepare('SELECT answer FROM applied_ops').all() as { answer: string }[];
    const whole = (rows: { [k: string]: string }[]) => rows.some((r) => Object.values(r).some((v) => v.includes(ID)));
    expect(whole(feed) || whole(audit) || whole(ops)).toBe(false);
    expect(audit.some((r) => r.detail.includes('110105********002X'))).toBe(true);
    expect(hub.snapshot(terminal(hub, 'clerk').id).tables.cases?.[0]).toMatchObject({ id_masked: '110105********002X' });
    expect(JSON.stringify(hub.snapshot(terminal(hub, 'clerk').id))).not.toContain(ID);
    expect(hub.snapshot(terminal(hub, 'display').id).tables.cases).toBeUndefined();

    expect(ok(a.clerk(0)('case.revealId', { caseId: c.id, counterId: C1 }))).toEqual({ idNumber: ID });
    expect(err(a.kiosk('case.revealId', { caseId: c.id, counterId: null }))).toBe('FORBIDDEN');
    const reveal = hub.db.prepare("SELECT staff_id, terminal_id, detail FROM audit WHERE type = 'case.revealId' AND outcome = 'ok'").all();
    expect(reveal).toEqual([
      { staff_id: 'H3301-u-1', terminal_id: 'H3301-t-clerk-1', detail: JSON.stringify({ caseId: c.id, counterId: C1 }) },
    ]);
    expect(whole(hub.db.prepare('SELECT answer FROM applied_ops').all() as { answer: string }[])).toBe(false);
  });
});

describe('deadlines over time: supervision, calendar years, report', () => {
  it('a case turns yellow, then red, as the clock moves; the list groups by department and handler', async () => {
    const { hub, register, step, days } = await hall();
    const c = register();
    ok(step(c.id, 'accept'));
    ok(step(c.id, 'undertake'));
    const supervise = async () => {
      const r = await hub.query(callerOf(terminal(hub, 'manager')), { name: 'cases.supervision', params: {} });
      if (!r.ok) throw new Error(r.error.message);
      return r.result as {
        today: string;
        rows: { number: string; signal: string; daysLeft: number; handlerName: string; departmentName: string }[];
        departments: { name: string; running: number; yellow: number; red: number }[];
      };
    };
    expect((await supervise()).rows).toEqual([]);
    days(10); // Thu 11-12: 8 of 10 working days used
    expect((await supervise()).rows).toMatchObject([
      { number: c.number, signal: 'yellow', daysLeft: 2, handlerName: '王晓明', departmentName: '市场监督管理局' },
    ]);
    expect(await hub.query(callerOf(terminal(hub, 'manager')), { name: 'hall.today', params: {} })).toMatchObject({
      ok: true,
      result: { cases: { yellow: 1, red: 0 } },
    });
    days(4); // Mon 11-16: the last day
    expect((await supervise()).rows).toMatchObject([{ signal: 'yellow', daysLeft: 0 }]);
    days(1); // Tue 11-17: overdue
    expect((await supervise()).rows).toMatchObject([{ signal: 'red', daysLeft: -1 }]);
    expect((await supervise()).departments.find((d) => d.name === '市场监督管理局')).toMatchObject({ running: 1, yellow: 0, red: 1 });
    expect(await hub.query(callerOf(terminal(hub, 'manager')), { name: 'hall.today', params: {} })).toMatchObject({
      ok: true,
      result: { day: '2026-11-17', cases: { running: 1, yellow: 0, red: 1 } },
    });
    expect(await hub.query(callerOf(terminal(hub, 'clerk')), { name: 'cases.supervision', params: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a due day in a year without a schedule warns, until the administrator enters that year', async () => {
    const { hub, register, step, row, a } = await hall('2026-12-21T01:00:00Z');
    const c = register();
    ok(step(c.id, 'accept'));
    expect(row(c.id)).toMatchObject({ promised_due: '2027-01-04', calendar_warning: '2027' });
    const sup = await hub.query(callerOf(terminal(hub, 'manager')), { name: 'cases.supervision', params: {} });
    expect(sup).toMatchObject({ ok: true, result: { missingYears: [{ year: 2027, cases: 1 }] } });
    expect(err(a.manager('calendar.setYear', { year: 2027, holidays: ['2026-12-31'], workdays: [] }))).toBe('VALIDATION_FAILED');
    const answer = ok(a.manager('calendar.setYear', { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }));
    expect(answer.recomputed).toBe(1);
    // 2027-01-01 was counted as a working day; now it is known to be a holiday.
    expect(row(c.id)).toMatchObject({ promised_due: '2027-01-05', calendar_warning: '' });
    // A hall duty day on a Saturday counts: the due day moves a day earlier.
    ok(a.manager('hall.setCaseSettings', { dutyDays: ['2026-12-26'] }));
    expect(row(c.id).promised_due).toBe('2027-01-04');
  });

  it('the time-limit report: 23 → 13.4 working days (42%) over the demo catalog, and the actual days', async () => {
    const { hub, register, step, days } = await hall();
    for (let i = 0; i < 2; i++) {
      const c = register();
      for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(step(c.id, s));
      days(i === 0 ? 3 : 0);
      ok(step(c.id, 'conclude', { feeCents: 0 }));
    }
    const r = await hub.query(callerOf(terminal(hub, 'manager')), {
      name: 'cases.report',
      params: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(r).toMatchObject({
      ok: true,
      result: {
        catalog: { items: 60, avgStatutory: 23, avgPromised: 13.4, compressionPct: 42 },
        concluded: { cases: 2, avgUsedDays: 1.5, avgPromised: 10, avgStatutory: 15, onTimePct: 100 },
      },
    });
    // Today (11-05): the second case was received, accepted and concluded; the first concluded.
    expect(await hub.query(callerOf(terminal(hub, 'manager')), { name: 'hall.today', params: {} })).toMatchObject({
      ok: true,
      result: { day: '2026-11-05', cases: { received: 1, accepted: 1, concluded: 2, running: 0 } },
    });
  });
});

describe('catalog', () => {
  const header = [
    '部门',
    '事项编码',
    '事项名称',
    '事项类型',
    '办件类型',
    '法定时限',
    '承诺时限',
    '时限单位',
    '收费标准',
    '申请材料',
    '设定依据',
    '叫号业务',
  ];
  it('imports a good sheet in one go and refuses a bad one whole, listing every bad row', async () => {
    const { hub, a } = await hall();
    const good = [
      header,
      [
        '税务局',
        'SX-TAX-900',
        '发票领用',
        '非许可',
        '承诺件',
        '20',
        '5',
        '工作日',
        '不收费',
        '申请书；经办人身份证',
        '《发票管理办法》',
        'H',
      ],
      ['税务局', 'SX-AMR-001', '企业设立登记（新）', '许可', '承诺件', '15', '5', '', '0', '申请书', '条例', ''],
    ];
    expect(ok(a.manager('catalog.import', { fileName: 'good.csv', rows: good }))).toEqual({ created: 1, updated: 1 });
    expect(hub.store.get('catalog_items', 'H3301-item-001')).toMatchObject({
      name: '企业设立登记（新）',
      promised_limit: 5,
      department_id: 'H3301-d-tax',
      service_id: null,
    });
    const count = () => (hub.db.prepare('SELECT count(*) AS n FROM catalog_items').get() as { n: number }).n;
    const before = count();
    const bad = [
      header,
      ['税务局', 'SX-TAX-901', '好事项', '许可', '承诺件', '20', '10', '工作日', '0', '申请书', '依据', ''],
      ['不存在局', 'SX-TAX-902', '', '审批', '承诺件', '20', '30', '工作日', '免', '申请书', '依据', 'Q'],
      ['税务局', 'SX-TAX-901', '重复', '许可', '即办件', '20', '3', '周', '5.123', '', '依据', ''],
    ];
    const answer = a.manager('catalog.import', { fileName: 'bad.csv', rows: bad });
    expect(answer).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    // The hub checks the file as the page does (every problem is in the unit test) and says how many, and where the first is.
    const expected = parseCatalogSheet(bad, {
      departmentByName: new Map(hub.store.all('departments').map((d) => [d.name, d.id])),
      serviceByKey: new Map(),
    });
    expect(answer).toMatchObject({
      error: { reason: 'sheet.file', params: { n: expected.problems.length, first: '第 3 行 部门：未知部门“不存在局”' } },
    });
    expect(expected.problems.map((p) => `${p.row} ${p.column}`)).toEqual(
      expect.arrayContaining(['3 部门', '3 事项类型', '3 收费标准', '3 叫号业务', '4 事项编码', '4 时限单位', '4 收费标准']),
    );
    expect(expected.problems.some((p) => p.row === 2)).toBe(false);
    expect(count()).toBe(before);
    expect(err(a.manager('catalog.import', { fileName: 'x.csv', rows: [['部门', '事项名称']] }))).toBe('IMPORT_INVALID');
  });

  it('a manager edits an item; codes stay unique', async () => {
    const { hub, a } = await hall();
    const item = hub.store.get('catalog_items', 'H3301-item-002')!;
    const input = {
      code: item.code,
      name: '企业变更登记',
      departmentId: item.department_id,
      kind: 'licensing' as const,
      mode: 'promised' as const,
      statutoryLimit: 15,
      promisedLimit: 3,
      limitUnit: 'working_days' as const,
      feeCents: 0,
      materials: ['申请书'],
      legalBasis: '条例',
      serviceId: null,
      active: true,
    };
    ok(a.manager('catalog.save', { itemId: item.id, item: input }));
    expect(hub.store.get('catalog_items', item.id)).toMatchObject({ promised_limit: 3 });
    expect(err(a.manager('catalog.save', { itemId: item.id, item: { ...input, code: 'SX-AMR-001' } }))).toBe('CATALOG_CONFLICT');
    expect(err(a.manager('catalog.save', { itemId: item.id, item: { ...input, promisedLimit: 16 } }))).toBe('VALIDATION_FAILED');
    expect(err(a.manager('catalog.save', { itemId: item.id, item: { ...input, mode: 'instant' } }))).toBe('VALIDATION_FAILED');
  });
});

describe('offline case work', () => {
  it('waits in the outbox across a terminal restart and is applied exactly once, with the time it was done', async () => {
    const hubDir = tempDir();
    const clock = manualClock(Date.parse('2026-11-02T01:00:00Z'));
    let hub = await demoHub({ dataDir: hubDir, clock });
    const port = hub.port;
    const t = terminal(hub, 'clerk', 0);
    const tokens = hub.demoTerminals;
    const agentDir = tempDir('agent-');
    let agent = agentFor(hub, t, { dataDir: agentDir });
    await until(() => agent.connection.status === 'connected', 'connected');
    expect(await agent.command('counter.signIn', { counterId: C1, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    await hub.close();
    await until(() => agent.connection.status === 'reconnecting', 'sees hub gone');

    const caseId = randomUUID();
    const doneAt = clock();
    const queued = [
      await agent.command('case.register', {
        caseId,
        counterId: C1,
        at: doneAt,
        ticketId: null,
        itemId: ITEM,
        applicant: { type: 'person', name: '李四', idNumber: ID, creditCode: null, phone: '13800138000' },
        agentName: '全程代办员',
        green: true,
        materialsReceived: ['申请书'],
        parts: [],
      }),
      await agent.command('case.step', { caseId, counterId: C1, at: doneAt + 60_000, action: 'accept' }),
      await agent.command('case.step', { caseId, counterId: C1, at: doneAt + 120_000, action: 'undertake' }),
    ];
    // Work the hub will refuse (the item no longer exists): kept on the terminal, redacted.
    queued.push(
      await agent.command('case.register', {
        caseId: randomUUID(),
        counterId: C1,
        at: doneAt,
        ticketId: null,
        itemId: 'no-such-item',
        applicant: { type: 'person', name: '王五', idNumber: ID, creditCode: null, phone: '13800138000' },
        agentName: null,
        green: false,
        materialsReceived: [],
        parts: [],
      }),
    );
    expect(queued.every((q) => q.ok === 'queued')).toBe(true);
    expect(await agent.command('case.revealId', { caseId, counterId: C1 })).toMatchObject({
      ok: false,
      error: { code: 'HUB_UNREACHABLE' },
    });
    expect(agent.connection.pending).toBe(4);
    await agent.close();

    clock.advance(3 * 3_600_000); // back three hours later
    hub = await startHub({ dataDir: hubDir, port, demo: true, clock });
    onCleanup(() => hub.close());
    agent = agentFor(
      hub,
      tokens.find((x) => x.id === t.id)!,
      { dataDir: agentDir },
    );
    await until(() => agent.connection.status === 'connected' && agent.connection.pending === 0, 'outbox drained');
    expect(agent.outbox.rejected()).toMatchObject([{ type: 'case.register', error: { code: 'NOT_FOUND' } }]);
    const kept = new Database(path.join(agentDir, 'replica.db'), { readonly: true });
    onCleanup(() => void kept.close());
    expect(kept.prepare('SELECT payload FROM outbox_rejected').pluck().get()).toContain('110105********002X');
    expect(kept.prepare('SELECT payload FROM outbox_rejected').pluck().get()).not.toContain(ID);
    const c = hub.store.get('cases', caseId)!;
    expect(c).toMatchObject({
      status: 'handling',
      received_at: doneAt,
      accepted_at: doneAt + 60_000,
      agent_name: '全程代办员',
      green: 1,
      first_clerk_id: 'H3301-u-1',
    });
    expect((hub.db.prepare("SELECT count(*) AS n FROM audit WHERE type LIKE 'case.%' AND outcome = 'ok'").get() as { n: number }).n).toBe(
      3,
    );
    expect(hub.store.where('case_events', 'case_id = ?', caseId)).toHaveLength(3);
    await until(() => agent.replica.row('cases', caseId)?.status === 'handling', 'the replica has it');
  });
});
