import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CommandPayload, CommandType, Row } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { agentFor, demoHub, manualClock, terminal, until } from '../support/hub';

const COUNTER = 'H3301-c-01';
const CLERK = 'H3301-u-1';

/** The demo hall with clerk c01 signed in at counter 1; `step` runs a command and lists the feed entries it made. */
async function hall() {
  const clock = manualClock(Date.parse('2026-11-25T01:00:00Z')); // 09:00 in the hall
  const hub = await demoHub({ clock });
  const { kiosk, clerk } = actors(hub);
  ok(clerk(0)('counter.signIn', { counterId: COUNTER, login: 'c01', password: DEMO_PASSWORD }));
  const step = <T extends CommandType>(send: typeof kiosk, type: T, payload: CommandPayload<T>) => {
    const before = hub.store.currentSeq;
    clock.advance(1000);
    const result = ok(send(type, payload));
    return { result, entries: hub.store.entriesAfter(before, 100).map((e) => `${e.table} ${e.id}`) };
  };
  const issue = () =>
    step(kiosk, 'ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }).result.ticket as Row<'tickets'>;
  /** Calls, starts and finishes the next ticket at counter 1; the feed entries of each step. */
  const serve = () => [
    step(clerk(0), 'ticket.callNext', { counterId: COUNTER }).entries,
    step(clerk(0), 'ticket.start', { counterId: COUNTER }).entries,
    step(clerk(0), 'ticket.finish', { counterId: COUNTER, handledServiceIds: ['H3301-s-A'] }).entries,
  ];
  return { hub, clock, issue, serve };
}

describe('ticket events', () => {
  it('reach a clerk’s replica with the ticket’s change, in the same feed step; a display’s never', async () => {
    const { hub, issue, serve } = await hall();
    const clerk = agentFor(hub, terminal(hub, 'clerk', 0));
    const display = agentFor(hub, terminal(hub, 'display'));
    await until(() => [clerk, display].every((a) => a.connection.status === 'connected'), 'both connected');

    const ticket = issue();
    const steps = serve();
    // Each command changed the ticket and recorded its event in one transaction: one feed step.
    expect(steps).toEqual([
      expect.arrayContaining([`tickets ${ticket.id}`, `ticket_events ${ticket.id}-2`]),
      [`tickets ${ticket.id}`, `ticket_events ${ticket.id}-3`],
      // Finishing also asks the window's evaluator for a rating (ratings/handlers requestTicketRating).
      [`tickets ${ticket.id}`, `ticket_events ${ticket.id}-4`, expect.stringMatching(/^rating_requests /)],
    ]);

    const seq = hub.store.currentSeq;
    await until(() => [clerk, display].every((a) => a.replica.cursor().seq === seq), 'replicas at the hub’s seq');
    const events = (clerk.replica.snapshot().tables.ticket_events ?? []).filter((e) => e.ticket_id === ticket.id);
    const base = { hall_id: 'H3301', ticket_id: ticket.id };
    const at = (n: number) => ticket.issued_at + n * 1000;
    expect(events.sort((a, b) => (a.at as number) - (b.at as number))).toEqual([
      { ...base, id: `${ticket.id}-1`, type: 'issue', counter_id: null, staff_id: null, at: at(0), detail: '{"priority":"normal"}' },
      { ...base, id: `${ticket.id}-2`, type: 'call', counter_id: COUNTER, staff_id: CLERK, at: at(1), detail: null },
      { ...base, id: `${ticket.id}-3`, type: 'start', counter_id: COUNTER, staff_id: CLERK, at: at(2), detail: null },
      { ...base, id: `${ticket.id}-4`, type: 'finish', counter_id: COUNTER, staff_id: CLERK, at: at(3), detail: null },
    ]);
    // The replica holds what the hub holds.
    expect(events).toEqual(hub.store.where('ticket_events', 'ticket_id = ?', ticket.id));

    const shown = display.replica.snapshot();
    expect(shown.tables.tickets).toContainEqual(expect.objectContaining({ id: ticket.id, status: 'finished' }));
    expect(shown.tables.ticket_events).toBeUndefined();
  });

  it('snapshots carry today’s events to staff terminals only', async () => {
    const { hub, clock, issue, serve } = await hall();
    const yesterday = issue();
    serve();
    clock.set(Date.parse('2026-11-26T01:00:00Z')); // 09:00 the next day in the hall
    const today = issue();
    serve();
    expect(hub.store.where('ticket_events', 'ticket_id = ?', yesterday.id)).toHaveLength(4);

    for (const role of ['clerk', 'manager'] as const) {
      const events = hub.snapshot(terminal(hub, role).id).tables.ticket_events ?? [];
      expect(events.map((e) => e.id).sort(), role).toEqual([1, 2, 3, 4].map((n) => `${today.id}-${n}`));
    }
    for (const role of ['display', 'kiosk', 'evaluator'] as const)
      expect(hub.snapshot(terminal(hub, role).id).tables.ticket_events, role).toBeUndefined();
  });
});
