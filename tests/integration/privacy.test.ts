import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { callerOf, demoHub, onCleanup, opId, terminal, until } from '../support/hub';

const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe('privacy on public terminals', () => {
  it('a full day: nothing a display, kiosk, evaluator or the phone rating page receives holds a name, an ID number or a phone', async () => {
    const hub = await demoHub();
    const received: string[] = [];
    const listen = async (role: 'display' | 'kiosk' | 'evaluator', since: number) => {
      const s: Socket = io(hub.url, { auth: { token: terminal(hub, role).token }, transports: ['websocket'] });
      onCleanup(() => void s.close());
      s.onAny((event: string, ...args: unknown[]) => received.push(`${role} ${event} ${JSON.stringify(args)}`));
      await until(() => s.connected, `${role} connected`);
      await s.emitWithAck('subscribe', { since });
      return s;
    };
    // Each public role both from a backlog (since 0) and from a snapshot (a future cursor).
    for (const role of ['display', 'kiosk', 'evaluator'] as const) {
      await listen(role, 0);
      await listen(role, 1e12);
    }

    const as = (role: 'clerk' | 'kiosk' | 'manager', n: number) => {
      const caller = callerOf(terminal(hub, role, n));
      return (type: string, payload: unknown) =>
        expect(hub.execute(caller, { opId: opId(), type, payload }), type).toMatchObject({ ok: true });
    };
    const clerk1 = as('clerk', 0),
      clerk2 = as('clerk', 3),
      kiosk = as('kiosk', 0),
      manager = as('manager', 0);
    clerk1('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD });
    clerk2('counter.signIn', { counterId: 'H3301-c-04', login: 'c04', password: DEMO_PASSWORD });
    for (let i = 0; i < 6; i++) kiosk('ticket.issue', { serviceId: i % 2 ? 'H3301-s-A' : 'H3301-s-C', priority: 'normal', confirm: null });
    kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'green', confirm: { login: 'c01', password: DEMO_PASSWORD } });
    // A clerk records an enquiry with the applicant's name, ID number and phone in it.
    clerk1('inquiry.record', {
      inquiryId: 'inq-1',
      counterId: 'H3301-c-01',
      topic: '张三 补办营业执照',
      detail: '张三，身份证 110101199003074514，电话 13812345678',
    });
    clerk1('ticket.callNext', { counterId: 'H3301-c-01' });
    clerk1('ticket.recall', { counterId: 'H3301-c-01' });
    clerk1('ticket.start', { counterId: 'H3301-c-01' });
    // A case for the called ticket: the applicant's name, ID number, phone and an agent's name.
    clerk1('case.register', {
      caseId: 'case-1',
      counterId: 'H3301-c-01',
      at: Date.now(),
      ticketId: hub.store.where('tickets', "status = 'serving'")[0]!.id,
      itemId: 'H3301-item-001',
      applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13812345678' },
      agentName: '代办员李四',
      green: true,
      materialsReceived: ['申请书'],
      parts: [{ departmentId: 'H3301-d-tax', limitDays: 3 }],
    });
    for (const action of ['accept', 'undertake'] as const)
      clerk1('case.step', { caseId: 'case-1', counterId: 'H3301-c-01', at: Date.now(), action });
    clerk1('ticket.transfer', { counterId: 'H3301-c-01', toServiceId: 'H3301-s-C', toCounterId: null, mode: 'keep' });
    clerk2('ticket.callNext', { counterId: 'H3301-c-04' });
    clerk2('ticket.start', { counterId: 'H3301-c-04' });
    clerk2('ticket.finish', { counterId: 'H3301-c-04', handledServiceIds: ['H3301-s-C'] });
    clerk2('counter.pause', { counterId: 'H3301-c-04', reason: '王晓明请假' });
    clerk1('inquiry.resolve', { inquiryId: 'inq-1', resolution: '已电话联系张三 13812345678' });
    manager('hall.setNotice', { text: '今日 17:00 后暂停受理不动产登记业务。' });
    manager('day.close', { reason: '测试：提前日终' });
    // The applicant served at counter 4 rates by the code on their slip, from their phone; the hall
    // publishes clerks' names on the board. What the phone and the board receive is checked below.
    const { code } = hub.db
      .prepare("SELECT code FROM rating_codes JOIN tickets t ON t.id = rating_codes.ticket_id WHERE t.status = 'finished'")
      .get() as { code: string };
    const phone = async (path: string, body: unknown) => {
      const res = await fetch(`${hub.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
      received.push(`phone ${path} ${res.status} ${await res.text()}`);
    };
    await phone('/rate/look', { code });
    await phone('/rate', { code, level: 2, subScores: { attitude: 2 }, reasons: ['slow'], comment: '我是张三，电话13812345678' });
    manager('hall.setRatingSettings', { publishNames: true });
    const seq = hub.store.currentSeq;
    await until(() => received.filter((m) => m.includes(`"to":${seq}`)).length >= 6, 'all six public sockets at the last change');
    const display = await listen('display', 1e12);
    received.push(`display board ${JSON.stringify(await display.emitWithAck('query', { name: 'ratings.board', params: {} }))}`);
    expect(received.filter((m) => m.startsWith('phone ')).map((m) => m.split(' ').slice(1, 3).join(' '))).toEqual([
      '/rate/look 200',
      '/rate 200',
    ]);
    expect(received.at(-1)).toContain('"ratings":1'); // the board did show the rating, as a count

    const all = received.join('\n');
    expect(all).toContain('A001'); // they did receive the day: ticket numbers, counters, services
    expect(all).not.toContain('电话'); // nothing an applicant wrote on their phone reaches a public screen
    const staffNames = hub.db.prepare('SELECT name, login FROM staff').all() as { name: string; login: string }[];
    for (const s of staffNames) {
      expect(all, s.name).not.toContain(s.name);
      expect(all, s.login).not.toContain(`"${s.login}"`);
    }
    expect(all).not.toMatch(ID_NUMBER);
    expect(all).not.toMatch(PHONE);
    expect(all).not.toContain('张三');
    expect(all).not.toContain('李四');
    expect(all).not.toMatch(/H3301-20\d{6}-\d{4}|case-1|"cases"|case_parts|case_events/); // no trace of the case at all
    expect(all).not.toContain('password');
    expect(all).not.toMatch(/pause_reason|call_reason|handled_services/);
    // Who served is shown only at the window itself: the evaluator holds its counter's staff id (for the
    // clerk's public card, which has no full name); the lobby screens and the kiosk hold none.
    expect(received.filter((m) => !m.startsWith('evaluator')).join('\n')).not.toMatch(/staff_id/);
    expect(received.filter((m) => m.startsWith('evaluator')).join('\n')).toContain('"display_name":"王工 001"');
  });
});
