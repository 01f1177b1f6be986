import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CaseStep } from '../../shared/cases/commands';
import type { Row } from '../../shared/protocol';
import { actors, ok } from './actors';
import { newCase } from './cases';
import { callerOf, manualClock, opId, signInManager, terminal } from './hub';
import { caughtUp, regionNetwork } from './regionHalls';

const MIN = 60_000;
/** 09:00 in the halls (UTC+8) of a day. */
export const nine = (day: string) => Date.parse(`${day}T01:00:00Z`);

/**
 * The three halls of regionNetwork on one hand-moved clock, with what a regional report counts:
 * `workDay` runs a hall's day (tickets with waits, two counters serving, one left uncalled, a rating
 * good and one bad at counter 1's evaluator) and closes it; cases go through their steps by the
 * demo hall's separation of duties (counter 1 receives and concludes, 2 reviews, 3 decides).
 */
export async function regionDays(start: string) {
  const clock = manualClock(nine(start));
  const net = await regionNetwork({ clock });
  const a = (hub: Hub) => actors(hub);
  const counter = (hub: Hub, n: number) => `${hub.hallId}-c-0${n}`;
  const signIn = (hub: Hub, n: number) =>
    a(hub).clerk(n - 1)('counter.signIn', { counterId: counter(hub, n), login: `c0${n}`, password: DEMO_PASSWORD });

  /**
   * A day at `hub` from 09:00 of `day`: `tickets` arrivals three minutes apart, all but the last
   * served, the first at counter 1 rated `ratings`; then `during` (cases, say), and the day closed at 18:00.
   */
  function workDay(
    hub: Hub,
    day: string,
    tickets: number,
    { ratings = [], during, close = true }: { ratings?: readonly number[]; during?: () => void; close?: boolean } = {},
  ): void {
    clock.set(nine(day));
    for (const n of [1, 2, 3]) signIn(hub, n);
    const issued: string[] = [];
    for (let i = 0; i < tickets; i++) {
      issued.push(
        (ok(a(hub).kiosk('ticket.issue', { serviceId: `${hub.hallId}-s-A`, priority: 'normal', confirm: null })).ticket as Row<'tickets'>)
          .id,
      );
      clock.advance(3 * MIN);
    }
    let rated = 0;
    for (let i = 0; i < tickets - 1; i++) {
      const n = (i % 2) + 1;
      const send = a(hub).clerk(n - 1);
      ok(send('ticket.callNext', { counterId: counter(hub, n) }));
      clock.advance((i + 1) * MIN);
      ok(send('ticket.start', { counterId: counter(hub, n) }));
      clock.advance((2 + i) * MIN);
      const done = ok(send('ticket.finish', { counterId: counter(hub, n), handledServiceIds: [`${hub.hallId}-s-A`] }))
        .ticket as Row<'tickets'>;
      if (n === 1 && rated < ratings.length) rate(hub, done.id, ratings[rated++]!);
    }
    during?.();
    if (!close) return;
    clock.set(nine(day) + 9 * 60 * MIN);
    signInManager(hub);
    ok(a(hub).manager('day.close', {}));
  }

  function rate(hub: Hub, ticketId: string, level: number): void {
    const request = hub.store.where('rating_requests', 'ticket_id = ?', ticketId)[0]!;
    const answer = hub.execute(callerOf(terminal(hub, 'evaluator')), {
      opId: opId(),
      type: 'rating.submit',
      payload: { requestId: request.id, level, subScores: {}, reasons: level <= 2 ? ['slow'] : [], comment: '' },
    });
    if (!answer.ok) throw new Error(`rating: ${answer.error.code}`);
  }

  /** A case of the hall's first item (市场监管, promised 10 and statutory 15 working days) received and accepted now at counter 1. */
  function accepted(hub: Hub): string {
    signIn(hub, 1);
    const c = ok(a(hub).clerk(0)('case.register', newCase({ counterId: counter(hub, 1), itemId: `${hub.hallId}-item-001`, at: clock() })))
      .case as Row<'cases'>;
    step(hub, c.id, 'accept');
    return c.id;
  }

  const BY: Partial<Record<CaseStep['action'], number>> = { review: 2, approve: 3, deny: 3 };
  function step(hub: Hub, caseId: string, action: CaseStep['action'], more: Record<string, unknown> = {}): void {
    const n = BY[action] ?? 1;
    signIn(hub, n);
    ok(a(hub).clerk(n - 1)('case.step', { caseId, counterId: counter(hub, n), at: clock(), action, ...more } as CaseStep));
  }

  /** Takes an accepted case through to 办结 now. */
  function conclude(hub: Hub, caseId: string): void {
    for (const s of ['undertake', 'review', 'approve'] as const) step(hub, caseId, s);
    step(hub, caseId, 'conclude', { feeCents: 0 });
  }

  return { ...net, clock, workDay, accepted, conclude, settle: () => caughtUp(net.region, net.hubs) };
}
