import { describe, expect, it } from 'vitest';
import { AlertEpisodes } from '../../main/hub/features/archive/alertEpisodes';
import type { Hub } from '../../main/hub/hub';
import { hubQuery } from '../../main/hub/queries/request';
import { failedQuery } from '../../main/hub/queries/worker';
import { TERMINAL_ROLES } from '../../shared/kernel/roles';
import type { QueryResult } from '../../shared/protocol';
import { callerOf, signInManager, terminal } from '../support/hub';
import { scriptedHall } from '../support/scriptedHall';

/**
 * Alerts in the efficiency archive: a scripted morning, the hub sweeping each minute, and the alert
 * episodes it recorded held against episodes found here from the raw ticket_events and counter_log
 * rows alone (who was signed in, what each counter held, who waited), minute by minute, with the
 * rules as DOMAIN.md states them: a call not started within the service's minutes, a service past
 * its maximum, an open counter with nothing in hand past a minute while someone it serves waits
 * (the clerks' PCs beat each minute, as they do: an offline counter is not idle).
 * Then the counts by kind in the archive, the manager's view and the clerk's own.
 */

const MIN = 60_000;
const START = Date.parse('2026-11-25T01:30:00Z'); // 09:30 in the hall
const END = 45;

type Kind = 'service_over_max' | 'called_not_started' | 'idle_while_waiting';
interface Episode {
  kind: Kind;
  counter_id: string;
  staff_id: string;
  from_at: number;
  to_at: number | null;
}

const HELD = new Set(['call', 'recall', 'start']);

/** The episodes the sweeps at `instants` should have seen, from the raw rows. */
function expectedEpisodes(hub: Hub, instants: number[]): Episode[] {
  const db = hub.db;
  const events = db.prepare('SELECT ticket_id, type, counter_id, at FROM ticket_events ORDER BY at, id').all() as {
    ticket_id: string;
    type: string;
    counter_id: string | null;
    at: number;
  }[];
  const log = db.prepare('SELECT counter_id, staff_id, event, at FROM counter_log ORDER BY at, rowid').all() as {
    counter_id: string;
    staff_id: string;
    event: string;
    at: number;
  }[];
  const tickets = db.prepare('SELECT id, service_id FROM tickets').all() as { id: string; service_id: string }[];
  const limits = new Map(
    (
      db.prepare('SELECT id, max_call_min, max_service_min FROM services').all() as {
        id: string;
        max_call_min: number;
        max_service_min: number;
      }[]
    ).map((s) => [s.id, s]),
  );
  const serves = db.prepare('SELECT counter_id, service_id FROM counter_services').all() as { counter_id: string; service_id: string }[];
  const serviceOf = new Map(tickets.map((t) => [t.id, t.service_id]));
  const counters = [...new Set(log.map((l) => l.counter_id))];

  const open = new Map<string, Episode>();
  const done: Episode[] = [];
  for (const now of instants) {
    const seen = new Set<string>();
    const raise = (kind: Kind, counter: string, staff: string) => {
      const key = `${kind}|${counter}|${staff}`;
      seen.add(key);
      if (!open.has(key)) open.set(key, { kind, counter_id: counter, staff_id: staff, from_at: now, to_at: null });
    };
    const before = events.filter((e) => e.at <= now);
    for (const counter of counters) {
      const mine = log.filter((l) => l.counter_id === counter && l.at <= now);
      const last = mine.at(-1);
      if (!last || last.event === 'sign_out') continue;
      const staff = mine.filter((l) => l.event === 'sign_in').at(-1)!.staff_id;
      // The ticket in hand: one whose latest event is a call or start at this counter.
      const latest = new Map<string, (typeof before)[number]>();
      for (const e of before) latest.set(e.ticket_id, e);
      const held = [...latest.values()].find((e) => e.counter_id === counter && HELD.has(e.type));
      if (held) {
        const limit = limits.get(serviceOf.get(held.ticket_id)!)!;
        const own = before.filter((e) => e.ticket_id === held.ticket_id && e.counter_id === counter);
        const started = own.find((e) => e.type === 'start');
        const firstCall = own.find((e) => e.type === 'call')!;
        if (!started && now - firstCall.at > limit.max_call_min * MIN) raise('called_not_started', counter, staff);
        if (started && now - started.at > limit.max_service_min * MIN) raise('service_over_max', counter, staff);
        continue;
      }
      if (last.event === 'pause') continue;
      const takes = new Set(serves.filter((s) => s.counter_id === counter).map((s) => s.service_id));
      const waiting = tickets.filter(
        (t) =>
          takes.has(t.service_id) &&
          before.some((e) => e.ticket_id === t.id && e.type === 'issue') &&
          !before.some((e) => e.ticket_id === t.id && e.type === 'call'),
      ).length;
      const freeSince = Math.max(
        ...mine.filter((l) => l.event === 'sign_in' || l.event === 'resume').map((l) => l.at),
        ...before.filter((e) => e.counter_id === counter && !HELD.has(e.type)).map((e) => e.at),
      );
      if (waiting > 0 && now - freeSince > MIN) raise('idle_while_waiting', counter, staff);
    }
    for (const [key, e] of open)
      if (!seen.has(key)) {
        done.push({ ...e, to_at: now });
        open.delete(key);
      }
  }
  return [...done, ...open.values()];
}

const sorted = (xs: Episode[]) =>
  [...xs].sort((a, b) => a.from_at - b.from_at || a.kind.localeCompare(b.kind) || a.counter_id.localeCompare(b.counter_id));

describe('alert episodes in the efficiency archive', () => {
  it('are recorded as the hub sees them, equal those found from the raw rows, and counted by kind in the archive', async () => {
    const { hub, at, desk, take } = await scriptedHall(START);
    const [c1, c2] = [desk(1), desk(2)];
    const script: Record<number, () => void> = {
      0: () => {
        c1.signIn();
        c2.signIn();
        take('A'); // both counters idle while it waits, from minute 2
      },
      3: () => void c1.call(), // called at 09:33, not started by 09:39
      10: () => c1.run('ticket.start'), // serving from 09:40: past 20 minutes at 10:01
      33: () => {
        c1.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
      },
      34: () => void take('A'), // counter 2 idle at once, counter 1 a minute after its last service
      37: () => void c2.call(),
      38: () => c2.run('ticket.start'),
      40: () => {
        c2.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
        c1.run('counter.signOut');
      },
    };
    const instants: number[] = [];
    for (let m = 0; m <= END; m++) {
      at(m);
      script[m]?.();
      // The clerks' PCs say they are there (an offline counter is not idle): each open counter beats each minute.
      for (const d of [c1, c2]) if (hub.store.get('counters', d.counterId)!.state !== 'closed') d.run('counter.heartbeat');
      await hub.alertEpisodes.tick();
      instants.push(START + m * MIN);
    }
    const recorded = hub.db.prepare('SELECT kind, counter_id, staff_id, from_at, to_at FROM staff_alerts').all() as Episode[];
    const expected = expectedEpisodes(hub, instants);
    expect(sorted(recorded)).toEqual(sorted(expected));
    // The script raises each kind: the comparison is not of two empty lists.
    expect(new Set(expected.map((e) => e.kind))).toEqual(new Set(['service_over_max', 'called_not_started', 'idle_while_waiting']));
    expect(
      expected.filter((e) => e.staff_id === c1.staffId).map((e) => [e.kind, (e.from_at - START) / MIN, ((e.to_at ?? 0) - START) / MIN]),
    ).toEqual([
      ['idle_while_waiting', 2, 3],
      ['called_not_started', 9, 10],
      ['service_over_max', 31, 33],
      ['idle_while_waiting', 35, 37],
    ]);

    // The archive counts them by kind: the manager's view of a clerk, and the clerk's own.
    const counts = (staffId: string) => {
      const mine = expected.filter((e) => e.staff_id === staffId);
      return {
        service_over_max: mine.filter((e) => e.kind === 'service_over_max').length,
        called_not_started: mine.filter((e) => e.kind === 'called_not_started').length,
        idle_while_waiting: mine.filter((e) => e.kind === 'idle_while_waiting').length,
      };
    };
    signInManager(hub);
    for (const staff of [c1, c2]) {
      const answer = await hub.query(callerOf(terminal(hub, 'manager')), {
        name: 'archive.staffMonth',
        params: { staffId: staff.staffId, month: '2026-11' },
      });
      expect(answer.ok && (answer.result as QueryResult<'archive.staffMonth'>).facts.alerts).toEqual(counts(staff.staffId));
    }
    const own = await hub.query(callerOf(terminal(hub, 'clerk', 1)), { name: 'archive.mine', params: { month: '2026-11' } });
    expect(own.ok && (own.result as QueryResult<'archive.mine'>)!.facts.alerts).toEqual(counts(c2.staffId));
    // A month without them counts none.
    const october = await hub.query(callerOf(terminal(hub, 'manager')), {
      name: 'archive.staffMonth',
      params: { staffId: c1.staffId, month: '2026-10' },
    });
    expect(october.ok && (october.result as QueryResult<'archive.staffMonth'>).facts.alerts).toEqual({
      service_over_max: 0,
      called_not_started: 0,
      idle_while_waiting: 0,
    });
  });
});

describe('the alert sweep asks the query worker', () => {
  it('with a question of its own that no terminal may ask, and that the hub asks of no other query', async () => {
    const { hub } = await scriptedHall(START);
    signInManager(hub);
    for (const role of TERMINAL_ROLES) {
      const answer = await hub.query(
        { terminalId: `asks-${role}`, role, counterId: role === 'clerk' ? 'H3301-c-01' : null },
        {
          name: 'archive.staffAlertsNow',
          params: {},
        },
      );
      expect([role, answer]).toMatchObject([role, { ok: false, error: { code: 'FORBIDDEN' } }]);
    }
    // The signed-in manager's own terminal too: the refusal is the role's, not a missing session.
    expect(await hub.query(callerOf(terminal(hub, 'manager')), { name: 'archive.staffAlertsNow', params: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(() => hubQuery('archive.staffMonth', { staffId: 'H3301-u-1', month: '2026-11' }, START)).toThrow(/terminal's query/);
  });

  it('writes nothing when the worker could not answer, joins a sweep still waiting, and asks nothing while nobody is signed in', async () => {
    const { hub, at, desk, take } = await scriptedHall(START);
    desk(1).signIn();
    take('A');
    at(5); // counter 1 idle past a minute while someone waits (and its PC says it is there)
    desk(1).run('counter.heartbeat');
    const failing = new AlertEpisodes(
      hub.db,
      hub.hallId,
      () => START + 5 * MIN,
      () => Promise.resolve(failedQuery),
    );
    await expect(failing.tick()).rejects.toThrow(/not computed/);
    expect(hub.db.prepare('SELECT count(*) AS n FROM staff_alerts').get()).toEqual({ n: 0 });

    const first = hub.alertEpisodes.tick();
    expect(hub.alertEpisodes.tick()).toBe(first);
    await first;
    expect(hub.db.prepare('SELECT kind, counter_id, from_at, to_at FROM staff_alerts').all()).toEqual([
      { kind: 'idle_while_waiting', counter_id: desk(1).counterId, from_at: START + 5 * MIN, to_at: null },
    ]);
    // The next sweep is a new one: the same alert, still open, is not opened twice.
    await hub.alertEpisodes.tick();
    expect(hub.db.prepare('SELECT count(*) AS n FROM staff_alerts').get()).toEqual({ n: 1 });

    // Nobody signed in at any counter: no alert is anyone's; the open episode ends without asking the worker.
    at(7);
    desk(1).run('counter.signOut');
    let asked = 0;
    const counting = new AlertEpisodes(
      hub.db,
      hub.hallId,
      () => START + 7 * MIN,
      () => Promise.resolve((asked++, failedQuery)),
    );
    await counting.tick();
    expect(asked).toBe(0);
    expect(hub.db.prepare('SELECT to_at FROM staff_alerts').all()).toEqual([{ to_at: START + 7 * MIN }]);
  });
});
