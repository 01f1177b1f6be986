import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { Caller } from '../../main/hub/commands/context';
import type { Answer, CommandPayload, CommandType, QueryName, QueryParams, QueryResult } from '../../shared/protocol';
import { RATING_FLAGS } from '../../shared/ratings/enums';
import { FLAGGED_LIMIT } from '../../shared/ratings/queries';
import { isBad, isSatisfied } from '../../shared/ratings/rules';
import { actors, err, ok } from '../support/actors';
import { callerOf, demoHub, manualClock, opId, signInManager, terminal } from '../support/hub';

const DAY = { from: '2026-11-25', to: '2026-11-25' };
const send =
  (hub: Hub, caller: Caller) =>
  <T extends CommandType>(type: T, payload: CommandPayload<T>) =>
    hub.execute(caller, { opId: opId(), type, payload }) as Answer;

/**
 * A day at counter 1 with its evaluator: services rated plainly, and rated in each of the ways the
 * hub flags (within a second of the prompt, in a burst from the device, once the clerk has left).
 */
async function flaggedDay() {
  const clock = manualClock();
  const hub = await demoHub({ clock });
  const { kiosk, clerk } = actors(hub);
  const evaluator = send(hub, callerOf(terminal(hub, 'evaluator')));
  const signIn = (login: string) => ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login, password: 'demo1234' }));
  const serve = () => {
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
    const { ticket } = ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] })) as {
      ticket: { id: string };
    };
    return hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!.id;
  };
  const rate = (id: string, level: number, after: number) => {
    clock.advance(after);
    ok(evaluator('rating.submit', { requestId: id, level, subScores: {}, reasons: isBad(level) ? ['slow'] : [], comment: '人很好' }));
    return id;
  };
  const minute = () => clock.advance(60_000);
  signIn('c01');
  const plain = [rate(serve(), 4, 5_000)];
  minute();
  const fast = rate(serve(), 5, 0);
  minute();
  // Four 5s two seconds apart: the third and fourth are the burst.
  const burst = [rate(serve(), 5, 2_000), rate(serve(), 5, 2_000), rate(serve(), 5, 2_000), rate(serve(), 5, 2_000)];
  minute();
  const fastBad = rate(serve(), 1, 0);
  minute();
  const awayRequest = serve();
  clock.advance(3_000);
  ok(clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
  const away = rate(awayRequest, 5, 2_000);
  minute();
  // The hall's manager served at the counter a while, and left before the applicant rated.
  signIn('manager');
  const aboutManagerRequest = serve();
  ok(clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
  const aboutManager = rate(aboutManagerRequest, 5, 5_000);
  minute();
  signIn('c01');
  plain.push(rate(serve(), 3, 5_000));
  return { hub, clock, plain, fast, burst, fastBad, away, aboutManager };
}

const board = (hub: Hub) => callerOf(terminal(hub, 'manager'));
/** A manager's query at the board, its answer typed. */
async function ask<Q extends QueryName>(hub: Hub, name: Q, params: QueryParams<Q>): Promise<QueryResult<Q>> {
  const answer = await hub.query(board(hub), { name, params });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result as QueryResult<Q>;
}
const flagged = (hub: Hub) => ask(hub, 'ratings.flagged', DAY);
/** The hall's counts from ratings.figures. */
const figures = async (hub: Hub) => (await ask(hub, 'ratings.figures', { ...DAY, by: 'hall', period: 'whole' })).rows[0]!.counts;
/** The same counts from the raw rows: ratings given and not excluded, and the satisfied among them. */
const rawCounts = (hub: Hub) => {
  const given = hub.store.all('ratings').filter((g) => g.excluded === 0);
  return {
    active: given.length,
    satisfied: given.filter((g) => isSatisfied(g.level)).length,
    bad: given.filter((g) => isBad(g.level)).length,
  };
};

describe('flagged ratings reviewed on the board, whatever their level', () => {
  it('lists exactly the flagged ratings, newest first, with where, whom, level and flags and nothing of the rater', async () => {
    const { hub, plain, fast, burst, fastBad, away, aboutManager } = await flaggedDay();
    // From the raw rows: every rating the hub flagged, newest first.
    const raw = hub.store
      .all('ratings')
      .filter((g) => g.flags !== '')
      .sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
    expect(new Set(raw.flatMap((g) => g.flags.split(',')))).toEqual(new Set(RATING_FLAGS));
    expect(raw.map((g) => g.id).sort()).toEqual([fast, burst[2], burst[3], fastBad, away, aboutManager].sort());
    expect(
      hub.store
        .all('ratings')
        .filter((g) => g.flags === '')
        .map((g) => g.id),
    ).toEqual(expect.arrayContaining([...plain, burst[0], burst[1]]));

    const list = await flagged(hub);
    expect(list.total).toBe(raw.length);
    expect(list.pending).toBe(raw.length);
    expect(list.rows.map((r) => r.id)).toEqual(raw.map((g) => g.id));
    expect(list.rows.map((r) => r.flags.join(','))).toEqual(raw.map((g) => g.flags));
    expect(list.rows.find((r) => r.id === fastBad)).toEqual({
      id: fastBad,
      at: hub.store.get('ratings', fastBad)!.at,
      level: 1,
      flags: ['fast'],
      counterId: 'H3301-c-01',
      staffId: 'H3301-u-1',
      serviceId: 'H3301-s-A',
      itemId: null,
      excluded: false,
      review: null,
    });
    expect(list.rows.find((r) => r.id === aboutManager)).toMatchObject({ staffId: 'H3301-u-mgr', flags: ['away'] });
    // Nothing the applicant wrote, nor the device they rated on.
    expect(JSON.stringify(list)).not.toMatch(/人很好|evaluator|comment|terminal/);
    // Another day has none.
    expect(await hub.query(board(hub), { name: 'ratings.flagged', params: { from: '2026-11-26', to: '2026-11-26' } })).toMatchObject({
      ok: true,
      result: { total: 0, pending: 0, rows: [] },
    });
    expect(await hub.query(board(hub), { name: 'ratings.flagged', params: { from: '2026-11-26', to: '2026-11-25' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('lists the latest 200 of a long burst, with the total and the waiting counted over them all', async () => {
    const clock = manualClock();
    const hub = await demoHub({ clock });
    const { kiosk, clerk } = actors(hub);
    const evaluator = send(hub, callerOf(terminal(hub, 'evaluator')));
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    // 205 ratings two seconds apart, each two seconds after its prompt: all but the first two are the burst.
    for (let i = 0; i < 205; i++) {
      ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
      ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
      ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
      ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] }));
      const requestId = hub.store.where('rating_requests', "status = 'pending'")[0]!.id;
      clock.advance(2_000);
      ok(evaluator('rating.submit', { requestId, level: 5, subScores: {}, reasons: [], comment: '' }));
    }
    const raw = hub.store
      .all('ratings')
      .filter((g) => g.flags !== '')
      .sort((a, b) => b.at - a.at);
    expect(raw).toHaveLength(203);
    signInManager(hub);
    ok(actors(hub).manager('rating.review', { ratingId: raw.at(-1)!.id, decision: 'stands', note: '核查' }));
    const list = await flagged(hub);
    expect(list).toMatchObject({ total: 203, pending: 202 });
    expect(list.rows.map((r) => r.id)).toEqual(raw.slice(0, FLAGGED_LIMIT).map((g) => g.id));
  });

  it('a manager excludes a burst 5 from the rates, keeping it; another stands; each once, noted, by who and when, audited', async () => {
    const { hub, clock, plain, burst, fast } = await flaggedDay();
    const { manager } = actors(hub);
    const before = await figures(hub);
    expect(before).toMatchObject(rawCounts(hub));

    ok(manager('rating.review', { ratingId: burst[3]!, decision: 'excluded', note: '同一设备两秒一评，疑为代评' }));
    expect(hub.store.get('ratings', burst[3]!)).toMatchObject({ level: 5, flags: 'burst', excluded: 1 });
    const after = await figures(hub);
    expect(after).toMatchObject(rawCounts(hub));
    expect(after).toMatchObject({ services: before.services, active: before.active - 1, satisfied: before.satisfied - 1 });

    clock.advance(60_000);
    ok(manager('rating.review', { ratingId: fast, decision: 'stands', note: '调阅录像，申请人本人评价' }));
    expect(hub.store.get('ratings', fast)).toMatchObject({ excluded: 0 });
    expect(await figures(hub)).toEqual(after);

    const list = await flagged(hub);
    expect(list.pending).toBe(list.total - 2);
    expect(list.rows.find((r) => r.id === burst[3])).toMatchObject({
      excluded: true,
      review: { decision: 'excluded', note: '同一设备两秒一评，疑为代评', staffId: 'H3301-u-admin', at: clock() - 60_000 },
    });
    expect(list.rows.find((r) => r.id === fast)).toMatchObject({
      excluded: false,
      review: { decision: 'stands', note: '调阅录像，申请人本人评价', staffId: 'H3301-u-admin', at: clock() },
    });

    // Once only; never a rating nobody flagged.
    expect(manager('rating.review', { ratingId: fast, decision: 'excluded', note: '改判' })).toMatchObject({
      ok: false,
      error: { code: 'RATING_INVALID', reason: 'rating.alreadyReviewed' },
    });
    expect(manager('rating.review', { ratingId: plain[0]!, decision: 'excluded', note: '排除' })).toMatchObject({
      ok: false,
      error: { code: 'RATING_INVALID', reason: 'rating.notFlagged' },
    });
    const audited = hub.db.prepare("SELECT staff_id, outcome, detail FROM audit WHERE type = 'rating.review' ORDER BY id").all() as {
      staff_id: string;
      outcome: string;
      detail: string;
    }[];
    expect(audited.filter((a) => a.outcome === 'ok').map((a) => a.staff_id)).toEqual(['H3301-u-admin', 'H3301-u-admin']);
    expect(audited[0]!.detail).toContain('同一设备两秒一评');
    expect(hub.verifyAudit().ok).toBe(true);
  });

  it('a flagged 差评 is checked here but leaves the rates only by its follow-up’s appeal; one excluded on appeal needs no review', async () => {
    const { hub, fastBad, burst } = await flaggedDay();
    const { manager } = actors(hub);
    expect(manager('rating.review', { ratingId: fastBad, decision: 'excluded', note: '误按' })).toMatchObject({
      ok: false,
      error: { code: 'FOLLOWUP_STATE', reason: 'rating.badByAppeal' },
    });
    expect(hub.store.get('ratings', fastBad)).toMatchObject({ excluded: 0 });
    // The appeal path excludes it (the same single place: ratings.excluded), and a review then has nothing to decide.
    const f = hub.store.where('followups', 'rating_id = ?', fastBad)[0]!;
    ok(manager('followup.appeal', { followupId: f.id, kind: 'mistaken', grounds: '申请人误按' }));
    signInManager(hub, 'manager');
    ok(manager('followup.decideAppeal', { followupId: f.id, upheld: true, note: '属误评' }));
    expect(await figures(hub)).toMatchObject(rawCounts(hub));
    expect(manager('rating.review', { ratingId: fastBad, decision: 'stands', note: '核查' })).toMatchObject({
      ok: false,
      error: { code: 'RATING_INVALID', reason: 'rating.alreadyExcluded' },
    });
    const list = await flagged(hub);
    expect(list.rows.find((r) => r.id === fastBad)).toMatchObject({ excluded: true, review: null });
    expect(list.pending).toBe(list.total - 1);
    ok(manager('rating.review', { ratingId: burst[2]!, decision: 'stands', note: '核查无误' }));
    expect((await flagged(hub)).pending).toBe(list.total - 2);
  });

  it('nobody reviews a rating about themselves; clerks, evaluators, kiosks and displays review nothing; bad input is typed and changes nothing', async () => {
    const { hub, aboutManager, away } = await flaggedDay();
    const review = { ratingId: away, decision: 'excluded' as const, note: '窗口无人' };
    const reviews = () => hub.db.prepare('SELECT count(*) FROM rating_reviews').pluck().get();
    signInManager(hub, 'manager');
    const seq = hub.store.currentSeq;
    expect(actors(hub).manager('rating.review', { ...review, ratingId: aboutManager })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'rating.reviewSelf' },
    });
    for (const caller of [terminal(hub, 'clerk', 0), terminal(hub, 'evaluator'), terminal(hub, 'kiosk'), terminal(hub, 'display')])
      expect(send(hub, callerOf(caller))('rating.review', review)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { manager } = actors(hub);
    expect(manager('rating.review', { ...review, ratingId: 'H3301-r-nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', reason: 'common.notFound', params: { what: 'rating' } },
    });
    expect(err(manager('rating.review', { ...review, note: '长'.repeat(501) }))).toBe('VALIDATION_FAILED');
    expect(err(manager('rating.review', { ...review, note: '   ' }))).toBe('VALIDATION_FAILED');
    expect(err(manager('rating.review', { ...review, decision: 'dropped' as never }))).toBe('VALIDATION_FAILED');
    expect(err(manager('rating.review', { ...review, extra: 1 } as never))).toBe('VALIDATION_FAILED');
    expect(hub.store.currentSeq).toBe(seq);
    expect(reviews()).toBe(0);
    expect(hub.store.get('ratings', away)).toMatchObject({ excluded: 0 });
    // The rated manager's colleague reviews it.
    signInManager(hub, 'admin');
    ok(actors(hub).manager('rating.review', { ...review, ratingId: aboutManager }));
    expect(reviews()).toBe(1);
  });
});
