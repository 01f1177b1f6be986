import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { hallDay, ticketNumber } from '../../shared/queue/rules';
import { actors, ok } from '../support/actors';
import { demoHub, manualClock } from '../support/hub';

/**
 * Issuing a ticket and calling the next one cost the same with thousands waiting as with a few
 * (issue 9: no figure regresses in a hall with thousands waiting). Told without timing anything:
 * what the hub's statements on the queue return while it issues and calls, and how SQLite plans them.
 */

const START = Date.parse('2026-11-25T01:00:00Z'); // 09:00 in the hall

/** The demo hall with counters 1 and 2 (service A first) signed in and `waiting` people in line for A and as many for B. */
async function hallWithLine(waiting: number) {
  const clock = manualClock(START);
  const hub = await demoHub({ clock });
  const a = actors(hub);
  for (const n of [1, 2]) ok(a.clerk(n - 1)('counter.signIn', { counterId: `H3301-c-0${n}`, login: `c0${n}`, password: DEMO_PASSWORD }));
  const day = hallDay(START, 480);
  const insert = hub.db
    .prepare(`INSERT INTO tickets (id, hall_id, day, service_id, seq, number, issued_service_id, priority, status, queue_key, issued_at)
    VALUES (@id, 'H3301', @day, @service, @seq, @number, @service, 'normal', 'waiting', @at, @at)`);
  hub.db.transaction(() => {
    for (const prefix of ['A', 'B'])
      for (let seq = 1; seq <= waiting; seq++) {
        const at = START - (waiting - seq) * 1000;
        insert.run({ id: `H3301-${day}-${prefix}-${seq}`, day, service: `H3301-s-${prefix}`, seq, number: ticketNumber(prefix, seq), at });
      }
  })();
  clock.advance(1000);
  return { hub, a };
}

/** Every statement `act` runs on the queue's tables, with the rows each returned. */
function statementsOf(hub: Hub, act: () => void): { source: string; rows: number }[] {
  const proto = Object.getPrototypeOf(hub.db.prepare('SELECT 1')) as Record<'all' | 'get' | 'iterate', (...args: unknown[]) => unknown>;
  const seen: { source: string; rows: number }[] = [];
  const original = { all: proto.all, get: proto.get, iterate: proto.iterate };
  const note = (self: { source: string }, rows: number) => {
    if (/\b(tickets|ticket_events)\b/.test(self.source)) seen.push({ source: self.source, rows });
  };
  proto.all = function (this: { source: string }, ...args) {
    const rows = original.all.apply(this, args) as unknown[];
    note(this, rows.length);
    return rows;
  };
  proto.get = function (this: { source: string }, ...args) {
    const row = original.get.apply(this, args);
    note(this, row === undefined ? 0 : 1);
    return row;
  };
  proto.iterate = function (this: { source: string }, ...args) {
    note(this, Number.NaN); // an iteration could read anything: the test fails on it
    return original.iterate.apply(this, args);
  };
  try {
    act();
  } finally {
    Object.assign(proto, original);
  }
  return seen;
}

/** SQLite's plan of `source` (its parameters unbound). */
function plan(hub: Hub, source: string): string[] {
  const params = (source.match(/\?/g) ?? []).length;
  return (hub.db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...Array<null>(params).fill(null)) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

/**
 * A plan step that reads tickets or their events whole, or sorts what it read. The held tickets'
 * index is read whole by design: it holds one ticket per busy counter, never the day's line.
 */
const readsWhole = (step: string) =>
  /^SCAN (tickets|ticket_events)\b|TEMP B-TREE/.test(step) && step !== 'SCAN tickets USING INDEX tickets_one_held_per_counter';

describe('the queue’s cost with a long line', () => {
  it('issue and call-next read a handful of tickets through the line’s indexes, with 3,000 waiting for each of two services', async () => {
    const { hub, a } = await hallWithLine(3000);
    const green = statementsOf(hub, () => {
      const r = ok(
        a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'green', confirm: { login: 'c01', password: DEMO_PASSWORD } }),
      );
      // Called first by the first free counter: the estimate did not need the line behind it.
      expect([r.ahead, r.estimatedWaitMinutes]).toEqual([0, 0]);
    });
    const call = statementsOf(hub, () => {
      const r = ok(a.clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
      expect((r.ticket as { priority: string }).priority).toBe('green');
    });
    const next = statementsOf(hub, () => {
      ok(a.clerk(1)('ticket.callNext', { counterId: 'H3301-c-02' }));
    });
    for (const [what, seen] of Object.entries({ green, call, next })) {
      expect(seen.length, what).toBeGreaterThan(0);
      const rows = seen.reduce((n, s) => n + s.rows, 0);
      expect(rows, `${what}: ${JSON.stringify(seen)}`).toBeLessThan(200);
      for (const { source } of seen) {
        const steps = plan(hub, source);
        // No statement reads the table or an index whole, nor sorts what it read to keep the first rows.
        expect(steps.filter(readsWhole), `${what}: ${source}`).toEqual([]);
      }
    }
    // The call took the head of A's line, the first issued.
    expect(hub.store.get('tickets', `H3301-${hallDay(START, 480)}-A-1`)?.status).toBe('called');
  });

  it('a normal ticket behind the long line is told its wait from as much of the line as its simulation reaches', async () => {
    const { hub, a } = await hallWithLine(3000);
    const seen = statementsOf(hub, () => {
      const r = ok(a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
      // Counters 1 and 2 both take A first, five minutes each with nothing finished yet today: 3,000 ahead, 1,500 rounds.
      expect([r.ahead, r.estimatedWaitMinutes]).toEqual([3000, 1500 * 5]);
    });
    const rows = seen.reduce((n, s) => n + s.rows, 0);
    expect(rows).toBeLessThan(1500);
    for (const { source } of seen) expect(plan(hub, source).filter(readsWhole)).toEqual([]);
  });
});
