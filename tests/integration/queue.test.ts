import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { Answer, CommandPayload, CommandType, Row } from '../../shared/protocol';
import { actors, err, ok } from '../support/actors';
import { demoHub, manualClock } from '../support/hub';

const ticketOf = (a: Answer) => ok(a).ticket as Row<'tickets'>;

async function hallWithClerks(clerks: number[]) {
  const clock = manualClock(Date.parse('2026-11-25T01:00:00Z')); // 09:00 in the hall
  const hub = await demoHub({ clock });
  const a = actors(hub);
  for (const n of clerks) {
    const c = String(n).padStart(2, '0');
    ok(a.clerk(n - 1)('counter.signIn', { counterId: `H3301-c-${c}`, login: `c${c}`, password: DEMO_PASSWORD }));
  }
  const issue = (prefix: string, priority: 'normal' | 'green' | 'major' = 'normal') => {
    clock.advance(1000);
    return ticketOf(
      a.kiosk('ticket.issue', {
        serviceId: `H3301-s-${prefix}`,
        priority,
        // A priority ticket is confirmed by a clerk on duty: the first signed in.
        confirm: priority === 'normal' ? null : { login: `c${String(clerks[0]).padStart(2, '0')}`, password: DEMO_PASSWORD },
      }),
    );
  };
  const counter = (n: number) => {
    const send = a.clerk(n - 1);
    const counterId = `H3301-c-${String(n).padStart(2, '0')}`;
    return {
      next: () => send('ticket.callNext', { counterId }),
      serve: () => {
        const t = ticketOf(send('ticket.callNext', { counterId }));
        ok(send('ticket.start', { counterId }));
        clock.advance(60_000);
        ok(send('ticket.finish', { counterId, handledServiceIds: [t.service_id] }));
        return t.number;
      },
      send: <T extends CommandType>(type: T, payload: Omit<CommandPayload<T>, 'counterId'>) =>
        send(type, { counterId, ...payload } as CommandPayload<T>),
      counterId,
    };
  };
  return { hub, clock, ...a, issue, counter };
}

describe('queue on the hub', () => {
  it('numbers per service and day, never twice; a new hall day starts again at 001', async () => {
    const { issue, clock } = await hallWithClerks([]);
    expect([issue('A').number, issue('A').number, issue('B').number, issue('A').number]).toEqual(['A001', 'A002', 'B001', 'A003']);
    clock.set(Date.parse('2026-11-25T16:00:00Z')); // midnight in the hall
    expect(issue('A').number).toBe('A001');
  });

  it('tells the applicant who will really be called before them, and when', async () => {
    const { kiosk, issue, counter } = await hallWithClerks([1, 2]);
    issue('A');
    issue('A');
    issue('A');
    counter(1).serve(); // one minute of service: A's typical time today
    ok(counter(2).send('ticket.callNext', {})); // counter 2 holds A002 (called now): busy for about a minute
    const take = (priority: 'normal' | 'green') =>
      ok(
        kiosk('ticket.issue', {
          serviceId: 'H3301-s-A',
          priority,
          confirm: priority === 'normal' ? null : { login: 'c01', password: DEMO_PASSWORD }, // a clerk on duty confirms
        }),
      );
    // A003 waits: counter 1 calls it now, counter 2 is free in a minute and calls A004.
    const r = take('normal');
    expect([r.ahead, r.estimatedWaitMinutes]).toEqual([1, 1]);
    expect(JSON.stringify(r)).not.toMatch(/staff|login/);
    // A green ticket is called first, by the first free counter: nobody ahead, no wait.
    expect(take('green')).toMatchObject({ ahead: 0, estimatedWaitMinutes: 0 });
    // A normal one now waits for A003, the green one and A004 — but counters 1 and 2 share them.
    expect(take('normal')).toMatchObject({ ahead: 3, estimatedWaitMinutes: 2 });
  });

  it('priority needs a staff confirmation and interleaves 2 : 1 with normal tickets', async () => {
    const { kiosk, issue, counter } = await hallWithClerks([1]);
    expect(err(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'green', confirm: null }))).toBe('BAD_CREDENTIALS');
    expect(err(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'green', confirm: { login: 'manager', password: 'x' } }))).toBe(
      'BAD_CREDENTIALS',
    );
    const n = [issue('A'), issue('A'), issue('A', 'green'), issue('A', 'major'), issue('A', 'green')].map((t) => t.number);
    const order = [1, 2, 3, 4, 5].map(() => counter(1).serve());
    expect(order).toEqual([n[2], n[3], n[0], n[4], n[1]]);
  });

  it('the interleave is the service line’s across its counters, settable both ways; calls by number and tickets sent to a counter do not count', async () => {
    const { hub, issue, counter, manager } = await hallWithClerks([1, 2]);
    const run = () => hub.store.get('services', 'H3301-s-A')!.priority_run;
    const n = [issue('A'), issue('A'), issue('A')].map((t) => t.number);
    const p = [issue('A', 'green'), issue('A', 'major'), issue('A', 'green'), issue('A', 'green')].map((t) => t.number);
    // The two counters take turns; the line calls two priority tickets, then a normal one, whoever calls.
    expect([1, 2, 1, 2, 1].map((c) => counter(c).serve())).toEqual([p[0], p[1], n[0], p[2], p[3]]);
    expect(run()).toBe(2);

    // Calling a priority ticket by number, or one sent to a counter, leaves the run as it is.
    const q = [issue('A', 'green'), issue('A', 'green')].map((t) => t.number);
    ok(counter(1).send('ticket.callSpecific', { number: q[0]!, reason: '老人身体不适' }));
    ok(counter(1).send('ticket.transfer', { toServiceId: null, toCounterId: counter(2).counterId, mode: 'keep' }));
    expect(counter(2).serve()).toBe(q[0]);
    expect(run()).toBe(2);
    // So a normal ticket is still due: n[1], then q[1].
    expect([counter(1).serve(), counter(2).serve()]).toEqual([n[1], q[1]]);

    // One priority call per two normal ones.
    ok(manager('hall.setQueueSettings', { priorityStreak: 1, normalStreak: 2 }));
    const more = [issue('A'), issue('A'), issue('A', 'green'), issue('A', 'green')].map((t) => t.number);
    // The run stood at one priority call: two normal ones (n[2], more[0]) before the next priority one.
    expect([1, 2, 1, 2, 1].map((c) => counter(c).serve())).toEqual([n[2], more[0], more[2], more[1], more[3]]);
  });

  it('recall up to the limit, no-show, reinstate after N, call a specific ticket with a reason', async () => {
    const { hub, issue, counter } = await hallWithClerks([1]);
    const [a1, a2, a3, a4] = [issue('A'), issue('A'), issue('A'), issue('A')];
    const c = counter(1);
    expect(ticketOf(c.next()).number).toBe(a1.number);
    for (let i = 0; i < 3; i++) ok(c.send('ticket.recall', {}));
    expect(err(c.send('ticket.recall', {}))).toBe('RECALL_LIMIT');
    expect(ticketOf(c.send('ticket.noShow', {})).status).toBe('missed');
    // A1 comes back: behind 3 waiting tickets (the default rule), so after A2, A3, A4.
    ok(c.send('ticket.reinstate', { number: a1.number }));
    expect([c.serve(), c.serve(), c.serve(), c.serve()]).toEqual([a2.number, a3.number, a4.number, a1.number]);
    const a5 = issue('A'),
      a6 = issue('A');
    expect(err(c.send('ticket.callSpecific', { number: a6.number, reason: '' }))).toBe('VALIDATION_FAILED');
    expect(ticketOf(c.send('ticket.callSpecific', { number: a6.number, reason: '老人预约到场' })).call_reason).toBe('老人预约到场');
    expect(hub.store.get('tickets', a5.id)?.status).toBe('waiting');
  });

  it('no-show with the cancel rule ends the ticket', async () => {
    const { manager, issue, counter } = await hallWithClerks([1]);
    ok(manager('hall.setQueueSettings', { noShowRule: 'cancel' }));
    issue('A');
    counter(1).next();
    expect(ticketOf(counter(1).send('ticket.noShow', {}))).toMatchObject({ status: 'no_show', end_reason: '过号' });
  });

  it('transfer to a service keeping its place or to the back; transfer to a counter is that counter’s alone', async () => {
    const { issue, counter } = await hallWithClerks([1, 4, 5]);
    const c1 = issue('C'),
      a1 = issue('A'),
      c2 = issue('C');
    // Counter 1 serves A: transfers A001 to service C keeping its place (issued between C001 and C002).
    expect(ticketOf(counter(1).next()).number).toBe(a1.number);
    ok(counter(1).send('ticket.transfer', { toServiceId: 'H3301-s-C', toCounterId: null, mode: 'keep' }));
    expect([counter(4).serve(), counter(4).serve(), counter(4).serve()]).toEqual([c1.number, a1.number, c2.number]);
    // Back of the line instead.
    const c3 = issue('C'),
      a2 = issue('A'),
      c4 = issue('C');
    counter(1).next();
    ok(counter(1).send('ticket.transfer', { toServiceId: 'H3301-s-C', toCounterId: null, mode: 'back' }));
    expect([counter(4).serve(), counter(4).serve(), counter(4).serve()]).toEqual([c3.number, c4.number, a2.number]);
    // To counter 5 only: counter 4, serving the same services, never gets it.
    const a3 = issue('A');
    counter(1).next();
    ok(counter(1).send('ticket.transfer', { toServiceId: null, toCounterId: 'H3301-c-05', mode: 'keep' }));
    expect(err(counter(4).next())).toBe('QUEUE_EMPTY');
    ok(counter(5).send('counter.heartbeat', {}));
    expect(ticketOf(counter(5).next()).number).toBe(a3.number);
  });

  it('park with auto-return after T minutes, back to the same counter in its old place', async () => {
    const { issue, counter, clock } = await hallWithClerks([1, 2]);
    const a1 = issue('A'),
      a2 = issue('A'),
      a3 = issue('A');
    counter(1).next();
    expect(ticketOf(counter(1).send('ticket.park', { minutes: 10 })).status).toBe('parked');
    expect(counter(1).serve()).toBe(a2.number);
    clock.advance(10 * 60_000);
    expect(ticketOf(counter(2).next()).number).toBe(a3.number); // never the parked one: it is counter 1's
    expect(counter(1).serve()).toBe(a1.number);
  });

  it('one ticket per clerk; a closed service or counter cannot take a transfer; a closed day issues nothing', async () => {
    const { hub, manager, kiosk, issue, counter } = await hallWithClerks([1]);
    issue('A');
    issue('A');
    ok(counter(1).next());
    const before = hub.store.currentSeq;
    expect(err(counter(1).next())).toBe('COUNTER_BUSY');
    expect(err(counter(1).send('ticket.callSpecific', { number: 'A002', reason: '急事' }))).toBe('COUNTER_BUSY');
    expect(err(counter(1).send('counter.signOut', {}))).toBe('COUNTER_BUSY');
    expect(err(counter(1).send('ticket.finish', { handledServiceIds: ['H3301-s-A'] }))).toBe('TICKET_STATE');
    ok(manager('service.update', { serviceId: 'H3301-s-K', open: false }));
    const afterClose = hub.store.currentSeq;
    expect(err(counter(1).send('ticket.transfer', { toServiceId: 'H3301-s-K', toCounterId: null, mode: 'keep' }))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect(err(counter(1).send('ticket.transfer', { toServiceId: null, toCounterId: 'H3301-c-02', mode: 'keep' }))).toBe('COUNTER_STATE');
    expect(err(kiosk('ticket.issue', { serviceId: 'H3301-s-K', priority: 'normal', confirm: null }))).toBe('SERVICE_UNAVAILABLE');
    expect(hub.store.currentSeq).toBe(afterClose);
    expect(afterClose).toBe(before + 1);
    ok(manager('day.close', { reason: '测试：提前日终' }));
    expect(err(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }))).toBe('SERVICE_UNAVAILABLE');
  });

  it('a daily cap says the service is full; the manager sets caps and thresholds', async () => {
    const { hub, kiosk, manager } = await hallWithClerks([]);
    expect(ok(manager('service.update', { serviceId: 'H3301-s-K', dailyCap: 2, maxWaitMin: 45, queueCap: 12 })).service).toMatchObject({
      daily_cap: 2,
      max_wait_min: 45,
      queue_cap: 12,
      max_service_min: 20,
      max_call_min: 5,
    });
    expect(ok(manager('service.update', { serviceId: 'H3301-s-K', maxCallMin: 3 })).service).toMatchObject({ max_call_min: 3 });
    expect(err(manager('service.update', { serviceId: 'H3301-s-K', maxCallMin: 0 }))).toBe('VALIDATION_FAILED');
    expect(err(manager('service.update', { serviceId: 'H3301-s-K' }))).toBe('VALIDATION_FAILED');
    expect(err(kiosk('service.update', { serviceId: 'H3301-s-K', open: false }))).toBe('FORBIDDEN');
    void hub;
    const issueK = () => kiosk('ticket.issue', { serviceId: 'H3301-s-K', priority: 'normal', confirm: null });
    ok(issueK());
    ok(issueK());
    const full = issueK();
    expect(full).toMatchObject({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '“婚姻登记”今日号源已满（2 个）' } });
  });

  it('closing the day ends every open ticket in exactly one final state, with a reason', async () => {
    const { hub, manager, issue, counter } = await hallWithClerks([1, 2, 4]);
    for (let i = 0; i < 4; i++) issue('A');
    issue('C');
    counter(1).serve(); // finished
    counter(1).next();
    counter(1).send('ticket.start', {}); // serving
    counter(2).next(); // called
    counter(4).next();
    counter(4).send('ticket.noShow', {}); // missed
    issue('A');
    const r = ok(manager('day.close', { reason: '测试：提前日终' }));
    expect(r.ended).toBe(5);
    const rows = hub.db.prepare('SELECT number, status, end_reason FROM tickets ORDER BY number').all() as {
      number: string;
      status: string;
      end_reason: string | null;
    }[];
    expect(rows.every((t) => ['finished', 'no_show', 'cancelled'].includes(t.status))).toBe(true);
    expect(rows.filter((t) => t.end_reason !== null)).toHaveLength(5);
    expect(rows.map((t) => `${t.number}:${t.status}`)).toEqual([
      'A001:finished',
      'A002:finished',
      'A003:no_show',
      'A004:cancelled',
      'A005:cancelled',
      'C001:no_show',
    ]);
  });
});
