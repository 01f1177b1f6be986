import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { Caller } from '../../main/hub/commands/context';
import type { Answer, CommandPayload, CommandType } from '../../shared/protocol';
import { ratingRates, ratingTally, addTally, emptyRatingTally } from '../../shared/ratings/rules';
import { actors, ok } from '../support/actors';
import { callerOf, demoHub, manualClock, opId, terminal, until } from '../support/hub';
import { welcomed } from '../support/sockets';

const evaluatorAt = (counterId: string, terminalId = 'H3301-t-evaluator-1'): Caller => ({ terminalId, role: 'evaluator', counterId });
const send =
  (hub: Hub, caller: Caller) =>
  <T extends CommandType>(type: T, payload: CommandPayload<T>) =>
    hub.execute(caller, { opId: opId(), type, payload }) as Answer;

/** Serves one ticket at counter `n` (1-based) from issue to finish; returns the rating request it asked for. */
function serveOne(hub: Hub, n: number) {
  const { kiosk, clerk } = actors(hub);
  const counterId = `H3301-c-${String(n).padStart(2, '0')}`;
  const service = hub.store.where('counter_services', 'counter_id = ? AND position = 0', counterId)[0]!.service_id;
  ok(kiosk('ticket.issue', { serviceId: service, priority: 'normal', confirm: null }));
  ok(clerk(n - 1)('ticket.callNext', { counterId }));
  ok(clerk(n - 1)('ticket.start', { counterId }));
  const { ticket } = ok(clerk(n - 1)('ticket.finish', { counterId, handledServiceIds: [service] })) as { ticket: { id: string } };
  return hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!;
}

describe('好差评 at the window', () => {
  it('a rating given once the rated clerk has left the counter is flagged for review, and kept', async () => {
    const clock = manualClock();
    const hub = await demoHub({ clock });
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const request = serveOne(hub, 1);
    clock.advance(5_000);
    ok(actors(hub).clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
    ok(
      send(hub, callerOf(terminal(hub, 'evaluator')))('rating.submit', {
        requestId: request.id,
        subScores: {},
        comment: '',
        level: 5,
        reasons: [],
      }),
    );
    expect(hub.store.get('ratings', request.id)).toMatchObject({ level: 5, flags: 'away' });
  });

  it('a finished ticket asks its counter’s evaluator; the rating is taken once, from that evaluator only, before it expires', async () => {
    const clock = manualClock();
    const hub = await demoHub({ clock });
    for (const n of [1, 2])
      ok(actors(hub).clerk(n - 1)('counter.signIn', { counterId: `H3301-c-0${n}`, login: `c0${n}`, password: 'demo1234' }));
    const request = serveOne(hub, 1);
    expect(request).toMatchObject({ counter_id: 'H3301-c-01', staff_id: 'H3301-u-1', status: 'pending', expires_at: clock() + 60_000 });
    // The evaluator holds the request, not the ticket nor who the applicant is.
    const held = hub.snapshot(terminal(hub, 'evaluator').id).tables.rating_requests!;
    expect(held).toEqual([expect.not.objectContaining({ ticket_id: expect.anything() })]);
    expect(held[0]).toMatchObject({ id: request.id, status: 'pending' });
    expect(hub.snapshot(terminal(hub, 'display').id).tables.rating_requests).toBeUndefined();
    expect(hub.snapshot(terminal(hub, 'kiosk').id).tables.rating_requests).toBeUndefined();

    const evaluator = send(hub, callerOf(terminal(hub, 'evaluator')));
    const rate = { requestId: request.id, subScores: {}, comment: '' };
    // A 差评 needs a reason; nobody else rates; another counter's evaluator cannot redeem it.
    expect(evaluator('rating.submit', { ...rate, level: 2, reasons: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(send(hub, callerOf(terminal(hub, 'clerk', 0)))('rating.submit', { ...rate, level: 5, reasons: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(send(hub, callerOf(terminal(hub, 'manager')))('rating.submit', { ...rate, level: 5, reasons: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(send(hub, evaluatorAt('H3301-c-02', 'x'))('rating.submit', { ...rate, level: 5, reasons: [] })).toMatchObject({
      ok: false,
      error: { code: 'RATING_INVALID' },
    });
    clock.advance(5_000);
    ok(
      evaluator('rating.submit', {
        ...rate,
        level: 2,
        reasons: ['slow', 'attitude'],
        comment: '等了很久',
        subScores: { efficiency: 1, attitude: 2 },
      }),
    );
    expect(hub.store.get('ratings', request.id)).toMatchObject({
      level: 2,
      reasons: 'slow,attitude',
      efficiency: 1,
      skill: null,
      attitude: 2,
      flags: '',
    });
    expect(hub.store.get('rating_requests', request.id)).toMatchObject({ status: 'rated' });
    // Single use.
    expect(evaluator('rating.submit', { ...rate, level: 5, reasons: [] })).toMatchObject({
      ok: false,
      error: { code: 'RATING_INVALID', message: '本次服务已评价' },
    });

    // Timeout, decline, a counter without an evaluator, a prompt replaced by the next service.
    const late = serveOne(hub, 1);
    clock.advance(60_000);
    expect(evaluator('rating.submit', { ...rate, requestId: late.id, level: 5, reasons: [] })).toMatchObject({
      ok: false,
      error: { code: 'RATING_INVALID', message: '评价已超时' },
    });
    const declined = serveOne(hub, 1);
    ok(evaluator('rating.decline', { requestId: declined.id }));
    expect(hub.store.get('rating_requests', declined.id)).toMatchObject({ status: 'unrated', unrated_cause: 'declined' });
    expect(serveOne(hub, 2)).toMatchObject({ status: 'unrated', unrated_cause: 'no_device' });
    const replaced = serveOne(hub, 1);
    const next = serveOne(hub, 1);
    expect(hub.store.get('rating_requests', replaced.id)).toMatchObject({ status: 'unrated', unrated_cause: 'timeout' });
    // Pressed within a second of the prompt: flagged for review, kept.
    ok(evaluator('rating.submit', { ...rate, requestId: next.id, level: 5, reasons: [] }));
    expect(hub.store.get('ratings', next.id)).toMatchObject({ level: 5, flags: 'fast' });

    // The figures, from the raw rows here: 6 services, 2 active ratings (one 差评), 4 unrated.
    const rows = hub.store.all('rating_requests');
    const levels = new Map(hub.store.all('ratings').map((r) => [r.id, r.level]));
    expect(rows).toHaveLength(6);
    const tally = rows.map((r) => ratingTally(r, levels.get(r.id) ?? null, clock())).reduce(addTally, emptyRatingTally());
    expect(tally).toEqual({ services: 6, active: 2, satisfied: 1, bad: 1, unrated: 4 });
    expect(ratingRates(tally, 30)).toEqual({
      satisfaction: { value: 1 / 2, num: 1, of: 2, few: true },
      participation: { value: 2 / 6, num: 2, of: 6, few: true },
      bad: { value: 1 / 2, num: 1, of: 2, few: true },
    });
    // The board's summary sums the same rows in SQL, per group.
    const manager = callerOf(terminal(hub, 'manager'));
    const summary = await hub.query(manager, { name: 'ratings.summary', params: { from: '2026-11-25', to: '2026-11-25', by: 'counter' } });
    expect(summary).toMatchObject({
      ok: true,
      result: {
        hall: { services: 6, active: 2, satisfied: 1, bad: 1, unrated: 4 },
        groups: [
          { id: 'H3301-c-01', tally: { services: 5, active: 2, satisfied: 1, bad: 1, unrated: 3 } },
          { id: 'H3301-c-02', tally: { services: 1, active: 0, satisfied: 0, bad: 0, unrated: 1 } },
        ],
        bad: [
          { id: request.id, level: 2, reasons: ['slow', 'attitude'], comment: '等了很久', counterId: 'H3301-c-01', staffId: 'H3301-u-1' },
        ],
      },
    });
    const byDepartment = await hub.query(manager, {
      name: 'ratings.summary',
      params: { from: '2026-11-25', to: '2026-11-25', by: 'department' },
    });
    expect(byDepartment).toMatchObject({ ok: true, result: { groups: [{ id: 'H3301-d-amr', tally: { services: 6 } }] } });
    const nextDay = await hub.query(manager, { name: 'ratings.summary', params: { from: '2026-11-26', to: '2026-11-26', by: 'staff' } });
    expect(nextDay).toMatchObject({ ok: true, result: { hall: { services: 0 }, groups: [], bad: [] } });
    expect(
      await hub.query(callerOf(terminal(hub, 'clerk', 0)), {
        name: 'ratings.summary',
        params: { from: '2026-11-25', to: '2026-11-25', by: 'staff' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(hub.verifyAudit().ok).toBe(true);
  });
  it('an evaluator whose link has dropped cannot ask: the service is unrated for want of a device at once; back online, it asks again', async () => {
    const hub = await demoHub({ clock: manualClock() });
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const evaluator = terminal(hub, 'evaluator');
    const online = async () => {
      const s = await welcomed(hub.url, evaluator.token);
      await until(() => hub.health().terminals.evaluator === 1, 'the evaluator online');
      return s;
    };
    const first = await online();
    expect(serveOne(hub, 1)).toMatchObject({ status: 'pending', unrated_cause: null });
    first.disconnect();
    await until(() => hub.health().terminals.evaluator === 0, 'the evaluator offline');
    expect(serveOne(hub, 1)).toMatchObject({ status: 'unrated', unrated_cause: 'no_device' });
    const again = await online();
    expect(serveOne(hub, 1)).toMatchObject({ status: 'pending', unrated_cause: null });
    again.disconnect();
  });
});
