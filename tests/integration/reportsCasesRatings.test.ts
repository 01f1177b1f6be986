import { describe, expect, it } from 'vitest';
import type { Caller } from '../../main/hub/commands/context';
import type { Hub } from '../../main/hub/hub';
import type { CommandPayload, CommandType, QueryName, QueryParams, QueryResult, Row } from '../../shared/protocol';
import { FIGURES } from '../../shared/reports/figures';
import { actors, ok } from '../support/actors';
import { caseHall } from '../support/caseHall';
import { callerOf, opId, signInManager, terminal } from '../support/hub';
import { reportHall } from '../support/reportHall';

/**
 * Case, satisfaction and a clerk's own figures: case figures against the raw cases rows; 好差评 in
 * reports against ratings.summary (the ratings' own query, the same definitions); a clerk's own
 * figures against the raw ticket_events, and only their own.
 */

async function ask<Q extends QueryName>(hub: Hub, caller: Caller, name: Q, params: QueryParams<Q>) {
  const r = await hub.query(caller, { name, params });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as QueryResult<Q>;
}
const manager = (hub: Hub) => {
  signInManager(hub);
  return callerOf(terminal(hub, 'manager'));
};
const figure = (id: string, sums: Record<string, number>) => FIGURES.cases.find((f) => f.id === id)!.value(sums as never);

describe('case figures over time', () => {
  it('received, accepted, concluded, on time, days, 补正 and cards by clerk and by day equal the raw cases', async () => {
    const { hub, clock, register, step, days, at } = await caseHall(); // Monday 2026-11-02, 09:00
    at(2); // the reviewer's and the approver's counters signed in from the start
    at(3);
    const closeDay = () => {
      const back = clock();
      clock.set(Date.parse(new Date(back).toISOString().slice(0, 10) + 'T10:00:00Z')); // 18:00 in the hall
      signInManager(hub);
      ok(actors(hub).manager('day.close', {}));
      clock.set(back + 86_400_000);
      signInManager(hub);
      // The close signed everyone out: the next morning the clerks who take the steps sign in again.
      for (const n of [1, 2, 3])
        ok(actors(hub).clerk(n - 1)('counter.signIn', { counterId: `H3301-c-0${n}`, login: `c0${n}`, password: 'demo1234' }));
    };
    const [c1, c2, c3] = [register(), register(), register()];
    ok(step(c1.id, 'requestSupplement', { missing: ['场地证明'] }));
    closeDay(); // Tuesday
    ok(step(c1.id, 'resubmit', { received: ['场地证明'] }));
    for (const c of [c1, c2, c3]) ok(step(c.id, 'accept'));
    for (const c of [c1, c3]) ['undertake', 'review'].forEach((s) => ok(step(c.id, s as 'review')));
    ok(step(c1.id, 'approve'));
    ok(step(c1.id, 'conclude', { feeCents: 0 }));
    closeDay(); // Wednesday
    days(27); // well past c3's statutory 15 working days: a card for its decision
    ok(step(c3.id, 'approve'));
    ok(step(c3.id, 'conclude', { feeCents: 0 }));
    closeDay();

    const raw = hub.db.prepare('SELECT * FROM cases').all() as Row<'cases'>[];
    expect(raw.map((c) => c.card).filter(Boolean)).toHaveLength(1); // the script did reach a card
    const from = '2026-11-01';
    const to = '2026-12-31';
    const byStaff = await ask(hub, manager(hub), 'reports.kpi', { report: 'cases', dimension: 'staff', bucket: 'total', from, to });
    const staffIds = [...new Set(raw.flatMap((c) => [c.first_clerk_id, c.handler_id ?? c.first_clerk_id]))].sort();
    expect(byStaff.rows.map((r) => r.key).sort()).toEqual(staffIds);
    for (const id of staffIds) {
      const got = byStaff.rows.find((r) => r.key === id)!.sums;
      const received = raw.filter((c) => c.first_clerk_id === id);
      const handled = raw.filter((c) => (c.handler_id ?? c.first_clerk_id) === id && c.concluded_at !== null);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
      expect(
        Object.fromEntries(
          [
            'received',
            'accepted',
            'concluded',
            'onTime',
            'overdue',
            'avgUsedDays',
            'avgPromisedDays',
            'supplementPct',
            'yellow',
            'red',
          ].map((f) => [f, figure(f, got)]),
        ),
        id,
      ).toEqual({
        received: received.length,
        accepted: received.filter((c) => c.accepted_at !== null).length,
        concluded: handled.length,
        onTime: handled.filter((c) => c.on_time === 1).length,
        overdue: handled.filter((c) => c.on_time === 0).length,
        avgUsedDays: mean(handled.map((c) => c.used_days!)),
        avgPromisedDays: mean(handled.map((c) => c.promised_limit)),
        supplementPct: handled.length ? (100 * handled.filter((c) => c.supplement_count > 0).length) / handled.length : null,
        yellow: raw.filter((c) => c.handler_id === id && c.card === 'yellow').length,
        red: raw.filter((c) => c.handler_id === id && c.card === 'red').length,
      });
    }
    // By day: each case counted on the day of each of its moments, the days adding to the total.
    const byDay = await ask(hub, manager(hub), 'reports.kpi', { report: 'cases', dimension: 'hall', bucket: 'day', from, to });
    const hallDay = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    const receivedOn = Object.fromEntries(byDay.rows.filter((r) => r.sums.received).map((r) => [r.bucket, r.sums.received]));
    expect(receivedOn).toEqual({ [hallDay(c1.received_at)]: 3 });
    const concludedOn = Object.fromEntries(byDay.rows.filter((r) => r.sums.concluded).map((r) => [r.bucket, r.sums.concluded]));
    expect(concludedOn).toEqual(Object.fromEntries(raw.filter((c) => c.concluded_at).map((c) => [hallDay(c.concluded_at!), 1])));

    // The case rows rebuilt from the cases equal those the closes wrote.
    const dump = () => hub.db.prepare('SELECT * FROM report_case_days ORDER BY 1, 2, 3').all();
    const maintained = dump();
    hub.db.prepare('DELETE FROM report_case_days').run();
    signInManager(hub);
    ok(actors(hub).manager('reports.rebuild', {}));
    await hub.rebuilds.whenIdle();
    expect(dump()).toEqual(maintained);
  }, 60_000);
});

describe('satisfaction and a clerk’s own figures', () => {
  it('好差评 in reports equals ratings.summary group by group, and its days add to the period', async () => {
    const { hub } = await reportHall(3);
    // Today, counter 1 serves three and its applicants rate at its evaluator: very satisfied, satisfied, and a 差评.
    const { kiosk, clerk } = actors(hub);
    const levels = [5, 4, 2];
    for (const level of levels) {
      const n = 1;
      const counterId = `H3301-c-0${n}`;
      const run = <T extends CommandType>(type: T, payload: CommandPayload<T>) => ok(clerk(n - 1)(type, payload));
      if (hub.store.get('counters', counterId)!.state === 'closed')
        run('counter.signIn', { counterId, login: `c0${n}`, password: 'demo1234' });
      const serviceId = hub.store.where('counter_services', 'counter_id = ? AND position = 0', counterId)[0]!.service_id;
      ok(kiosk('ticket.issue', { serviceId, priority: 'normal', confirm: null }));
      run('ticket.callNext', { counterId });
      run('ticket.start', { counterId });
      const { ticket } = run('ticket.finish', { counterId, handledServiceIds: [serviceId] }) as { ticket: Row<'tickets'> };
      const request = hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!;
      const evaluator: Caller = { terminalId: 'H3301-t-evaluator-1', role: 'evaluator', counterId };
      const answer = hub.execute(evaluator, {
        opId: opId(),
        type: 'rating.submit',
        payload: { requestId: request.id, level, subScores: {}, reasons: level <= 2 ? ['attitude'] : [], comment: '' },
      });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
    }
    const period = { from: '2026-11-01', to: '2026-11-30' };
    for (const by of ['department', 'counter', 'staff', 'service'] as const) {
      const summary = await ask(hub, manager(hub), 'ratings.summary', { ...period, by });
      const report = await ask(hub, manager(hub), 'reports.kpi', { ...period, report: 'ratings', dimension: by, bucket: 'total' });
      const ofSummary = Object.fromEntries(summary.groups.map((g) => [g.id ?? '', g.tally]));
      expect(Object.fromEntries(report.rows.map((r) => [r.key, r.sums])), by).toEqual(ofSummary);
    }
    const hall = await ask(hub, manager(hub), 'reports.kpi', { ...period, report: 'ratings', dimension: 'hall', bucket: 'total' });
    const days = await ask(hub, manager(hub), 'reports.kpi', { ...period, report: 'ratings', dimension: 'hall', bucket: 'day' });
    const summed = days.rows.reduce<Record<string, number>>((s, r) => {
      for (const [k, v] of Object.entries(r.sums)) s[k] = (s[k] ?? 0) + v;
      return s;
    }, {});
    expect(summed).toEqual(hall.rows[0]!.sums);
    expect(hall.rows[0]!.sums).toMatchObject({ active: 3, satisfied: 2, bad: 1 });
    expect(FIGURES.ratings.find((f) => f.id === 'satisfactionPct')!.value(hall.rows[0]!.sums as never)).toBeCloseTo(200 / 3, 9);
  }, 60_000);

  it('a clerk sees their own figures today and this month, and nobody else’s; the roles are kept', async () => {
    const { hub, clock } = await reportHall(3);
    const { kiosk, clerk } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const serviceId = hub.store.where('counter_services', 'counter_id = ? AND position = 0', 'H3301-c-01')[0]!.service_id;
    ok(kiosk('ticket.issue', { serviceId, priority: 'normal', confirm: null }));
    clock.advance(4 * 60_000);
    ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
    clock.advance(6 * 60_000);
    ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: [serviceId] }));
    clock.advance(60_000);

    const mine = await ask(hub, callerOf(terminal(hub, 'clerk', 0)), 'reports.mine', {});
    const staffId = 'H3301-u-1';
    const finishes = (since: string) =>
      hub.db
        .prepare(
          "SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.type = 'finish' AND e.staff_id = ? AND t.day >= ?",
        )
        .pluck()
        .get(staffId, since) as number;
    expect(mine.today.queue).toMatchObject({ finished: finishes('2026-11-24'), called: 1, wait_ms: 4 * 60_000, service_ms: 6 * 60_000 });
    expect(mine.month.queue.finished).toBe(finishes('2026-11-01'));
    expect(mine.month.queue.finished).toBeGreaterThan(mine.today.queue.finished!);
    // Signed in for the eleven minutes since, serving six of them.
    expect(mine.today.counters).toMatchObject({ signed_in_ms: 11 * 60_000, serving_ms: 6 * 60_000, finished: 1 });

    // Counter 2's clerk is not signed in today: nothing of c01's shows there.
    const other = await ask(hub, callerOf(terminal(hub, 'clerk', 1)), 'reports.mine', {});
    expect(other.today.queue.finished).toBe(0);
    expect(other.month.queue.finished).toBe(0);
    // The board asks reports, a clerk only their own; a report's dimension must be one it is kept by.
    const clerkAsks = await hub.query(callerOf(terminal(hub, 'clerk', 0)), {
      name: 'reports.kpi',
      params: { report: 'queue', dimension: 'staff', bucket: 'total', from: '2026-11-01', to: '2026-11-30' },
    });
    expect(clerkAsks).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await hub.query(manager(hub), { name: 'reports.mine', params: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const params of [
      { report: 'counters', dimension: 'service', bucket: 'total', from: '2026-11-01', to: '2026-11-30' },
      { report: 'cases', dimension: 'hall', bucket: 'hour', from: '2026-11-01', to: '2026-11-30' },
      { report: 'queue', dimension: 'hall', bucket: 'total', from: '2026-11-30', to: '2026-11-01' },
      { report: 'queue', dimension: 'hall', bucket: 'total', from: '2000-01-01', to: '2026-11-01' },
    ])
      expect(await hub.query(manager(hub), { name: 'reports.kpi', params }), JSON.stringify(params)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
  }, 60_000);
});
