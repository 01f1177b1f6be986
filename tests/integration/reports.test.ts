import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { QueryResult, Row } from '../../shared/protocol';
import { pauseReasonCode } from '../../shared/counter/rules';
import { FIGURES, type SumsOf } from '../../shared/reports/figures';
import type { ReportBucket, ReportDimension, ReportKind } from '../../shared/reports/enums';
import { actors, ok } from '../support/actors';
import { callerOf, signInManager, terminal } from '../support/hub';
import { scriptedHall } from '../support/scriptedHall';
import { noShow, rawDay, type Stay } from '../support/rawQueueFigures';

/**
 * A scripted hall day over two clock hours — recalls, transfers (to a service and to a counter),
 * parks, no-shows and a reinstatement, pauses for two reasons, a sign-out — closed, and every report
 * figure the board shows held against the same figure computed apart in this file from the raw
 * tickets, ticket_events and counter_log rows (queue entries by support/rawQueueFigures; counter
 * time by looking at the hall minute by minute). Then the aggregates rebuilt from the events equal
 * those the close maintained.
 */

const MIN = 60_000;
const START = Date.parse('2026-11-25T01:30:00Z'); // 09:30 in the hall: the day crosses 10:00 and 11:00
const DAY = '2026-11-25';
const DAY_START = Date.parse('2026-11-24T16:00:00Z');

async function scriptedDay() {
  const { hub, at, desk, take, manager } = await scriptedHall(START);
  const [c1, c2, c4] = [desk(1), desk(2), desk(4)];
  at(0);
  c1.signIn();
  c2.signIn();
  at(1);
  take('A');
  take('A');
  take('B');
  take('C');
  at(4);
  c1.call();
  c2.call();
  at(5);
  c1.run('ticket.recall');
  at(7);
  c1.run('ticket.start');
  c2.run('ticket.recall');
  at(9);
  c2.run('ticket.noShow');
  at(10);
  c4.signIn();
  take('A');
  c2.call();
  at(12);
  c2.run('ticket.start');
  c1.run('ticket.transfer', { toServiceId: 'H3301-s-B', toCounterId: null, mode: 'back' }); // A001 into B's line
  at(14);
  c4.call();
  c1.run('counter.pause', { reason: '临时离开' });
  at(16);
  c4.run('ticket.start');
  c2.run('ticket.park', { minutes: 10 }); // B001 steps away, back at counter 2 at 09:56
  at(18);
  c2.run('ticket.reinstate', { number: 'A002' });
  c2.call();
  at(19);
  c2.run('ticket.start');
  at(22);
  c1.run('counter.resume');
  c1.call();
  at(24);
  c1.run('ticket.start');
  c4.run('ticket.transfer', { toServiceId: null, toCounterId: c1.counterId, mode: 'keep' }); // C001 to counter 1 alone
  at(27);
  c2.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
  c4.run('counter.pause', { reason: '会议' });
  at(31);
  c2.call();
  at(33);
  c2.run('ticket.start');
  c1.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
  c1.call();
  at(35);
  c1.run('ticket.start');
  at(41);
  c4.run('counter.resume');
  take('C');
  take('B');
  at(44);
  c2.run('ticket.finish', { handledServiceIds: ['H3301-s-B'] });
  c2.call();
  at(52);
  c2.run('ticket.start');
  c1.run('ticket.finish', { handledServiceIds: ['H3301-s-C'] });
  at(58);
  c4.call();
  at(63);
  c4.run('ticket.noShow');
  c4.run('counter.signOut');
  at(71);
  c2.run('ticket.finish', { handledServiceIds: ['H3301-s-B'] });
  at(80);
  take('A');
  at(95);
  signInManager(hub);
  ok(manager('day.close', { reason: '测试：提前日终' }));
  return { hub, closedAt: START + 95 * MIN, at };
}

async function report(hub: Hub, report: ReportKind, dimension: ReportDimension, bucket: ReportBucket) {
  signInManager(hub);
  const answer = await hub.query(callerOf(terminal(hub, 'manager')), {
    name: 'reports.kpi',
    params: { report, dimension, bucket, from: DAY, to: DAY },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result as QueryResult<'reports.kpi'>;
}

/** Each row's figures as the board shows them, keyed by group and bucket. */
function shown<K extends ReportKind>(kind: K, result: QueryResult<'reports.kpi'>) {
  return Object.fromEntries(
    result.rows
      .map((r) => [`${r.key}|${r.bucket}`, Object.fromEntries(FIGURES[kind].map((f) => [f.id, round(f.value(r.sums as never))]))] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** The queue figures of a group of entries (stays), computed apart from their raw times. */
function expectedQueue(hub: Hub, stays: Stay[], issuedHere: number) {
  const maxWait = new Map(rawDay(hub, START).services.map((s) => [s.id, s.max_wait_min * MIN]));
  const called = stays.filter((s) => s.lastCall !== null);
  const started = stays.filter((s) => s.start !== null);
  const done = stays.filter((s) => s.how === 'finish');
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const noShows = stays.filter(noShow).length;
  return {
    issued: issuedHere,
    called: called.length,
    finished: done.length,
    transferred: stays.filter((s) => s.how === 'transfer').length,
    noShows,
    noShowPct: round(issuedHere ? (100 * noShows) / issuedHere : null),
    avgWait: round(mean(called.map((s) => (s.lastCall! - s.since) / MIN))),
    serviceLevel: round(
      called.length ? (100 * called.filter((s) => s.lastCall! - s.since <= maxWait.get(s.service)!).length) / called.length : null,
    ),
    avgWalk: round(mean(started.map((s) => (s.start! - s.lastCall!) / MIN))),
    avgService: round(mean(done.map((s) => (s.end! - s.start!) / MIN))),
    avgTotal: round(mean(done.map((s) => (s.end! - s.ticket.issued_at) / MIN))),
    uncalled: stays.filter((s) => s.how === 'day_close' && s.lastCall === null).length,
  };
}

describe('reports over a scripted day', () => {
  it('every queue figure, by every dimension, by hour and in total, equals the raw computation', async () => {
    const { hub, closedAt } = await scriptedDay();
    const raw = rawDay(hub, closedAt);
    const hourOf = (s: Stay) => String(Math.floor((s.since - DAY_START) / 3_600_000)).padStart(2, '0');
    const issuedOf = (ss: Stay[]) => ss.filter((s) => s.since === s.ticket.issued_at && s.ticket.issued_service_id === s.service).length;
    const groups = (key: (s: Stay) => string | null, bucket: (s: Stay) => string) => {
      const out: Record<string, ReturnType<typeof expectedQueue>> = {};
      const keys = [...new Set(raw.stays.filter((s) => key(s) !== null).map((s) => `${key(s)}|${bucket(s)}`))].sort();
      for (const k of keys) {
        const here = raw.stays.filter((s) => `${key(s)}|${bucket(s)}` === k);
        out[k] = expectedQueue(hub, here, issuedOf(here));
      }
      return out;
    };
    const department = new Map(raw.services.map((s) => [s.id, s.department_id ?? '']));
    const dims: [ReportDimension, (s: Stay) => string | null][] = [
      ['hall', () => ''],
      ['department', (s) => department.get(s.service)!],
      ['service', (s) => s.service],
      ['counter', (s) => s.counter],
      ['staff', (s) => s.staff],
    ];
    for (const [dimension, key] of dims) {
      expect(shown('queue', await report(hub, 'queue', dimension, 'total')), dimension).toEqual(groups(key, () => ''));
      expect(shown('queue', await report(hub, 'queue', dimension, 'hour')), `${dimension} by hour`).toEqual(groups(key, hourOf));
    }
    // The day really had what the script meant: recalls, both kinds of transfer, parks, no-shows, uncalled.
    const hallRow = shown('queue', await report(hub, 'queue', 'hall', 'day'))[`|${DAY}`]!;
    expect(hallRow).toMatchObject({ issued: 8, transferred: 2, noShows: 2, uncalled: 2 });
  }, 60_000);

  it('counter time: signed in, serving, paused by reason, idle while the queue waited, throughput', async () => {
    const { hub, closedAt } = await scriptedDay();
    const raw = rawDay(hub, closedAt);
    const log = hub.db.prepare('SELECT * FROM counter_log ORDER BY at, id').all() as Row<'counter_log'>[];
    const works = hub.db.prepare('SELECT counter_id, service_id FROM counter_services').all() as {
      counter_id: string;
      service_id: string;
    }[];
    // The hall looked at in the middle of every minute (the script moves on whole minutes only).
    type Cell = Record<string, number>;
    const expected = { counter: new Map<string, Cell>(), staff: new Map<string, Cell>() };
    const add = (map: Map<string, Cell>, key: string, column: string) => {
      const cell = map.get(key) ?? map.set(key, {}).get(key)!;
      cell[column] = (cell[column] ?? 0) + MIN;
    };
    for (let t = START + MIN / 2; t < closedAt; t += MIN) {
      for (const counterId of new Set(log.map((l) => l.counter_id))) {
        const last = log.filter((l) => l.counter_id === counterId && l.at <= t).at(-1);
        if (!last || last.event === 'sign_out') continue;
        const staffId = log.filter((l) => l.counter_id === counterId && l.at <= t && l.event === 'sign_in').at(-1)!.staff_id!;
        const paused = last.event === 'pause';
        const holding = raw.stays.some((s) => s.counter === counterId && s.firstCall! <= t && (s.end ?? closedAt) > t);
        const serving = raw.stays.some((s) => s.counter === counterId && s.start !== null && s.start <= t && (s.end ?? closedAt) > t);
        const canCall = (s: Stay) =>
          s.sentTo === null ? works.some((w) => w.counter_id === counterId && w.service_id === s.service) : s.sentTo === counterId;
        const someoneWaits = raw.stays.some((s) => canCall(s) && s.since <= t && (s.firstCall ?? s.end ?? closedAt) > t);
        for (const [map, key] of [
          [expected.counter, counterId],
          [expected.staff, staffId],
        ] as const) {
          add(map, key, 'signed_in_ms');
          if (serving) add(map, key, 'serving_ms');
          if (paused) add(map, key, 'paused_ms');
          if (paused) add(map, key, `paused_${pauseReasonCode(last.reason!) ?? 'other'}_ms`);
          if (!paused && !holding && someoneWaits) add(map, key, 'idle_waiting_ms');
        }
      }
    }
    for (const dim of ['counter', 'staff'] as const) {
      const result = await report(hub, 'counters', dim, 'total');
      const finished = (key: string) =>
        raw.stays.filter((s) => (dim === 'counter' ? s.counter : s.staff) === key && s.how === 'finish').length;
      const got = Object.fromEntries(
        result.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.sums).filter(([, v]) => v !== 0))]),
      );
      const want = Object.fromEntries(
        [...expected[dim]].map(([key, cell]) => [key, { ...cell, ...(finished(key) ? { finished: finished(key) } : {}) }]),
      );
      expect(got, dim).toEqual(want);
      // Throughput is finished per signed-in hour of the row's own sums.
      for (const r of result.rows) {
        const s = r.sums as SumsOf<'counters'>;
        const figure = FIGURES.counters.find((f) => f.id === 'throughput')!.value(s);
        expect(figure).toBeCloseTo(s.finished / (s.signed_in_ms / 3_600_000), 9);
      }
    }
    // The script paused for two reasons and left people waiting at open, idle counters.
    const hall = (await report(hub, 'counters', 'hall', 'total')).rows[0]!.sums;
    expect(hall.paused_away_ms).toBe(8 * MIN);
    expect(hall.paused_meeting_ms).toBe(14 * MIN);
    expect(hall.idle_waiting_ms).toBeGreaterThan(0);
  }, 60_000);

  it('aggregates rebuilt from the events equal those the day’s close maintained', async () => {
    const { hub, at } = await scriptedDay();
    const tables = ['report_queue_days', 'report_counter_days', 'report_pause_days', 'report_case_days'];
    const dump = () => Object.fromEntries(tables.map((t) => [t, hub.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).all()]));
    const maintained = dump();
    expect(maintained.report_queue_days!.length).toBeGreaterThan(10);
    expect(maintained.report_pause_days!.length).toBeGreaterThan(1);
    // Lose and spoil some rows: the rebuild writes them back from the events alone.
    hub.db.prepare("DELETE FROM report_queue_days WHERE dim = 'staff'").run();
    hub.db.prepare('UPDATE report_counter_days SET signed_in_ms = 0').run();
    expect(dump()).not.toEqual(maintained);
    at(200);
    signInManager(hub);
    const rebuilt = ok(actors(hub).manager('reports.rebuild', {}));
    expect(rebuilt).toEqual({ days: 1 });
    await hub.rebuilds.whenIdle();
    expect(dump()).toEqual(maintained);
  }, 60_000);
});
