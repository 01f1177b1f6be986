import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { addDays } from '../../shared/calendar/rules';
import type { Answer, Row } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { demoHub, manualClock, opId, terminal, terminalSocket } from '../support/hub';

/**
 * reports.rebuild over a long history writes a day per transaction after its command, yielding
 * to the event loop between days: a clerk's call that arrives meanwhile is answered before the
 * rebuild ends, and the rebuild's progress says how far it came.
 */

const DAYS = 1200;

describe('reports.rebuild on a long history', () => {
  it('leaves calls flowing: a call-next sent during the rebuild answers before it ends', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:30:00Z'));
    const hub = await demoHub({ clock });
    const a = actors(hub);
    // Three years and more of closed hall days before today.
    const insert = hub.db.prepare('INSERT INTO hall_days (id, hall_id, day, closed_at) VALUES (?, ?, ?, ?)');
    hub.db.transaction(() => {
      for (let i = DAYS; i >= 1; i--) {
        const day = addDays('2026-11-25', -i);
        insert.run(`${hub.hallId}-old-${day}`, hub.hallId, day, Date.parse(`${day}T10:00:00Z`));
      }
    })();
    const counterId = 'H3301-c-01';
    ok(a.clerk(0)('counter.signIn', { counterId, login: 'c01', password: DEMO_PASSWORD }));
    ok(a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    const clerk = await terminalSocket(hub.url, terminal(hub, 'clerk', 0).token);

    expect(ok(a.manager('reports.rebuild', {}))).toEqual({ days: DAYS });
    const answer = (await clerk.timeout(10_000).emitWithAck('command', {
      opId: opId(),
      type: 'ticket.callNext',
      payload: { counterId },
    })) as Answer;
    const atAnswer = hub.rebuilds.progress;
    expect(hub.health().reportsRebuild).toEqual(atAnswer);
    expect(answer.ok).toBe(true);
    expect((answer as { result: { ticket: Row<'tickets'> } }).result.ticket.number).toBe('A001');
    // Answered while the rebuild was under way, not after it.
    expect(atAnswer).not.toBeNull();
    expect(atAnswer!.done).toBeLessThan(DAYS);

    await hub.rebuilds.whenIdle();
    expect(hub.rebuilds.progress).toBeNull();
    expect(hub.health().reportsRebuild).toBeNull();
  }, 60_000);
});
