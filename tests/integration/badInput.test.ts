import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { callerOf, demoHub, opId, terminal, until } from '../support/hub';
import { big, connect, fingerprint } from '../support/wire';

const caseWith = (applicant: unknown) => ({
  opId: opId(),
  type: 'case.register',
  payload: {
    caseId: 'case-1',
    counterId: 'H3301-c-01',
    at: 0,
    ticketId: null,
    itemId: 'H3301-item-001',
    applicant,
    agentName: null,
    green: false,
    materialsReceived: [],
    parts: [],
  },
});

describe('bad input changes nothing and gets a typed error', () => {
  it.each([
    ['not an object', (): unknown => 'hello', 'VALIDATION_FAILED'],
    ['null', (): unknown => null, 'VALIDATION_FAILED'],
    ['missing opId', () => ({ type: 'hall.setNotice', payload: { text: 'x' } }), 'VALIDATION_FAILED'],
    [
      'opId with bad characters',
      () => ({ opId: '../../etc/passwd', type: 'counter.resume', payload: { counterId: 'x' } }),
      'VALIDATION_FAILED',
    ],
    [
      'extra envelope field',
      () => ({ opId: opId(), type: 'counter.resume', payload: { counterId: 'x' }, admin: true }),
      'VALIDATION_FAILED',
    ],
    ['unknown command', () => ({ opId: opId(), type: 'ticket.teleport', payload: {} }), 'UNKNOWN_COMMAND'],
    ['prototype key as type', () => ({ opId: opId(), type: '__proto__', payload: {} }), 'UNKNOWN_COMMAND'],
    [
      'oversized',
      () => ({ opId: opId(), type: 'inquiry.record', payload: { inquiryId: 'a1', counterId: null, topic: 't', detail: big } }),
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'payload field of the wrong type',
      () => ({ opId: opId(), type: 'counter.pause', payload: { counterId: 'H3301-c-01', reason: 42 } }),
      'VALIDATION_FAILED',
    ],
    [
      'payload with an extra field',
      () => ({ opId: opId(), type: 'counter.resume', payload: { counterId: 'H3301-c-01', force: true } }),
      'VALIDATION_FAILED',
    ],
    [
      'blank pause reason',
      () => ({ opId: opId(), type: 'counter.pause', payload: { counterId: 'H3301-c-01', reason: '   ' } }),
      'VALIDATION_FAILED',
    ],
    [
      'another counter than the terminal’s',
      () => ({ opId: opId(), type: 'counter.signIn', payload: { counterId: 'H3301-c-02', login: 'c02', password: DEMO_PASSWORD } }),
      'FORBIDDEN',
    ],
    ['a role that may not send it', () => ({ opId: opId(), type: 'hall.setNotice', payload: { text: 'hacked' } }), 'FORBIDDEN'],
    [
      'wrong password',
      () => ({ opId: opId(), type: 'counter.signIn', payload: { counterId: 'H3301-c-01', login: 'c01', password: 'nope' } }),
      'BAD_CREDENTIALS',
    ],
    ['unknown counter', () => ({ opId: opId(), type: 'counter.heartbeat', payload: { counterId: 'H3301-c-99' } }), 'FORBIDDEN'],
    [
      'pause a closed counter',
      () => ({ opId: opId(), type: 'counter.pause', payload: { counterId: 'H3301-c-01', reason: '会议' } }),
      'COUNTER_STATE',
    ],
    [
      'resolve an unknown inquiry',
      () => ({ opId: opId(), type: 'inquiry.resolve', payload: { inquiryId: 'nope', resolution: 'x' } }),
      'NOT_FOUND',
    ],
    [
      'an ID number with a wrong check digit',
      () => caseWith({ type: 'person', name: '张三', idNumber: '110105194912310021', creditCode: null, phone: '13800138000' }),
      'VALIDATION_FAILED',
    ],
    [
      'a credit code with a wrong check digit',
      () => caseWith({ type: 'enterprise', name: '某公司', idNumber: null, creditCode: '91350100M000100Y44', phone: '13800138000' }),
      'VALIDATION_FAILED',
    ],
    [
      'a person without an ID number',
      () => caseWith({ type: 'person', name: '张三', idNumber: null, creditCode: null, phone: '13800138000' }),
      'VALIDATION_FAILED',
    ],
    [
      'a case step that does not exist',
      () => ({ opId: opId(), type: 'case.step', payload: { caseId: 'c', counterId: 'H3301-c-01', at: 0, action: 'bribe' } }),
      'VALIDATION_FAILED',
    ],
    [
      'a case registered at a closed counter',
      () => caseWith({ type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13800138000' }),
      'COUNTER_STATE',
    ],
    [
      'a catalog import from a clerk',
      () => ({ opId: opId(), type: 'catalog.import', payload: { fileName: 'x.csv', rows: [['部门']] } }),
      'FORBIDDEN',
    ],
  ] as const)('command: %s → %s', async (_name, make, code) => {
    const hub = await demoHub();
    const clerk = await connect(hub, terminal(hub, 'clerk', 0).token);
    await until(() => clerk.socket.connected, 'connected');
    const before = fingerprint(hub);
    const answer = await clerk.socket.timeout(5000).emitWithAck('command', make());
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(typeof answer.error.message).toBe('string');
    expect(answer.error.message.length).toBeGreaterThan(0);
    // A refusal by a handler is remembered under its opId (so a replay answers the same), and
    // audited; nothing else may change.
    const strip = (f: string) => JSON.parse(f).filter((_: unknown, i: number) => i !== 4 && i !== 5);
    expect(strip(fingerprint(hub))).toEqual(strip(before));
  });

  it.each([
    ['negative cursor', { since: -1 }],
    ['string cursor', { since: 'latest' }],
    ['not an object', 7],
    ['extra field', { since: 0, tables: ['staff'] }],
  ])('subscribe: %s → VALIDATION_FAILED', async (_name, request) => {
    const hub = await demoHub();
    const display = await connect(hub, terminal(hub, 'display').token);
    await until(() => display.socket.connected, 'connected');
    const answer = await display.socket.timeout(5000).emitWithAck('subscribe', request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(display.received).toEqual(['welcome']);
  });

  it.each([
    ['not an object', 'cases', 'VALIDATION_FAILED'],
    ['an unknown query', { name: 'staff.passwords', params: {} }, 'UNKNOWN_COMMAND'],
    [
      'parameters of the wrong shape',
      { name: 'cases.search', params: { text: 'x', scope: 'everyone', counterId: null } },
      'VALIDATION_FAILED',
    ],
    ['an extra field', { name: 'cases.search', params: { text: 'x', scope: 'mine', counterId: null, sql: '1=1' } }, 'VALIDATION_FAILED'],
    ['a query a clerk may not ask', { name: 'cases.supervision', params: {} }, 'FORBIDDEN'],
  ])('query: %s → %s', async (_name, request, code) => {
    const hub = await demoHub();
    const clerk = await connect(hub, terminal(hub, 'clerk', 0).token);
    await until(() => clerk.socket.connected, 'connected');
    const before = fingerprint(hub);
    expect(await clerk.socket.timeout(5000).emitWithAck('query', request)).toMatchObject({ ok: false, error: { code } });
    expect(fingerprint(hub)).toBe(before);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-a-token'],
    ['a huge token', 'x'.repeat(100_000)],
  ])('an unauthenticated socket (%s) receives nothing and can do nothing', async (_name, token) => {
    const hub = await demoHub();
    const before = fingerprint(hub);
    const anon = await connect(hub, token);
    expect((await anon.error).message).toBe('UNAUTHENTICATED');
    anon.socket.emit('command', { opId: opId(), type: 'hall.setNotice', payload: { text: 'x' } });
    expect(anon.received).toEqual([]);
    expect(fingerprint(hub)).toBe(before);
    expect(hub.health().terminals).toEqual({ clerk: 0, kiosk: 0, display: 0, evaluator: 0, manager: 0, region: 0 });
  });

  it('a replayed opId returns the stored answer and changes nothing', async () => {
    const hub = await demoHub();
    const clerk = await connect(hub, terminal(hub, 'clerk', 0).token);
    await until(() => clerk.socket.connected, 'connected');
    const cmd = { opId: opId(), type: 'counter.signIn', payload: { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD } };
    const first = await clerk.socket.timeout(5000).emitWithAck('command', cmd);
    expect(first).toMatchObject({ ok: true });
    const before = fingerprint(hub);
    expect(await clerk.socket.timeout(5000).emitWithAck('command', cmd)).toEqual(first);
    expect(fingerprint(hub)).toBe(before);
    // The same opId from another terminal is refused, not answered with someone else's result.
    const other = await connect(hub, terminal(hub, 'clerk', 1).token);
    await until(() => other.socket.connected, 'connected');
    expect(await other.socket.timeout(5000).emitWithAck('command', cmd)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('a command without an acknowledgement callback, or an unknown event, gets a typed protocol error and changes nothing', async () => {
    const hub = await demoHub();
    const manager = await connect(hub, terminal(hub, 'manager').token);
    await until(() => manager.socket.connected, 'connected');
    const errors: unknown[] = [];
    manager.socket.on('protocolError', (e: unknown) => errors.push(e));
    const before = fingerprint(hub);
    manager.socket.emit('command', { opId: opId(), type: 'hall.setNotice', payload: { text: 'no ack' } });
    manager.socket.emit('teleport', { to: 'mars' });
    expect(await manager.socket.timeout(5000).emitWithAck('teleport', 1)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_EVENT', message: '未知消息：teleport' },
    });
    await until(() => errors.length === 2, 'protocol errors');
    // (socket.io runs onAny listeners before the event's own handler: the order is not meaningful)
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        { event: 'command', code: 'VALIDATION_FAILED', message: 'command 需要应答回调，消息未处理' },
        { event: 'teleport', code: 'UNKNOWN_EVENT', message: '未知消息：teleport' },
      ]),
    );
    expect(fingerprint(hub)).toBe(before);
  });
});

describe('queue commands refused change nothing', () => {
  /** Counter 1 holds A001 (called); counter 2 is open and holds nothing; 婚姻登记 is stopped. */
  async function busyHall() {
    const hub = await demoHub();
    const send = (role: 'clerk' | 'kiosk' | 'manager', n: number, type: string, payload: unknown) =>
      hub.execute(callerOf(terminal(hub, role, n)), { opId: opId(), type, payload });
    expect(send('clerk', 0, 'counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(send('clerk', 1, 'counter.signIn', { counterId: 'H3301-c-02', login: 'c02', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(send('kiosk', 0, 'ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null })).toMatchObject({ ok: true });
    expect(send('kiosk', 0, 'ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null })).toMatchObject({ ok: true });
    expect(send('clerk', 0, 'ticket.callNext', { counterId: 'H3301-c-01' })).toMatchObject({ ok: true });
    expect(send('clerk', 1, 'ticket.callNext', { counterId: 'H3301-c-02' })).toMatchObject({ ok: true });
    expect(send('clerk', 1, 'ticket.noShow', { counterId: 'H3301-c-02' })).toMatchObject({ ok: true });
    expect(send('manager', 0, 'service.update', { serviceId: 'H3301-s-K', open: false })).toMatchObject({ ok: true });
    return { hub, send };
  }

  it.each([
    ['call with nothing waiting', 1, 'ticket.callNext', { counterId: 'H3301-c-02' }, 'QUEUE_EMPTY', '当前没有等候的号'],
    [
      'finish a ticket that is not yours (another counter)',
      1,
      'ticket.finish',
      { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] },
      'FORBIDDEN',
      '本终端不属于该窗口',
    ],
    [
      'finish when holding nothing',
      1,
      'ticket.finish',
      { counterId: 'H3301-c-02', handledServiceIds: ['H3301-s-A'] },
      'NO_CURRENT_TICKET',
      '当前没有叫号或办理中的号',
    ],
    [
      'finish before starting',
      0,
      'ticket.finish',
      { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] },
      'TICKET_STATE',
      '请先开始办理，再办结',
    ],
    [
      'transfer to a closed service',
      0,
      'ticket.transfer',
      { counterId: 'H3301-c-01', toServiceId: 'H3301-s-K', toCounterId: null, mode: 'keep' },
      'SERVICE_UNAVAILABLE',
      '“婚姻登记”暂停办理',
    ],
    [
      'transfer to both a service and a counter',
      0,
      'ticket.transfer',
      { counterId: 'H3301-c-01', toServiceId: 'H3301-s-B', toCounterId: 'H3301-c-02', mode: 'keep' },
      'VALIDATION_FAILED',
      null,
    ],
    ['a second call while holding a ticket', 0, 'ticket.callNext', { counterId: 'H3301-c-01' }, 'COUNTER_BUSY', '请先处理当前的 A001 号'],
    [
      'call a specific ticket while holding one',
      0,
      'ticket.callSpecific',
      { counterId: 'H3301-c-01', number: 'A002', reason: '急' },
      'COUNTER_BUSY',
      '请先处理当前的 A001 号',
    ],
    [
      'call a number that does not exist',
      1,
      'ticket.callSpecific',
      { counterId: 'H3301-c-02', number: 'A999', reason: '核对' },
      'NOT_FOUND',
      '今日 A999 号不存在',
    ],
    [
      'call a malformed number',
      1,
      'ticket.callSpecific',
      { counterId: 'H3301-c-02', number: 'a-1', reason: '核对' },
      'VALIDATION_FAILED',
      null,
    ],
    [
      'reinstate a ticket that is not missed',
      1,
      'ticket.reinstate',
      { counterId: 'H3301-c-02', number: 'A001' },
      'TICKET_STATE',
      'A001 号不是过号状态',
    ],
    ['park for a day', 0, 'ticket.park', { counterId: 'H3301-c-01', minutes: 1440 }, 'VALIDATION_FAILED', null],
    ['issue from a clerk terminal', 0, 'ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }, 'FORBIDDEN', null],
    ['sign out holding a ticket', 0, 'counter.signOut', { counterId: 'H3301-c-01' }, 'COUNTER_BUSY', '请先处理当前的 A001 号再签退'],
  ] as const)('%s → %s', async (_name, clerk, type, payload, code, message) => {
    const { hub, send } = await busyHall();
    const before = fingerprint(hub);
    const answer = send('clerk', clerk, type, payload);
    expect(answer).toMatchObject({ ok: false, error: { code } });
    if (message) expect(answer).toMatchObject({ error: { message } });
    const strip = (f: string) => JSON.parse(f).filter((_: unknown, i: number) => i !== 4 && i !== 5);
    expect(strip(fingerprint(hub))).toEqual(strip(before));
  });
});
