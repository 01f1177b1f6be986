import { expect } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { Row } from '../../shared/protocol';
import { actors, ok } from './actors';
import { newCase } from './cases';
import { callerOf, opId, terminal } from './hub';

/** Serves one ticket of 企业开办 at counter 1 from issue to finish (its clerk signed in there); the evaluator is asked. */
export function serveAtCounter1(hub: Hub): void {
  const { kiosk, clerk } = actors(hub);
  ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
  ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
  ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
  ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] }));
}

/**
 * Serves a ticket at counter 1 (registering a case from it, with its phone, when `withCase`) and
 * rates it 2 for 'slow' on counter 1's evaluator; returns the follow-up the 差评 opened. The clerk
 * of the first clerk terminal must be signed in at counter 1.
 */
export function badRating(hub: Hub, clock: () => number, withCase: boolean): Row<'followups'> {
  const { kiosk, clerk } = actors(hub);
  const counterId = 'H3301-c-01';
  const { ticket } = ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null })) as { ticket: Row<'tickets'> };
  ok(clerk(0)('ticket.callNext', { counterId }));
  ok(clerk(0)('ticket.start', { counterId }));
  if (withCase) ok(clerk(0)('case.register', newCase({ counterId, at: clock(), ticketId: ticket.id })));
  ok(clerk(0)('ticket.finish', { counterId, handledServiceIds: ['H3301-s-A'] }));
  const request = hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!;
  const rated = hub.execute(callerOf(terminal(hub, 'evaluator')), {
    opId: opId(),
    type: 'rating.submit',
    payload: { requestId: request.id, level: 2, subScores: {}, reasons: ['slow'], comment: '' },
  });
  expect(rated).toMatchObject({ ok: true });
  return hub.store.where('followups', 'rating_id = ?', request.id)[0]!;
}
