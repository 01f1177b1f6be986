import { describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../main/hub/hub';
import { addStaff } from '../../main/hub/features/setup/apply';
import { hashPassword } from '../../main/kernel/credentials';
import { createTerminal, demoSheet } from '../../main/hub/seed';
import type { Caller } from '../../main/hub/commands/context';
import type { Answer, CommandPayload, CommandType } from '../../shared/protocol';
import type { HallSetupSheet } from '../../shared/setup/sheet';
import { actors, err, ok } from '../support/actors';
import { demoHub, manualClock, onCleanup, opId, signInManager, tempDir } from '../support/hub';

/** 09:00 in Beijing on a working day. */
const NINE = Date.parse('2026-11-25T01:00:00Z');

const service = (over: Partial<CommandPayload<'service.save'>> = {}): CommandPayload<'service.save'> => ({
  serviceId: 'H3301-s-Q',
  departmentId: 'H3301-d-gen',
  name: '新服务',
  prefix: 'Q',
  sort: 30,
  dailyCap: null,
  maxWaitMin: 30,
  maxServiceMin: 20,
  ticketFrom: null,
  ticketUntil: null,
  priorities: ['normal', 'green', 'major', 'appointment'],
  ...over,
});

/** Runs `send` and checks that a refusal left the hall exactly as it was. */
function refusedUnchanged(hub: Hub, send: () => ReturnType<ReturnType<typeof actors>['manager']>): string {
  const seq = hub.store.currentSeq;
  const code = err(send());
  expect(hub.store.currentSeq).toBe(seq);
  return code;
}

describe('hall setup from the product', () => {
  it('a new hall, from an empty data dir, is set up by commands until a ticket is issued, called and finished', async () => {
    const clock = manualClock(NINE);
    const hub = await startHub({ dataDir: tempDir(), port: 0, clock, log: () => {} });
    onCleanup(() => hub.close());
    const h = hub.hallId;
    const managerToken = hub.store.transaction(() => {
      addStaff(
        { store: hub.store, hallId: h, now: clock() },
        { id: 'u-admin', login: 'boss', name: '张主任', role: 'admin', departmentId: null },
        hashPassword('a-good-password'),
      );
      return createTerminal(hub.store, h, { id: 't-mgr', role: 'manager', name: '管理电脑', counterId: null }, clock());
    }).result;
    expect(managerToken).toBeTruthy();
    const as =
      (caller: Caller) =>
      <T extends CommandType>(type: T, payload: CommandPayload<T>) =>
        hub.execute(caller, { opId: opId(), type, payload }) as Answer;
    const manager = as({ terminalId: 't-mgr', role: 'manager', counterId: null });
    // Before: a hall with nothing to issue.
    expect(hub.store.all('services')).toEqual([]);
    ok(manager('session.signIn', { login: 'boss', password: 'a-good-password' }));
    ok(manager('hall.setIdentity', { name: '城东政务服务中心', code: 'CD01', utcOffsetMinutes: 480 }));
    ok(manager('zone.save', { zoneId: 'z1', name: '一楼', sort: 0 }));
    ok(manager('department.save', { departmentId: 'd1', name: '社保局', sort: 0 }));
    ok(manager('service.save', { ...service(), serviceId: 's1', departmentId: 'd1', name: '社保登记', prefix: 'A', sort: 0 }));
    ok(manager('service.save', { ...service(), serviceId: 's2', departmentId: 'd1', name: '社保咨询', prefix: 'B', sort: 1 }));
    for (const n of [1, 2, 3])
      ok(
        manager('counter.save', {
          counterId: `c${n}`,
          number: n,
          name: `${n}号窗口`,
          zone: '一楼',
          profile: 'ordered',
          serviceIds: ['s1', 's2'],
        }),
      );
    ok(
      manager('staff.create', { staffId: 'u1', login: 'c01', name: '王芳', role: 'clerk', departmentId: 'd1', password: 'clerk-password' }),
    );
    const kiosk = ok(manager('terminal.create', { role: 'kiosk', name: '取号机', counterId: null, zone: '' })) as {
      terminal: { id: string };
    };
    const desk = ok(manager('terminal.create', { role: 'clerk', name: '1号窗口电脑', counterId: 'c1', zone: '' })) as {
      terminal: { id: string };
    };
    expect(hub.store.get('halls', h)).toMatchObject({ name: '城东政务服务中心', code: 'CD01' });
    expect(hub.store.get('staff_cards', 'u1')).toMatchObject({ display_name: '王芳', staff_no: '', photo: null }); // a public 工号 only when given

    const issued = ok(
      as({ terminalId: kiosk.terminal.id, role: 'kiosk', counterId: null })('ticket.issue', {
        serviceId: 's1',
        priority: 'normal',
        confirm: null,
      }),
    );
    expect(issued).toMatchObject({ ticket: { number: 'A001' } });
    const clerk = as({ terminalId: desk.terminal.id, role: 'clerk', counterId: 'c1' });
    ok(clerk('counter.signIn', { counterId: 'c1', login: 'c01', password: 'clerk-password' }));
    expect(ok(clerk('ticket.callNext', { counterId: 'c1' }))).toMatchObject({ ticket: { number: 'A001', status: 'called' } });
    ok(clerk('ticket.start', { counterId: 'c1' }));
    expect(ok(clerk('ticket.finish', { counterId: 'c1', handledServiceIds: ['s1'] }))).toMatchObject({ ticket: { status: 'finished' } });
    // Every setup change is in the audit chain, as the person who made it.
    const audited = hub.store.db
      .prepare("SELECT type, staff_id FROM audit WHERE type IN ('zone.save','service.save','counter.save') ORDER BY id")
      .all();
    expect(audited).toHaveLength(6);
    expect(audited.every((a) => (a as { staff_id: string }).staff_id === 'u-admin')).toBe(true);
    expect(hub.verifyAudit().ok).toBe(true);
  });

  it('refuses, with the reason and changing nothing, what would break running work or history', async () => {
    const hub = await demoHub({ clock: manualClock(NINE) });
    const { manager, kiosk, clerk } = actors(hub);
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    // Duplicates.
    expect(refusedUnchanged(hub, () => manager('service.save', service({ prefix: 'A' })))).toBe('SETUP_CONFLICT');
    expect(refusedUnchanged(hub, () => manager('department.save', { departmentId: 'x', name: '税务局', sort: 0 }))).toBe('SETUP_CONFLICT');
    expect(refusedUnchanged(hub, () => manager('zone.save', { zoneId: 'x', name: '一楼', sort: 0 }))).toBe('SETUP_CONFLICT');
    expect(
      refusedUnchanged(hub, () =>
        manager('counter.save', { counterId: 'x', number: 1, name: '一', zone: '', profile: 'ordered', serviceIds: ['H3301-s-A'] }),
      ),
    ).toBe('SETUP_CONFLICT');
    // What people are waiting for, and what has history.
    const a = hub.store.get('services', 'H3301-s-A')!;
    expect(
      refusedUnchanged(hub, () =>
        manager('service.save', service({ serviceId: a.id, departmentId: a.department_id, name: a.name, prefix: 'AA' })),
      ),
    ).toBe('SETUP_IN_USE');
    expect(refusedUnchanged(hub, () => manager('service.remove', { serviceId: 'H3301-s-A' }))).toBe('SETUP_IN_USE');
    expect(refusedUnchanged(hub, () => manager('department.remove', { departmentId: 'H3301-d-amr' }))).toBe('SETUP_IN_USE');
    expect(refusedUnchanged(hub, () => manager('zone.remove', { zoneId: hub.store.all('zones')[0]!.id }))).toBe('SETUP_IN_USE');
    expect(refusedUnchanged(hub, () => manager('hall.setIdentity', { name: '示范', code: 'H3301', utcOffsetMinutes: 420 }))).toBe(
      'SETUP_IN_USE',
    );
    // A signed-in clerk keeps their standing until they sign out; the hall keeps an administrator.
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const c01 = {
      staffId: 'H3301-u-1',
      name: '王晓明',
      role: 'clerk',
      departmentId: 'H3301-d-amr',
      displayName: '王工 001',
      active: false,
    } as const;
    expect(refusedUnchanged(hub, () => manager('staff.update', c01))).toBe('SETUP_IN_USE');
    expect(refusedUnchanged(hub, () => manager('counter.remove', { counterId: 'H3301-c-01' }))).toBe('SETUP_IN_USE');
    const admin = {
      staffId: 'H3301-u-admin',
      name: '系统管理员',
      role: 'admin',
      departmentId: null,
      displayName: '管理员',
      active: false,
    } as const;
    expect(refusedUnchanged(hub, () => manager('staff.update', admin))).toBe('SETUP_IN_USE');
    expect(refusedUnchanged(hub, () => manager('staff.update', { ...admin, active: true, role: 'manager' }))).toBe('SETUP_IN_USE');
    // Unknown references.
    expect(refusedUnchanged(hub, () => manager('service.save', service({ departmentId: 'nope' })))).toBe('NOT_FOUND');
    expect(
      refusedUnchanged(hub, () =>
        manager('counter.save', { counterId: 'x', number: 40, name: '四十', zone: '三楼', profile: 'ordered', serviceIds: ['H3301-s-A'] }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      refusedUnchanged(hub, () => manager('terminal.create', { role: 'display', name: '三楼屏', counterId: null, zone: '三楼' })),
    ).toBe('NOT_FOUND');
    // Bad shapes.
    expect(refusedUnchanged(hub, () => manager('service.save', service({ ticketFrom: '17:00', ticketUntil: '08:30' })))).toBe(
      'VALIDATION_FAILED',
    );
    expect(refusedUnchanged(hub, () => manager('service.save', service({ priorities: [] })))).toBe('VALIDATION_FAILED');
    expect(refusedUnchanged(hub, () => manager('staff.update', { ...c01, active: true, photo: 'data:text/html;base64,PHA+' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('what never served can be removed; a counter change reaches the links, a zone rename its counters', async () => {
    const hub = await demoHub({ clock: manualClock(NINE) });
    const { manager } = actors(hub);
    ok(manager('department.save', { departmentId: 'dX', name: '人防办', sort: 20 }));
    ok(manager('service.save', service({ departmentId: 'dX' })));
    ok(manager('zone.save', { zoneId: 'z3', name: '三楼', sort: 3 }));
    ok(
      manager('counter.save', {
        counterId: 'c30',
        number: 30,
        name: '30号窗口',
        zone: '三楼',
        profile: 'ordered',
        serviceIds: ['H3301-s-Q', 'H3301-s-Z'],
      }),
    );
    ok(
      manager('counter.save', {
        counterId: 'c30',
        number: 30,
        name: '30号窗口',
        zone: '三楼',
        profile: 'ordered',
        serviceIds: ['H3301-s-Z', 'H3301-s-Q'],
      }),
    );
    const links = () =>
      hub.store
        .where('counter_services', 'counter_id = ?', 'c30')
        .map((l) => [l.service_id, l.position])
        .sort();
    expect(links()).toEqual([
      ['H3301-s-Q', 1],
      ['H3301-s-Z', 0],
    ]);
    ok(manager('zone.save', { zoneId: 'z3', name: '三层', sort: 3 }));
    expect(hub.store.get('counters', 'c30')).toMatchObject({ zone: '三层' });
    // The sole service of a counter goes only once the counter has another.
    ok(
      manager('counter.save', {
        counterId: 'c30',
        number: 30,
        name: '30号窗口',
        zone: '三层',
        profile: 'ordered',
        serviceIds: ['H3301-s-Q'],
      }),
    );
    expect(err(manager('service.remove', { serviceId: 'H3301-s-Q' }))).toBe('SETUP_IN_USE');
    ok(manager('counter.remove', { counterId: 'c30' }));
    ok(manager('service.remove', { serviceId: 'H3301-s-Q' }));
    ok(manager('department.remove', { departmentId: 'dX' }));
    ok(manager('zone.remove', { zoneId: 'z3' }));
    expect([hub.store.get('counters', 'c30'), hub.store.get('services', 'H3301-s-Q'), hub.store.get('zones', 'z3')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(hub.store.where('counter_services', 'counter_id = ?', 'c30')).toEqual([]);
    // Replicas hear of the deletions.
    const deletes = hub.store.db.prepare("SELECT tbl, row_id FROM feed WHERE op = 'delete' ORDER BY seq").all();
    expect(deletes).toEqual(
      expect.arrayContaining([
        { tbl: 'counters', row_id: 'c30' },
        { tbl: 'services', row_id: 'H3301-s-Q' },
        { tbl: 'zones', row_id: 'z3' },
      ]),
    );
    expect(hub.verifyAudit().ok).toBe(true);
  });

  it('a disabled person signs in nowhere, answered as an unknown login, and their name stays in history', async () => {
    const clock = manualClock(NINE);
    const hub = await demoHub({ clock });
    const { manager, clerk } = actors(hub);
    const c02 = { staffId: 'H3301-u-2', name: '李红梅', role: 'clerk', departmentId: 'H3301-d-amr', displayName: '李工 002' } as const;
    ok(manager('staff.update', { ...c02, active: false }));
    expect(hub.store.get('staff', 'H3301-u-2')).toMatchObject({ name: '李红梅', disabled_at: NINE });
    const signIn = () => clerk(1)('counter.signIn', { counterId: 'H3301-c-02', login: 'c02', password: 'demo1234' });
    const unknown = clerk(1)('counter.signIn', { counterId: 'H3301-c-02', login: 'nobody', password: 'demo1234' });
    const refused = signIn();
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(!refused.ok && !unknown.ok && refused.error.message).toBe(!unknown.ok && unknown.error.message);
    ok(manager('staff.update', { ...c02, active: true }));
    expect(signIn()).toMatchObject({ ok: true });
    // A disabled manager's board session ends at once.
    ok(
      manager('staff.update', {
        staffId: 'H3301-u-mgr',
        name: '林主任',
        role: 'manager',
        departmentId: null,
        displayName: '林主任',
        active: true,
      }),
    );
    signInManager(hub, 'manager');
    ok(actors(hub).manager('hall.setNotice', { text: '通知' }));
    signInManager(hub, 'admin');
    ok(
      manager('staff.update', {
        staffId: 'H3301-u-mgr',
        name: '林主任',
        role: 'manager',
        departmentId: null,
        displayName: '林主任',
        active: false,
      }),
    );
    expect(() => signInManager(hub, 'manager')).toThrow(/工号或密码错误/);
    // A clerk's card takes a photo; a clerk who becomes a manager has no card (managers serve at no counter).
    const photo = `data:image/jpeg;base64,${Buffer.from('jpeg').toString('base64')}`;
    ok(actors(hub).clerk(1)('counter.signOut', { counterId: 'H3301-c-02' }));
    ok(manager('staff.update', { ...c02, photo, active: true }));
    expect(hub.store.get('staff_cards', 'H3301-u-2')).toMatchObject({ display_name: '李工 002', staff_no: '3301002', photo });
    // The public 工号 is the administrator's to change; absent, it stays; never the login unless typed so.
    ok(manager('staff.update', { ...c02, staffNo: ' 0520 ', active: true }));
    ok(manager('staff.update', { ...c02, active: true }));
    expect(hub.store.get('staff_cards', 'H3301-u-2')).toMatchObject({ staff_no: '0520', photo });
    expect(err(manager('staff.update', { ...c02, staffNo: '1'.repeat(17), active: true }))).toBe('VALIDATION_FAILED');
    ok(manager('staff.update', { ...c02, role: 'manager', active: true }));
    expect(hub.store.get('staff_cards', 'H3301-u-2')).toBeUndefined();
  });

  it('ticketing hours and the priority classes a service takes are kept at the kiosk', async () => {
    const clock = manualClock(Date.parse('2026-11-25T00:00:00Z')); // 08:00 in Beijing
    const hub = await demoHub({ clock });
    const { manager, kiosk } = actors(hub);
    ok(
      manager(
        'service.save',
        service({
          serviceId: 'H3301-s-K',
          departmentId: 'H3301-d-civ',
          name: '婚姻登记',
          prefix: 'K',
          ticketFrom: '08:30',
          ticketUntil: '16:30',
          priorities: ['normal', 'appointment'],
        }),
      ),
    );
    const issue = (priority: 'normal' | 'green') =>
      kiosk('ticket.issue', {
        serviceId: 'H3301-s-K',
        priority,
        confirm: priority === 'normal' ? null : { login: 'c01', password: 'demo1234' },
      });
    expect(issue('normal')).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('08:30–16:30') },
    });
    clock.set(Date.parse('2026-11-25T00:30:00Z'));
    expect(issue('normal')).toMatchObject({ ok: true });
    expect(issue('green')).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    clock.set(Date.parse('2026-11-25T08:30:00Z'));
    expect(issue('normal')).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('imports a setup sheet whole or not at all, reporting every problem', async () => {
    const hub = await demoHub({ clock: manualClock(NINE) });
    const { manager } = actors(hub);
    const bad: HallSetupSheet = {
      hall: null,
      zones: ['三楼', '三楼'],
      departments: ['人防办'],
      services: [
        {
          prefix: 'R',
          name: '人防审批',
          department: '国土局',
          dailyCap: null,
          maxWaitMin: 30,
          maxServiceMin: 20,
          ticketFrom: null,
          ticketUntil: null,
          priorities: ['normal'],
        },
      ],
      counters: [{ number: 31, name: '31号窗口', zone: '四楼', profile: 'ordered', services: ['R', 'X'] }],
      staff: [{ login: 'c31', name: '新人', role: 'clerk', department: '人防办', displayName: '新工 031' }],
    };
    const seq = hub.store.currentSeq;
    const refused = manager('setup.import', { sheet: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    // Every problem is listed by the page's own check (setupProblems, unit-tested); the hub says how many and the first.
    expect(refused).toMatchObject({ error: { reason: 'sheet.file', params: { n: 4, first: '区域 第 3 行：区域“三楼”与第 2 行重复' } } });
    expect(hub.store.currentSeq).toBe(seq);

    const good: HallSetupSheet = {
      ...bad,
      zones: ['三楼'],
      services: [{ ...bad.services[0]!, department: '人防办' }],
      counters: [{ ...bad.counters[0]!, zone: '三楼', services: ['R', 'A'] }],
    };
    expect(ok(manager('setup.import', { sheet: good }))).toEqual({
      counts: { zones: 1, departments: 1, services: 1, counters: 1, staff: 1 },
    });
    const c31 = hub.store.where('staff', 'login = ?', 'c31')[0]!;
    expect(c31).toMatchObject({ name: '新人', role: 'clerk' });
    // Imported staff have no password until the administrator gives them one.
    expect(err(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c31', password: '!' }))).toBe('BAD_CREDENTIALS');
    // Importing again updates by key: nothing is added twice.
    const renamed = { ...good, staff: [{ ...good.staff[0]!, name: '新同事' }] };
    ok(manager('setup.import', { sheet: renamed }));
    expect(hub.store.where('staff', 'login = ?', 'c31')).toEqual([{ ...c31, name: '新同事' }]);
    expect(hub.store.where('services', "prefix = 'R'")).toHaveLength(1);
  });

  it('the demo hall is its own setup sheet, imported', async () => {
    const hub = await demoHub();
    const sheet = demoSheet();
    expect(
      hub.store
        .all('departments')
        .map((d) => d.name)
        .sort(),
    ).toEqual([...sheet.departments].sort());
    expect(
      hub.store
        .all('services')
        .map((s) => s.prefix)
        .sort(),
    ).toEqual(sheet.services.map((s) => s.prefix).sort());
    expect(hub.store.all('counters')).toHaveLength(16);
    expect(hub.store.all('zones').map((z) => z.name)).toEqual(expect.arrayContaining(['一楼', '二楼']));
    expect(hub.store.all('staff_cards')).toHaveLength(16); // the clerks': managers serve at no counter
  });
});
