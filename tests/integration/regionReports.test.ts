import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { QueryAnswer } from '../../shared/protocol';
import { REGION_COUNTER_SUMS } from '../../main/region/hallFigures';
import { reportClosedDays } from '../../main/region/reportDays';
import { Board } from '../../shared/region/board';
import { RegionReport } from '../../shared/region/reports';
import { PAUSE_REASONS } from '../../shared/counter/rules';
import { FIGURES } from '../../shared/reports/figures';
import { actors, ok } from '../support/actors';
import { callerOf, signInManager, terminal } from '../support/hub';
import { REGION_PASSWORD } from '../support/regionHalls';
import { nine, regionDays } from '../support/regionDays';

const hallDayOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

async function session(url: string, login: string): Promise<string> {
  const answer = await fetch(`${url}/api/session`, { method: 'POST', body: JSON.stringify({ login, password: REGION_PASSWORD }) });
  return ((await answer.json()) as { token: string }).token;
}
const get = (url: string, token: string, path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
async function report(url: string, token: string, q: Record<string, string>): Promise<RegionReport> {
  const answer = await get(url, token, `/api/report?${new URLSearchParams(q)}`);
  expect(answer.status).toBe(200);
  return RegionReport.parse(await answer.json());
}

/**
 * What a report should say of a hall, counted here from the hall's own rows, apart from the
 * figures' code: the tickets of the closed days in the months (each ticket called at most once, so
 * its wait is its call less its issue), the cases with a moment on a day the closes covered, and
 * the rating requests made on those days with their ratings.
 */
function expected(hub: Hub, closed: readonly string[], covered: (day: string) => boolean, months: readonly string[], asOf: number) {
  const inMonths = (day: string) => months.includes(day.slice(0, 7));
  const target = new Map(hub.store.all('services').map((s) => [s.id, s.max_wait_min * 60_000]));
  const tickets = hub.store.all('tickets').filter((t) => closed.includes(t.day) && inMonths(t.day));
  const called = tickets.filter((t) => t.called_at !== null);
  const finished = tickets.filter((t) => t.status === 'finished');
  const queue = {
    issued: tickets.length,
    called: called.length,
    wait_ms: called.reduce((n, t) => n + t.called_at! - t.issued_at, 0),
    within_target: called.filter((t) => t.called_at! - t.issued_at <= target.get(t.service_id)!).length,
    uncalled: tickets.length - called.length,
    started: tickets.filter((t) => t.started_at !== null).length,
    walk_ms: finished.reduce((n, t) => n + t.started_at! - t.called_at!, 0),
    finished: finished.length,
    service_ms: finished.reduce((n, t) => n + t.finished_at! - t.started_at!, 0),
    total_ms: finished.reduce((n, t) => n + t.finished_at! - t.issued_at, 0),
  };
  const on = (at: number | null) => at !== null && covered(hallDayOf(at)) && inMonths(hallDayOf(at));
  const cases = hub.store.all('cases');
  const concluded = cases.filter((c) => on(c.concluded_at));
  const caseSums = {
    received: cases.filter((c) => on(c.received_at)).length,
    accepted: cases.filter((c) => on(c.accepted_at)).length,
    concluded: concluded.length,
    on_time: concluded.filter((c) => c.on_time === 1).length,
    overdue: concluded.filter((c) => c.on_time === 0).length,
  };
  const requests = hub.store.all('rating_requests').filter((r) => on(r.created_at));
  const levels = new Map(hub.store.all('ratings').map((g) => [g.id, g]));
  const active = requests.map((r) => levels.get(r.id)).filter((g) => g !== undefined && g.excluded === 0);
  const ratings = {
    services: requests.length,
    active: active.length,
    satisfied: active.filter((g) => g!.level >= 3).length,
    bad: active.filter((g) => g!.level <= 2).length,
    unrated: requests.filter((r) => r.status === 'unrated' || (r.status === 'pending' && r.expires_at <= asOf)).length,
  };
  return { queue, cases: caseSums, ratings };
}

/** The hall's own counters report by hall over [from, to] (closed days), as its board asks for it: every sum of the report. */
async function hallCounters(hub: Hub, from: string, to: string): Promise<Record<string, number>> {
  signInManager(hub);
  const answer = (await hub.query(callerOf(terminal(hub, 'manager')), {
    name: 'reports.kpi',
    params: { report: 'counters', dimension: 'hall', bucket: 'total', from, to },
  })) as QueryAnswer;
  if (!answer.ok) throw new Error(answer.error.code);
  const sums = (answer.result as { rows: { sums: Record<string, number> }[] }).rows[0]?.sums ?? {};
  return Object.fromEntries(REGION_COUNTER_SUMS.map((k) => [k, sums[k] ?? 0]));
}

/**
 * Counter-hours signed in on the closed days, from the hall's counter log: each counter from a
 * sign-in (or from midnight when the day found it signed in) to its sign-out, or to the day's close.
 */
function signedInMs(hub: Hub, days: readonly { day: string; closed_at: number | null }[]): number {
  const log = hub.store.all('counter_log').sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  let total = 0;
  for (const { day, closed_at } of days) {
    const start = Date.parse(`${day}T00:00:00+08:00`);
    const end = Math.min(closed_at!, start + 86_400_000);
    for (const counterId of new Set(log.map((l) => l.counter_id))) {
      const own = log.filter((l) => l.counter_id === counterId);
      const before = own.filter((l) => l.at < start).at(-1);
      let since = before && before.event !== 'sign_out' ? start : null;
      for (const l of own.filter((x) => x.at >= start && x.at < start + 86_400_000)) {
        if (l.event === 'sign_out') {
          if (since !== null) total += Math.max(0, l.at - since);
          since = null;
        } else since ??= l.at;
      }
      if (since !== null) total += Math.max(0, end - since);
    }
  }
  return total;
}

describe('regional reports over months, by hall and by level', () => {
  it('count each hall’s closed days as the hall does, add halls and months, and keep to the supervisor’s subtree', async () => {
    const net = await regionDays('2026-10-26');
    const { hubs, url, clock, workDay, accepted, conclude, settle } = net;
    const [jia, yi, bing] = hubs as [Hub, Hub, Hub];
    // Monday 10-26: three days of different sizes; 甲县 receives a case after hours, which the next close counts.
    workDay(jia, '2026-10-26', 4, { ratings: [5, 1] });
    // 乙县's counter 3 pauses twice that day (a listed reason, and words of the clerk's own), and counter 2 signs out early.
    workDay(yi, '2026-10-26', 6, {
      ratings: [4],
      during: () => {
        const clerk = actors(yi).clerk(2);
        ok(clerk('counter.pause', { counterId: 'H3303-c-03', reason: PAUSE_REASONS.systemFault }));
        clock.advance(20 * 60_000);
        ok(clerk('counter.resume', { counterId: 'H3303-c-03' }));
        ok(clerk('counter.pause', { counterId: 'H3303-c-03', reason: '接听群众电话' }));
        clock.advance(5 * 60_000);
        ok(clerk('counter.resume', { counterId: 'H3303-c-03' }));
        ok(actors(yi).clerk(1)('counter.signOut', { counterId: 'H3303-c-02' }));
      },
    });
    workDay(bing, '2026-10-26', 3);
    const late = accepted(jia);
    await settle();
    // Monday 11-02: 乙县 concludes a case within its limit the same day.
    workDay(jia, '2026-11-02', 5, { ratings: [2, 3] });
    workDay(yi, '2026-11-02', 2, { during: () => conclude(yi, accepted(yi)) });
    workDay(bing, '2026-11-02', 7, { ratings: [5] });
    await settle();
    const closedAt = clock();
    // Monday 11-09: another case at 甲县, nothing closed after.
    clock.set(nine('2026-11-09'));
    accepted(jia);
    await settle();

    // The region counts ratings by their level; an applicant's own words stay in the hall.
    const { rows: given } = await net.region.store.pool.query<{ n: number; worded: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE row ? 'comment')::int AS worded FROM hall_rows WHERE tbl = 'ratings'",
    );
    expect(given[0]).toEqual({ n: 6, worded: 0 });

    const shi = await session(url, 'shi');
    const closed = ['2026-10-26', '2026-11-02'];
    const covered = (day: string) => day >= '2026-10-26' && day <= '2026-11-02';
    for (const months of [['2026-10'], ['2026-11'], ['2026-10', '2026-11']]) {
      const q = { from: months[0]!, to: months.at(-1)!, node: 'city' };
      for (const kind of ['queue', 'cases', 'ratings'] as const) {
        const r = await report(url, shi, { kind, ...q });
        expect(r.halls.map((h) => h.hallId).sort()).toEqual(['H3302', 'H3303', 'H3304']);
        const total: Record<string, number> = {};
        for (const hub of hubs) {
          const want = expected(hub, closed, covered, months, closedAt)[kind];
          const row = r.halls.find((h) => h.hallId === hub.hallId)!;
          expect(row.sums, `${kind} ${hub.hallId} ${months.join('+')}`).toMatchObject(want);
          for (const [k, v] of Object.entries(want)) total[k] = (total[k] ?? 0) + v;
        }
        expect(r.total).toMatchObject(total);
        expect(r.closedThrough).toBe('2026-11-02');
      }
    }
    const allMonths = await report(url, shi, { kind: 'counters', from: '2026-10', to: '2026-11', node: 'city' });
    // The counters' time: each hall's as its own report says it, signed-in time and tickets finished counted here from its rows.
    for (const months of [['2026-10'], ['2026-11'], ['2026-10', '2026-11']]) {
      const r = await report(url, shi, { kind: 'counters', from: months[0]!, to: months.at(-1)!, node: 'city' });
      const total: Record<string, number> = {};
      for (const hub of hubs) {
        const row = r.halls.find((h) => h.hallId === hub.hallId)!;
        const own = await hallCounters(hub, `${months[0]}-01`, `${months.at(-1)}-30`);
        expect(row.sums, `counters ${hub.hallId} ${months.join('+')}`).toEqual(own);
        const days = hub.store.all('hall_days').filter((d) => d.closed_at !== null && months.includes(d.day.slice(0, 7)));
        expect(row.sums.signed_in_ms).toBe(signedInMs(hub, days));
        expect(row.sums.finished).toBe(
          hub.store.all('tickets').filter((t) => t.status === 'finished' && days.some((d) => d.day === t.day)).length,
        );
        expect(row.sums.signed_in_ms).toBeGreaterThan(0);
        for (const [k, v] of Object.entries(own)) total[k] = (total[k] ?? 0) + v;
      }
      expect(r.total).toEqual(total);
    }
    expect(allMonths.halls.find((h) => h.hallId === 'H3303')!.sums).toMatchObject({
      paused_ms: 25 * 60_000,
      paused_systemFault_ms: 20 * 60_000,
      paused_other_ms: 5 * 60_000,
    });
    const throughput = FIGURES.counters.find((f) => f.id === 'throughput')!;
    expect(throughput.value(allMonths.total as never)).toBeCloseTo(
      (allMonths.total.finished! / allMonths.total.signed_in_ms!) * 3_600_000,
      9,
    );

    // A figure of the total is its sums' quotient, never the mean of the halls' figures.
    const both = await report(url, shi, { kind: 'queue', from: '2026-10', to: '2026-11', node: 'city' });
    const avgWait = FIGURES.queue.find((f) => f.id === 'avgWait')!;
    const all = hubs.flatMap((hub) => hub.store.all('tickets').filter((t) => closed.includes(t.day) && t.called_at !== null));
    expect(avgWait.value(both.total as never)).toBeCloseTo(
      all.reduce((n, t) => n + t.called_at! - t.issued_at, 0) / all.length / 60_000,
      9,
    );
    const meanOfHalls = both.halls.map((h) => avgWait.value(h.sums as never)!).reduce((a, b) => a + b) / 3;
    expect(avgWait.value(both.total as never)).not.toBeCloseTo(meanOfHalls, 3);
    // The case received after hours on 10-26 is October's, counted by the close of 11-02.
    const octCases = await report(url, shi, { kind: 'cases', from: '2026-10', to: '2026-10', node: 'city' });
    expect(octCases.halls.find((h) => h.hallId === 'H3302')!.sums).toMatchObject({ received: 1, accepted: 1 });
    expect(jia.store.get('cases', late)!.status).toBe('accepted');
    const novCases = await report(url, shi, { kind: 'cases', from: '2026-11', to: '2026-11', node: 'city' });
    expect(novCases.total).toMatchObject({ concluded: 1, on_time: 1 });

    // Report rows lost (a region stopped between a batch and its days) are made again, the same, from the rows held.
    const before = await report(url, shi, { kind: 'queue', from: '2026-10', to: '2026-11', node: 'city' });
    await net.region.store.pool.query("DELETE FROM region_queue_days WHERE hall_id = 'H3302'");
    await net.region.store.pool.query("DELETE FROM region_report_days WHERE hall_id = 'H3302'");
    expect(await reportClosedDays(net.region.store, 'H3302', closedAt)).toBe(2);
    expect(await reportClosedDays(net.region.store, 'H3302', closedAt)).toBe(0);
    expect(await report(url, shi, { kind: 'queue', from: '2026-10', to: '2026-11', node: 'city' })).toEqual(before);

    // A level: 甲县's subtree is its centre and 丙镇's, with their own sums.
    const county = await report(url, shi, { kind: 'queue', from: '2026-10', to: '2026-11', node: 'jx' });
    expect(county.halls.map((h) => h.hallId).sort()).toEqual(['H3302', 'H3304']);
    expect(county.total.issued).toBe(4 + 5 + 3 + 7);

    // 甲县's supervisor: their county and below, nothing else, and the same refusal for a node that does not exist.
    const jx = await session(url, 'jia');
    expect((await report(url, jx, { kind: 'queue', from: '2026-10', to: '2026-11', node: 'bz' })).halls.map((h) => h.hallId)).toEqual([
      'H3304',
    ]);
    for (const node of ['yx', 'city', 'nowhere']) {
      const refused = await get(url, jx, `/api/report?kind=queue&from=2026-10&to=2026-11&node=${node}`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await fetch(`${url}/api/report?kind=queue&from=2026-10&to=2026-11&node=jx`)).status).toBe(401);
    for (const bad of [
      'kind=queue&from=2026-11&to=2026-10&node=jx',
      'kind=queue&from=2026-13&to=2026-10&node=jx',
      'kind=appointments&from=2026-10&to=2026-11&node=jx',
      'kind=queue&from=2000-01&to=2026-11&node=jx',
      'kind=queue&from=2026-10&to=2026-11&node=jx&extra=1',
    ]) {
      const refused = await get(url, jx, `/api/report?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }

    // The board on Friday 11-20: each hall's cases yellow and red as the hall's own supervision list
    // says (甲县's first case red, due 11-09); 乙县's case this month was on time; today's 好差评 at 甲县.
    clock.set(nine('2026-11-20'));
    workDay(jia, '2026-11-20', 5, { ratings: [5, 1], close: false });
    await settle();
    const board = Board.parse(await (await get(url, shi, '/api/board')).json());
    for (const hub of hubs) {
      signInManager(hub);
      const answer = (await hub.query(callerOf(terminal(hub, 'manager')), { name: 'cases.supervision', params: {} })) as QueryAnswer;
      if (!answer.ok) throw new Error(answer.error.code);
      const signals = (answer.result as { rows: { signal: string }[] }).rows.map((r) => r.signal);
      expect(board.halls.find((h) => h.hallId === hub.hallId)).toMatchObject({
        yellow: signals.filter((s) => s === 'yellow').length,
        red: signals.filter((s) => s === 'red').length,
      });
    }
    const tile = board.halls.find((h) => h.hallId === 'H3302')!;
    expect(tile.red).toBe(1);
    expect(tile.departments).toEqual([
      {
        departmentId: jia.store.get('catalog_items', 'H3302-item-001')!.department_id,
        name: expect.any(String),
        yellow: tile.yellow,
        red: 1,
      },
    ]);
    const today = jia.store.all('rating_requests').filter((r) => hallDayOf(r.created_at) === '2026-11-20');
    expect(tile.ratings).toEqual({ services: today.length, active: 2, satisfied: 1, bad: 1 });
    // 乙县's case was concluded on time, and its delivery is overdue since 11-16 (art. 44): red.
    expect(board.halls.find((h) => h.hallId === 'H3303')).toMatchObject({ concluded: 1, onTime: 1, yellow: 0, red: 1 });
    expect(board.nodes.map((n) => n.id).sort()).toEqual(['bz', 'city', 'jx', 'yx']);
  });
});
