import { DEFAULT_RULES } from '../../shared/archive/rules';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { createTerminal, DEMO_PASSWORD, type DemoTerminal } from '../../main/hub/seed';
import { commandSpecs, querySpecs, type CommandType } from '../../shared/protocol';
import { TerminalRole } from '../../shared/kernel/roles';
import { callerOf, demoHub, manualClock, onCleanup, opId, terminal } from '../support/hub';

const MIN = 60_000;

describe('sign-in lockout on the hub', () => {
  it('5 wrong passwords lock the account 15 minutes, counted though refused', async () => {
    const clock = manualClock();
    const hub = await demoHub({ clock });
    const clerk = callerOf(terminal(hub, 'clerk', 0));
    const signIn = (password: string) =>
      hub.execute(clerk, { opId: opId(), type: 'counter.signIn', payload: { counterId: 'H3301-c-01', login: 'c01', password } });
    for (let i = 0; i < 4; i++) expect(signIn('wrong')).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(signIn('wrong')).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', message: '密码错误次数过多，账号已锁定，请 15 分钟后再试' },
    });
    clock.advance(14 * MIN);
    expect(signIn(DEMO_PASSWORD)).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', message: '密码错误次数过多，账号已锁定，请 1 分钟后再试' },
    });
    clock.advance(MIN);
    expect(signIn(DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect(hub.db.prepare("SELECT failed_logins, locked_until FROM staff WHERE login = 'c01'").get()).toEqual({
      failed_logins: 0,
      locked_until: null,
    });
  });

  it('the lockout is configurable by a manager', async () => {
    const hub = await demoHub();
    expect(
      hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'hall.setSecuritySettings', payload: { lockoutAttempts: 3 } }),
    ).toMatchObject({ ok: true });
    const clerk = callerOf(terminal(hub, 'clerk', 0));
    const codes = [1, 2, 3].map(
      () =>
        (
          hub.execute(clerk, {
            opId: opId(),
            type: 'counter.signIn',
            payload: { counterId: 'H3301-c-01', login: 'c01', password: 'x' },
          }) as { error: { code: string } }
        ).error.code,
    );
    expect(codes).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'STAFF_LOCKED']);
    expect(
      hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'hall.setSecuritySettings', payload: { lockoutAttempts: 1 } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

/** Payloads valid in shape for every command, so that only the role decides. */
const samples: { [T in CommandType]: unknown } = {
  'counter.signIn': { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD },
  'counter.pause': { counterId: 'H3301-c-01', reason: '会议' },
  'counter.resume': { counterId: 'H3301-c-01' },
  'counter.signOut': { counterId: 'H3301-c-01' },
  'counter.heartbeat': { counterId: 'H3301-c-01' },
  'inquiry.record': { inquiryId: 'inq-1', counterId: 'H3301-c-01', topic: '咨询', detail: '' },
  'inquiry.resolve': { inquiryId: 'inq-1', resolution: '已答复' },
  'ticket.issue': { serviceId: 'H3301-s-A', priority: 'normal', confirm: null },
  'ticket.callNext': { counterId: 'H3301-c-01' },
  'ticket.callSpecific': { counterId: 'H3301-c-01', number: 'A001', reason: '预约' },
  'ticket.recall': { counterId: 'H3301-c-01' },
  'ticket.noShow': { counterId: 'H3301-c-01' },
  'ticket.reinstate': { counterId: 'H3301-c-01', number: 'A001' },
  'ticket.start': { counterId: 'H3301-c-01' },
  'ticket.finish': { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] },
  'ticket.transfer': { counterId: 'H3301-c-01', toServiceId: 'H3301-s-B', toCounterId: null, mode: 'keep' },
  'ticket.park': { counterId: 'H3301-c-01', minutes: 5 },
  'day.close': { reason: '测试：提前日终' },
  'service.update': { serviceId: 'H3301-s-A', queueCap: 40 },
  'hall.setQueueSettings': { recallLimit: 2 },
  'ticket.announced': { outcome: 'spoken', calls: [{ ticketId: 'no-such-ticket', calledAt: 1 }] },
  'hall.setSecuritySettings': { lockoutMinutes: 20 },
  'terminal.create': { role: 'display', name: '二楼叫号屏', counterId: null, zone: '二楼' },
  'terminal.newCode': { terminalId: 'H3301-t-display-1' },
  'terminal.revoke': { terminalId: 'H3301-t-evaluator-1' },
  'audit.verify': {},
  'hall.setNotice': { text: '通知' },
  'case.register': {
    caseId: 'case-1',
    counterId: 'H3301-c-01',
    at: 0,
    ticketId: null,
    itemId: 'H3301-item-001',
    applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13800138000' },
    agentName: null,
    green: false,
    materialsReceived: ['申请书'],
    parts: [],
  },
  'case.step': { caseId: 'case-1', counterId: 'H3301-c-01', at: 0, action: 'accept' },
  'case.pause': { caseId: 'case-1', counterId: 'H3301-c-01', at: 0, kind: 'special', reason: '专家评审', expectedDays: 5 },
  'case.resume': { caseId: 'case-1', counterId: 'H3301-c-01', at: 0 },
  'case.decidePart': { caseId: 'case-1', counterId: 'H3301-c-01', at: 0, partId: 'p1', outcome: 'approved', note: '' },
  'case.extend': {
    caseId: 'case-1',
    counterId: 'H3301-c-01',
    days: 5,
    reason: '需现场核查',
    approver: { login: 'manager', password: DEMO_PASSWORD },
  },
  'case.revealId': { caseId: 'case-1', counterId: null },
  'case.findByIdNumber': { idNumber: '11010519491231002X', scope: 'mine', counterId: null },
  'catalog.import': { fileName: 'a.csv', rows: [['部门']] },
  'catalog.save': {
    itemId: 'H3301-item-001',
    item: {
      code: 'SX-AMR-001',
      name: '企业设立登记',
      departmentId: 'H3301-d-amr',
      kind: 'licensing',
      mode: 'promised',
      statutoryLimit: 15,
      promisedLimit: 10,
      limitUnit: 'working_days',
      feeCents: 0,
      materials: ['申请书'],
      legalBasis: '条例',
      serviceId: 'H3301-s-A',
      active: true,
    },
  },
  'calendar.setYear': { year: 2027, holidays: ['2027-01-01'], workdays: [] },
  'hall.setCaseSettings': { yellowShare: 0.8 },
  'session.signIn': { login: 'manager', password: DEMO_PASSWORD },
  'session.signOut': {},
  'staff.create': { staffId: 'H3301-u-new', login: 'c99', name: '新同事', role: 'clerk', departmentId: null, password: 'a-long-password' },
  'staff.setPassword': { staffId: 'H3301-u-1', password: 'a-long-password' },
  'hall.setIdentity': { name: '示范市政务服务中心', code: 'H3301', utcOffsetMinutes: 480 },
  'zone.save': { zoneId: 'H3301-z-new', name: '三楼', sort: 3 },
  'zone.remove': { zoneId: 'H3301-z-new' },
  'department.save': { departmentId: 'H3301-d-new', name: '新部门', sort: 20 },
  'department.remove': { departmentId: 'H3301-d-new' },
  'service.save': {
    serviceId: 'H3301-s-Q',
    departmentId: 'H3301-d-gen',
    name: '新服务',
    prefix: 'Q',
    sort: 30,
    dailyCap: null,
    maxWaitMin: 30,
    maxServiceMin: 20,
    ticketFrom: '08:30',
    ticketUntil: '16:30',
    priorities: ['normal'],
  },
  'service.remove': { serviceId: 'H3301-s-Q' },
  'counter.save': { counterId: 'H3301-c-30', number: 30, name: '30号窗口', zone: '', profile: 'ordered', serviceIds: ['H3301-s-Z'] },
  'counter.remove': { counterId: 'H3301-c-30' },
  'staff.update': { staffId: 'H3301-u-16', name: '郭婷', role: 'clerk', departmentId: 'H3301-d-hc', displayName: '郭工 016', active: true },
  'rating.submit': { requestId: 'H3301-r-x', level: 5, subScores: {}, reasons: [], comment: '' },
  'rating.decline': { requestId: 'H3301-r-x' },
  'hall.setRatingSettings': { devicePromptSeconds: 90 },
  'rating.review': { ratingId: 'H3301-r-x', decision: 'stands', note: '已核查' },
  'followup.step': { followupId: 'H3301-f-x', step: 'verify', note: '已核实' },
  'followup.callback': { followupId: 'H3301-f-x', day: '2026-11-25', method: 'phone', outcome: '已回访', satisfied: true },
  'followup.appeal': { followupId: 'H3301-f-x', kind: 'mistaken', grounds: '误评' },
  'followup.decideAppeal': { followupId: 'H3301-f-x', upheld: false, note: '维持' },
  'followup.assign': { followupId: 'H3301-f-x', staffId: 'H3301-u-3' },
  'followup.revealPhone': { followupId: 'H3301-f-x' },
  'complaint.record': {
    channel: 'hotline',
    subject: 'department',
    subjectId: 'H3301-d-amr',
    content: '办事等候太久',
    receivedDay: '2026-11-25',
    contact: '13800138000',
  },
  'archive.addEntry': { staffId: 'H3301-u-1', kind: 'training', day: '2026-11-25', item: null, times: 1, note: '业务培训' },
  'archive.contest': { entryId: 'H3301-ae-x', grounds: '当天请假' },
  'archive.decideContest': { entryId: 'H3301-ae-x', upheld: false, note: '维持' },
  'archive.setRules': { rules: DEFAULT_RULES },
  'archive.scoreMonth': { month: '2026-11' },
  'setup.import': { sheet: { hall: null, zones: ['三楼'], departments: [], services: [], counters: [], staff: [] } },
  'staff.setDuties': { staffId: 'H3301-u-1', duties: ['reviewer'] },
  'department.setHead': { departmentId: 'H3301-d-amr', staffId: 'H3301-u-1' },
  'reports.rebuild': {},
  'reports.setPackSettings': { enabled: false, folder: '' },
  'backup.run': {},
  'booking.setTemplate': { serviceId: 'H3301-s-A', lines: [{ weekdays: [1], start: '09:00', end: '09:30', capacity: 5 }] },
  'hall.setBookingSettings': { maxDaysAhead: 4 },
  'booking.checkIn': { code: 'ABCD2345' },
  'booking.checkInById': { idNumber: '110101199001010011' },
  'booking.declareBlackout': { day: '2030-01-02', serviceId: null, reason: '停电检修', affected: 0 },
  'booking.liftBlock': { idNumber: '110101199001010011', reason: '系统故障误记' },
  'booking.liftBlackout': { id: 'h1-bb-0000', reason: '误操作' },
  'booking.sweep': {},
  'regionDoc.apply': {
    document: { kind: 'calendar', version: 1, publishedAt: 0, content: { year: 2027, holidays: ['2027-01-01'], workdays: [] } },
    level: 'county',
  },
  'regionDoc.addOverride': { type: 'extra_holiday', year: 2027, day: '2027-05-06', note: '' },
  'regionDoc.revokeOverride': { id: 'H3301-ro-1' },
  'proxy.register': {
    proxyId: 'px-1',
    counterId: 'H3301-c-01',
    at: 0,
    itemCode: 'SX-AMR-001',
    applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13800138000' },
    materials: ['申请书'],
    note: '',
  },
  'proxy.outgoing': {},
  'proxy.receive': {
    proxyId: 'px-1',
    originHallId: 'H3305',
    originHallName: '某村便民服务站',
    originNumber: 'H3305-P20261125-0001',
    itemCode: 'SX-AMR-001',
    applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13800138000' },
    materials: ['申请书'],
    note: '',
    agentName: '代办员',
    registeredAt: 0,
  },
  'proxy.routed': { proxyId: 'px-1', routing: { kind: 'refused', refusal: { reason: 'no_target', text: '' } } },
  'proxy.progress': {
    proxyId: 'px-1',
    targetHallId: 'H3301',
    caseId: 'case-1',
    version: 1,
    status: 'accepted',
    paused: null,
    promisedDue: null,
    statutoryDue: null,
    acceptedAt: null,
    concludedAt: null,
    result: null,
    refusal: null,
  },
  'proxy.decision': { caseId: 'case-1' },
  'proxy.refuse': { caseId: 'case-1', counterId: 'H3301-c-01', reason: 'other', text: '不属本级' },
};

describe('command × role matrix, enforced at the hub', () => {
  const cells = (Object.keys(commandSpecs) as CommandType[]).flatMap((type) => TerminalRole.options.map((role) => [type, role] as const));
  let hub: Hub | undefined;
  const hubFor = async () => (hub ??= await startShared());
  const startShared = async () => {
    const h = await demoHub();
    // The demo hall has no regional server: one enrolls as it would.
    h.store.transaction(() =>
      createTerminal(h.store, h.hallId, { id: 'H3301-t-region', role: 'region', name: '市级监管', counterId: null }, 0),
    );
    onCleanup(() => void (hub = undefined));
    return h;
  };
  it.each(cells)('%s from a %s terminal', async (type, role) => {
    const h = await hubFor();
    const caller =
      role === 'region' ? { terminalId: 'H3301-t-region', role, counterId: null } : callerOf(terminal(h, role as DemoTerminal['role']));
    const answer = h.execute(caller, { opId: opId(), type, payload: samples[type] });
    const allowed = (commandSpecs[type].roles as readonly string[]).includes(role);
    if (allowed) expect(answer.ok ? 'ok' : answer.error.code, `${type} as ${role}`).not.toBe('FORBIDDEN');
    else expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
  // The review list of flagged ratings says where and whom each is about: the board's managers alone read it.
  const queries = { 'ratings.flagged': { from: '2026-11-25', to: '2026-11-25' } } as const;
  const queryCells = (Object.keys(queries) as (keyof typeof queries)[]).flatMap((name) =>
    TerminalRole.options.map((role) => [name, role] as const),
  );
  it.each(queryCells)('query %s from a %s terminal', async (name, role) => {
    const h = await hubFor();
    const caller =
      role === 'region' ? { terminalId: 'H3301-t-region', role, counterId: null } : callerOf(terminal(h, role as DemoTerminal['role']));
    const answer = await h.query(caller, { name, params: queries[name] });
    if ((querySpecs[name].roles as readonly string[]).includes(role)) expect(answer, `${name} as ${role}`).toMatchObject({ ok: true });
    else expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('staff at manager terminals: sessions and the command × staff-role matrix', () => {
  /** Three manager terminals of one hall: nobody signed in, a manager, the administrator. */
  async function managers() {
    const hub = await demoHub({}, { managerSession: false });
    hub.store.transaction(() => {
      for (const id of ['H3301-t-mgr-a', 'H3301-t-mgr-b'])
        createTerminal(hub.store, hub.hallId, { id, role: 'manager', name: id, counterId: null }, 0);
    });
    const as = (terminalId: string) => (type: string, payload: unknown) =>
      hub.execute({ terminalId, role: 'manager', counterId: null }, { opId: opId(), type, payload });
    const nobody = as('H3301-t-manager-1'),
      manager = as('H3301-t-mgr-a'),
      admin = as('H3301-t-mgr-b');
    expect(manager('session.signIn', { login: 'manager', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(admin('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    return { hub, nobody, manager, admin };
  }
  const managerCommands = (Object.keys(commandSpecs) as CommandType[]).filter(
    (t) => (commandSpecs[t].roles as readonly string[]).includes('manager') && t !== 'session.signIn',
  );
  const cells = managerCommands.flatMap((type) => (['nobody', 'manager', 'admin'] as const).map((who) => [type, who] as const));
  let shared: Awaited<ReturnType<typeof managers>> | undefined;
  it.each(cells)('%s by %s', async (type, who) => {
    shared ??= await managers();
    onCleanup(() => void (shared = undefined));
    const spec: { staffRoles?: readonly string[] } = commandSpecs[type];
    const answer = shared[who](type, samples[type]);
    const code = answer.ok ? 'ok' : answer.error.code;
    if (who === 'nobody') expect(code).toBe('SIGN_IN_REQUIRED');
    else if ((spec.staffRoles ?? ['manager', 'admin']).includes(who))
      expect(code, `${type} by ${who}`).not.toMatch(/^(FORBIDDEN|SIGN_IN_REQUIRED)$/);
    else expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '此操作须由系统管理员执行' } });
  });

  it('a session is bound to its terminal, clerks cannot open one (nor learn their password is right), and signing out ends it', async () => {
    const { hub, manager, nobody } = await managers();
    const q = (terminalId: string) => hub.query({ terminalId, role: 'manager', counterId: null }, { name: 'hall.today', params: {} });
    expect(await q('H3301-t-manager-1')).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(await q('H3301-t-mgr-a')).toMatchObject({ ok: true });
    // A clerk's login at the board answers as a wrong password does, whether it was right or not.
    for (const password of [DEMO_PASSWORD, 'wrong-one'])
      expect(nobody('session.signIn', { login: 'c01', password })).toEqual({
        ok: false,
        error: {
          code: 'BAD_CREDENTIALS',
          message: '登录失败：工号或密码错误',
          reason: 'common.badCredentials',
          params: { what: 'managerSignIn' },
        },
      });
    expect(hub.db.prepare("SELECT failed_logins FROM staff WHERE login = 'c01'").pluck().get()).toBe(0);
    expect(nobody('hall.setNotice', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(manager('session.signOut', {})).toMatchObject({ ok: true });
    expect(manager('hall.setNotice', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(hub.store.get('staff_sessions', 'H3301-t-mgr-a')).toMatchObject({ staff_id: null });
    expect(hub.snapshot(terminal(hub, 'manager').id).tables.staff_sessions).toHaveLength(2);
    expect(hub.snapshot(terminal(hub, 'clerk').id).tables.staff_sessions).toBeUndefined();
  });

  it('the administrator adds staff and resets a password, which lifts a lockout', async () => {
    const clock = manualClock();
    const hub = await demoHub({ clock });
    const admin = (type: string, payload: unknown) => hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type, payload });
    expect(
      admin('staff.create', {
        staffId: 'H3301-u-new',
        login: 'c99',
        name: '新同事',
        role: 'clerk',
        departmentId: 'H3301-d-tax',
        password: 'short',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(
      admin('staff.create', {
        staffId: 'H3301-u-new',
        login: 'c01',
        name: '新同事',
        role: 'clerk',
        departmentId: null,
        password: 'a-long-password',
      }),
    ).toMatchObject({ ok: false, error: { message: '工号 c01 已被使用' } });
    expect(
      admin('staff.create', {
        staffId: 'H3301-u-new',
        login: 'c99',
        name: '新同事',
        role: 'clerk',
        departmentId: 'H3301-d-tax',
        password: 'a-long-password',
      }),
    ).toMatchObject({ ok: true });
    const clerk = callerOf(terminal(hub, 'clerk', 10));
    const signIn = (password: string) =>
      hub.execute(clerk, { opId: opId(), type: 'counter.signIn', payload: { counterId: 'H3301-c-11', login: 'c99', password } });
    for (let i = 0; i < 5; i++) signIn('wrong');
    expect(signIn('a-long-password')).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED' } });
    expect(admin('staff.setPassword', { staffId: 'H3301-u-new', password: 'another-password' })).toMatchObject({ ok: true });
    expect(signIn('another-password')).toMatchObject({ ok: true });
    const detail = hub.db.prepare("SELECT detail FROM audit WHERE type LIKE 'staff.%'").pluck().all().join();
    expect(detail).not.toMatch(/a-long-password|another-password/);
  });
});
