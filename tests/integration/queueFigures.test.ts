import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { fromSnapshot, type QueryResult } from '../../shared/protocol';
import { ticketWaitMs } from '../../shared/queue/entries';
import { hallDay, hallDayStart } from '../../shared/queue/rules';
import { boardAlerts, clerkFigures, queueDay, serviceRows } from '../../renderer/src/features/queue/day';
import { ok } from '../support/actors';
import { callerOf, signInManager, terminal } from '../support/hub';
import { scriptedHall } from '../support/scriptedHall';
import { expectedAlerts, expectedClerk, expectedServiceRows, expectedTicketWait, expectedToday } from '../support/rawQueueFigures';

/**
 * A scripted hall day, and every queue figure the product shows (the hub's today query, the board's
 * service rows and alerts, each clerk's own figures), each held against the same figure computed
 * apart, from the hub's raw tickets and ticket_events rows by DOMAIN.md's words (support/rawQueueFigures).
 */

const MIN = 60_000;
const START = Date.parse('2026-11-25T01:00:00Z'); // 09:00 in the hall
const OFFSET = 480;

const hall = () => scriptedHall(START);

/** Every queue figure the faces show, as they compute them, against the same figures computed apart. */
async function checkEveryFigure(hub: Hub, clerks: { staffId: string; terminalId: string }[], now: number) {
  const day = hallDay(now, OFFSET);
  const board = fromSnapshot(hub.snapshot(terminal(hub, 'manager').id));
  const q = queueDay(board, day, now);

  signInManager(hub); // hours into the day: the board's administrator signs in again
  const today = await hub.query(callerOf(terminal(hub, 'manager')), { name: 'hall.today', params: {} });
  if (!today.ok) throw new Error(today.error.message);
  expect((today.result as QueryResult<'hall.today'>).tickets).toEqual(expectedToday(hub, now));

  const rows = serviceRows(board, q).map(({ service, ...figures }) => ({ prefix: service.prefix, ...figures }));
  expect(rows).toEqual(expectedServiceRows(hub, now));

  const byKey = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  expect(byKey(boardAlerts(board, q, now))).toEqual(byKey(expectedAlerts(hub, now)));

  for (const c of clerks) {
    const replica = fromSnapshot(hub.snapshot(c.terminalId));
    const own = queueDay(replica, day, now);
    expect(clerkFigures(replica, own, c.staffId, hallDayStart(day, OFFSET), now), c.staffId).toEqual(expectedClerk(hub, c.staffId, now));
    // The ticket in hand: its own total wait, the sum of its times in line.
    for (const held of own.tickets.filter((t) => t.staff_id === c.staffId && (t.status === 'called' || t.status === 'serving'))) {
      expect(ticketWaitMs(own.entries.filter((e) => e.ticketId === held.id)), held.number).toBe(expectedTicketWait(hub, held.id, now));
    }
  }
  return { today: (today.result as QueryResult<'hall.today'>).tickets, rows, alerts: boardAlerts(board, q, now) };
}

describe('a scripted hall day: every queue figure against the raw rows', () => {
  it('issues, calls, recalls, no-shows and reinstatement, transfers, parks, pauses, finishes, the day’s close', async () => {
    const { hub, at, desk, take, manager } = await hall();
    const [c1, c2, c4] = [desk(1), desk(2), desk(4)];
    const clerks = [c1, c2, c4];
    const beat = () => clerks.forEach((c) => c.run('counter.heartbeat'));

    at(0);
    c1.signIn();
    c2.signIn();
    c4.signIn();
    const issued: string[] = [];
    const issue = (minute: number, prefix: string, priority?: 'green' | 'major') => (at(minute), issued.push(take(prefix, priority)));
    issue(1, 'A');
    issue(2, 'A');
    issue(3, 'A', 'green');
    issue(4, 'B');
    issue(5, 'C');
    issue(6, 'A');
    issue(7, 'A', 'major');
    issue(8, 'B');
    issue(9, 'C', 'green');
    expect(issued).toEqual(['A001', 'A002', 'A003', 'B001', 'C001', 'A004', 'A005', 'B002', 'C002']);

    // Priority first, two in a row across counters 1 and 2 (green then major), a green C at counter 4.
    at(10);
    expect([c1.call(), c2.call(), c4.call()]).toEqual(['A003', 'A005', 'C002']);
    at(11);
    c1.run('ticket.start');
    c4.run('ticket.start');
    at(12);
    c2.run('ticket.recall');
    at(14);
    c2.run('ticket.recall');
    at(15);
    c2.run('ticket.noShow'); // A005 is set aside: a no-show now, not at the day's close
    at(16);
    c4.run('ticket.transfer', { toServiceId: 'H3301-s-A', toCounterId: null, mode: 'keep' }); // C002 into A's line, keeping its place
    c1.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
    at(17);
    expect(c1.call()).toBe('A001'); // the line's run is at two priority calls: a normal one is due
    expect(c4.call()).toBe('C001');
    at(18);
    c1.run('ticket.start');
    expect(c2.call()).toBe('C002'); // a priority ticket again (C002 is green), from counter 2
    at(19);
    c2.run('ticket.start');
    c4.run('ticket.start');
    at(20);
    c1.run('ticket.park', { minutes: 10 }); // A001 steps away; back at counter 1 at 09:30
    at(21);
    c2.run('ticket.transfer', { toServiceId: 'H3301-s-B', toCounterId: null, mode: 'back' }); // C002 to the back of B's line
    c2.run('ticket.reinstate', { number: 'A005' });
    at(22);
    expect(c2.call()).toBe('A005'); // reinstated behind the two waiting, but a priority ticket is due
    at(23);
    c2.run('ticket.start');
    at(25);
    c4.run('ticket.finish', { handledServiceIds: ['H3301-s-C'] });
    c4.run('counter.pause', { reason: '午休' });
    at(28);
    c2.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
    issue(28, 'B');
    issue(28, 'A');
    at(29);
    // Counter 2 serves A first, but B's line has a priority ticket waiting (C002): it goes first.
    expect(c2.call()).toBe('C002'); // and is left called, not started
    at(36);
    beat();
    // Counter 1 idle since the park at 09:20 while people wait for it (A001 back for it since 09:30),
    // C002 called seven minutes ago and not started, A002 waiting 34 minutes and B001 32.
    const first = await checkEveryFigure(hub, clerks, START + 36 * MIN);
    expect(first.alerts.map((x) => x.kind).sort()).toEqual(['called_not_started', 'idle_while_waiting', 'wait_over_max', 'wait_over_max']);
    expect(first.today).toMatchObject({ issued: 11, noShow: 1 });

    c2.run('ticket.start');
    expect(c1.call()).toBe('A001'); // back from park, sent to counter 1
    at(37);
    c1.run('ticket.start');
    at(40);
    c2.run('ticket.finish', { handledServiceIds: ['H3301-s-B'] });
    c4.run('counter.resume');
    at(41);
    expect(c2.call()).toBe('A002');
    at(42);
    c2.run('ticket.noShow');
    at(43);
    c2.run('ticket.callSpecific', { number: 'B003', reason: '预约到场' });
    at(44);
    c2.run('ticket.start');
    at(45);
    c1.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
    expect(c1.call()).toBe('A004');
    at(46);
    c1.run('ticket.start');
    at(47);
    c1.run('ticket.transfer', { toServiceId: null, toCounterId: c2.counterId, mode: 'keep' }); // A004 to counter 2 alone
    expect(c1.call()).toBe('A006');
    at(48);
    c1.run('ticket.start');
    at(50);
    c2.run('ticket.finish', { handledServiceIds: ['H3301-s-B'] });
    expect(c2.call()).toBe('A004');
    at(51);
    c2.run('ticket.start');
    at(52);
    c1.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
    expect(c1.call()).toBe('B001');
    at(53);
    c1.run('ticket.recall');
    at(54);
    c1.run('ticket.start');
    at(55);
    c2.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
    issue(55, 'A');
    issue(56, 'D');
    at(58);
    c1.run('ticket.finish', { handledServiceIds: ['H3301-s-B'] });
    at(60);
    beat();
    await checkEveryFigure(hub, clerks, START + 60 * MIN);

    at(61);
    expect(c1.call()).toBe('A007');
    at(62);
    c4.run('counter.signOut');
    at(63);
    expect(c2.call()).toBe('B002');
    c2.run('ticket.start');
    at(64);
    c2.run('ticket.park', { minutes: 5 }); // back at 10:09, before the close: it waits, uncalled, until then
    at(66);
    c1.run('ticket.transfer', { toServiceId: 'H3301-s-C', toCounterId: null, mode: 'back' });
    at(75);
    ok(manager('day.close', { reason: '测试：提前日终' }));
    // The close signed out every counter still signed in.
    expect(hub.store.all('counters').filter((c) => c.state !== 'closed')).toEqual([]);
    at(76);
    const closed = await checkEveryFigure(hub, clerks, START + 76 * MIN);
    // The close ended A002 (set aside), B002 (back from park), A007 (in C's line) and D001 (waiting).
    expect(closed.today).toMatchObject({ issued: 13, waiting: 0, noShow: 2, uncalled: 3, finished: 9 });
    // C002 went to A, then to B: still C's issue. A's two no-shows stay A's.
    expect(closed.rows.slice(0, 4).map((r) => [r.prefix, r.issued, r.noShows])).toEqual([
      ['A', 7, 2],
      ['B', 3, 0],
      ['C', 2, 0],
      ['D', 1, 0],
    ]);
    expect(hub.store.all('services').filter((s) => s.priority_run !== 0)).toEqual([]);
  }, 60_000);

  it('a no-show under the default return rule (set aside, "missed") counts at once', async () => {
    const { hub, at, desk, take } = await hall();
    const c1 = desk(1);
    at(0);
    c1.signIn();
    at(1);
    take('A');
    at(5);
    c1.call();
    at(6);
    c1.run('ticket.noShow');
    at(7);
    c1.run('counter.heartbeat');
    const { today } = await checkEveryFigure(hub, [c1], START + 7 * MIN);
    expect(today).toMatchObject({ issued: 1, noShow: 1, noShowPct: 100, waiting: 0, called: 1, avgWaitMin: 4 });
  });
});
