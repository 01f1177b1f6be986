import { describe, expect, it } from 'vitest';
import type { Row } from '../../shared/protocol';
import { actors, err, ok } from '../support/actors';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import { demoHub, manualClock, opId } from '../support/hub';

/** The lobby display reports what its voice did with each call; the clerk's replica shows it. */
describe('call announcements reported by the display', () => {
  async function calledTicket() {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const a = actors(hub);
    const counterId = 'H3301-c-01';
    ok(a.clerk(0)('counter.signIn', { counterId, login: 'c01', password: DEMO_PASSWORD }));
    ok(a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    clock.advance(1000);
    const ticket = ok(a.clerk(0)('ticket.callNext', { counterId })).ticket as Row<'tickets'>;
    const row = () => hub.store.get('call_announcements', ticket.id);
    return { hub, clock, a, counterId, ticket, row };
  }

  it('records a spoken call with its call moment; a later skipped report of the same call changes nothing', async () => {
    const { a, clock, ticket, row } = await calledTicket();
    clock.advance(4000);
    const calls = [{ ticketId: ticket.id, calledAt: ticket.called_at! }];
    expect(ok(a.display('ticket.announced', { outcome: 'spoken', calls }))).toEqual({ recorded: 1 });
    expect(row()).toMatchObject({ called_at: ticket.called_at, outcome: 'spoken', at: clock(), terminal_id: 'H3301-t-display-1' });
    expect(ok(a.display('ticket.announced', { outcome: 'skipped', calls }))).toEqual({ recorded: 0 });
    expect(row()).toMatchObject({ outcome: 'spoken' });
  });

  it('a skipped call later spoken (another display) becomes spoken', async () => {
    const { a, ticket, row } = await calledTicket();
    const calls = [{ ticketId: ticket.id, calledAt: ticket.called_at! }];
    expect(ok(a.display('ticket.announced', { outcome: 'skipped', calls }))).toEqual({ recorded: 1 });
    expect(row()).toMatchObject({ outcome: 'skipped' });
    expect(ok(a.display('ticket.announced', { outcome: 'spoken', calls }))).toEqual({ recorded: 1 });
    expect(row()).toMatchObject({ outcome: 'spoken' });
  });

  it('a report about a call recalled since is not recorded; the recall is reported on its own', async () => {
    const { a, clock, counterId, ticket, row } = await calledTicket();
    clock.advance(30_000);
    const recalled = ok(a.clerk(0)('ticket.recall', { counterId })).ticket as Row<'tickets'>;
    expect(ok(a.display('ticket.announced', { outcome: 'spoken', calls: [{ ticketId: ticket.id, calledAt: ticket.called_at! }] }))).toEqual(
      {
        recorded: 0,
      },
    );
    expect(row()).toBeUndefined();
    ok(a.display('ticket.announced', { outcome: 'spoken', calls: [{ ticketId: ticket.id, calledAt: recalled.called_at! }] }));
    expect(row()).toMatchObject({ called_at: recalled.called_at });
  });

  it('refuses an unknown ticket (typed, nothing recorded), bad payloads, and every terminal but a display', async () => {
    const { hub, a, ticket, row } = await calledTicket();
    const good = { ticketId: ticket.id, calledAt: ticket.called_at! };
    const seq = hub.store.currentSeq;
    expect(err(a.display('ticket.announced', { outcome: 'spoken', calls: [good, { ticketId: 'H3301-nope', calledAt: 1 }] }))).toBe(
      'NOT_FOUND',
    );
    expect(row()).toBeUndefined();
    expect(hub.store.currentSeq).toBe(seq);
    expect(err(a.display('ticket.announced', { outcome: 'heard', calls: [good] } as never))).toBe('VALIDATION_FAILED');
    expect(err(a.display('ticket.announced', { outcome: 'spoken', calls: [] }))).toBe('VALIDATION_FAILED');
    for (const send of [a.kiosk, a.manager, a.clerk(0)])
      expect(err(send('ticket.announced', { outcome: 'spoken', calls: [good] }))).toBe('FORBIDDEN');
    expect(row()).toBeUndefined();
  });

  it('a zoned display may report only its zone’s calls', async () => {
    const { hub, ticket, row } = await calledTicket();
    hub.store.transaction(() =>
      createTerminal(
        hub.store,
        hub.hallId,
        { id: 'H3301-t-display-2f', role: 'display', name: '二楼叫号屏', counterId: null, zone: '二楼' },
        0,
      ),
    );
    const send = (calls: { ticketId: string; calledAt: number }[]) =>
      hub.execute(
        { terminalId: 'H3301-t-display-2f', role: 'display', counterId: null },
        { opId: opId(), type: 'ticket.announced', payload: { outcome: 'spoken', calls } },
      );
    // Counter 1 is on 一楼.
    expect(send([{ ticketId: ticket.id, calledAt: ticket.called_at! }])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(row()).toBeUndefined();
  });
});
