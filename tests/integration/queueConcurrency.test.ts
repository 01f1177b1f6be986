import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { NO_LIMITS } from '../../main/hub/limits';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import type { Answer } from '../../shared/protocol';
import { demoHub, onCleanup, opId, until } from '../support/hub';

const KIOSKS = 10;
const COUNTERS = 30;
const TICKETS_PER_KIOSK = 30;
const SHARED = ['A', 'B', 'C'];

describe('queue under concurrency', () => {
  it(`${KIOSKS} kiosks and ${COUNTERS} counters: no number twice, no ticket called twice, every ticket ends once`, async () => {
    // Concurrency is under test here, not the limits on how fast one terminal may send (floods.test.ts).
    const hub = await demoHub({ limits: NO_LIMITS });
    const h = hub.hallId;
    const passwordHash = (hub.db.prepare("SELECT password_hash FROM staff WHERE login = 'c01'").get() as { password_hash: string })
      .password_hash;

    // Grow the demo hall to 30 counters; every counter also serves the three shared services.
    const tokens = hub.store.transaction(() => {
      const clerks: { counterId: string; login: string; token: string }[] = [];
      for (let n = 1; n <= COUNTERS; n++) {
        const id = `${h}-c-${String(n).padStart(2, '0')}`;
        const login = `c${String(n).padStart(2, '0')}`;
        if (n > 16) {
          hub.store.upsert('counters', {
            id,
            hall_id: h,
            number: n,
            name: `${n}号窗口`,
            zone: '三楼',
            state: 'closed',
            staff_id: null,
            terminal_id: null,
            pause_reason: null,
            state_since: null,
            last_seen_at: null,
            profile: n % 2 ? 'ordered' : 'longest_wait',
            priority_streak: 0,
          });
          hub.store.upsert(
            'staff',
            { id: `${h}-u-${n}`, hall_id: h, login, name: `工作人员${n}`, role: 'clerk', department_id: null, disabled_at: null },
            { password_hash: passwordHash },
          );
        }
        for (const p of SHARED) {
          if (hub.store.where('counter_services', 'counter_id = ? AND service_id = ?', id, `${h}-s-${p}`).length === 0)
            hub.store.upsert('counter_services', { id: `${id}-${p}`, hall_id: h, counter_id: id, service_id: `${h}-s-${p}`, position: 9 });
        }
        clerks.push({
          counterId: id,
          login,
          token: createTerminal(hub.store, h, { id: `${h}-t-cc-${n}`, role: 'clerk', name: id, counterId: id }, 0),
        });
      }
      const kiosks = Array.from({ length: KIOSKS }, (_, k) =>
        createTerminal(hub.store, h, { id: `${h}-t-kk-${k}`, role: 'kiosk', name: `k${k}`, counterId: null }, 0),
      );
      return { clerks, kiosks };
    }).result;

    const connect = async (token: string) => {
      const s: Socket = io(hub.url, { auth: { token }, transports: ['websocket'] });
      onCleanup(() => void s.close());
      await until(() => s.connected, 'socket connected');
      return (type: string, payload: unknown) => s.emitWithAck('command', { opId: opId(), type, payload }) as Promise<Answer>;
    };
    const clerks = await Promise.all(tokens.clerks.map(async (c) => ({ ...c, send: await connect(c.token) })));
    const kiosks = await Promise.all(tokens.kiosks.map(connect));
    for (const c of clerks)
      expect(await c.send('counter.signIn', { counterId: c.counterId, login: c.login, password: DEMO_PASSWORD })).toMatchObject({
        ok: true,
      });

    const unexpected: string[] = [];
    let kiosksDone = 0;
    const issuing = kiosks.map(async (send, k) => {
      for (let i = 0; i < TICKETS_PER_KIOSK; i++) {
        const a = await send('ticket.issue', { serviceId: `${h}-s-${SHARED[(k + i) % 3]}`, priority: 'normal', confirm: null });
        if (!a.ok) unexpected.push(`issue: ${a.error.code}`);
      }
      kiosksDone++;
    });
    const serving = clerks.map(async (c, n) => {
      for (let round = 0; ; round++) {
        const called = await c.send('ticket.callNext', { counterId: c.counterId });
        if (!called.ok) {
          if (called.error.code !== 'QUEUE_EMPTY') unexpected.push(`call: ${called.error.code}`);
          if (kiosksDone === KIOSKS) return;
          await new Promise((r) => setTimeout(r, 2));
          continue;
        }
        // A few counters leave their last ticket open, so that closing the day has work to do.
        if (n % 10 === 0 && round > 5) return;
        for (const [type, payload] of [
          ['ticket.start', { counterId: c.counterId }],
          ['ticket.finish', { counterId: c.counterId, handledServiceIds: [`${h}-s-A`] }],
        ] as const) {
          const a = await c.send(type, payload);
          if (!a.ok) unexpected.push(`${type}: ${a.error.code}`);
        }
      }
    });
    await Promise.all([...issuing, ...serving]);
    expect(unexpected).toEqual([]);

    const manager = await connect(hub.demoTerminals.find((t) => t.role === 'manager')!.token);
    expect(await manager('day.close', { reason: '测试：提前日终' })).toMatchObject({ ok: true });

    const tickets = hub.db.prepare('SELECT id, number, status FROM tickets').all() as { id: string; number: string; status: string }[];
    expect(tickets).toHaveLength(KIOSKS * TICKETS_PER_KIOSK);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(tickets.length);
    for (const p of SHARED) {
      const numbers = tickets
        .filter((t) => t.number.startsWith(p))
        .map((t) => Number(t.number.slice(1)))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1)); // 001, 002, … with no hole and no repeat
    }
    expect(tickets.every((t) => ['finished', 'no_show', 'cancelled'].includes(t.status))).toBe(true);
    const calledTwice = hub.db
      .prepare("SELECT ticket_id, count(*) c FROM ticket_events WHERE type = 'call' GROUP BY ticket_id HAVING c > 1")
      .all();
    expect(calledTwice).toEqual([]);
    const finishedByTwo = hub.db
      .prepare("SELECT ticket_id FROM ticket_events WHERE type = 'finish' GROUP BY ticket_id HAVING count(DISTINCT counter_id) > 1")
      .all();
    expect(finishedByTwo).toEqual([]);
    const endings = hub.db
      .prepare(
        "SELECT ticket_id, count(*) c FROM ticket_events WHERE type IN ('finish','no_show','day_close') GROUP BY ticket_id HAVING c <> 1",
      )
      .all();
    expect(endings).toEqual([]);
  });
});
