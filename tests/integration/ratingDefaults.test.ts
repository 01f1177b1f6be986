import { describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/protocol';
import { NoticeDocument } from '../../shared/cases/notices';
import { figures } from '../../shared/ratings/figures';
import { actors, err, ok } from '../support/actors';
import { C1, caseHall, ITEM } from '../support/caseHall';
import { callerOf, opId, signInManager, terminal } from '../support/hub';

/**
 * A province's default rating (issue 13, item 1) in a running hub: services left unrated past the
 * rule's days (and their codes' expiry) count as default 基本满意 in ratings.figures, flagged apart
 * and never as active ratings; beside them, in the same data, a 差评 removed on an upheld appeal, a
 * concluded case rated by its code (counted under its catalog item) and one left unrated. Every
 * count is checked against one computed here from the raw rows.
 */

type Hall = Awaited<ReturnType<typeof caseHall>>;
const DAY = 86_400_000;

/** Serves one ticket at counter 1 from issue to finish; returns its rating request's id. */
function serveOne(h: Hall): string {
  const { kiosk } = actors(h.hub);
  ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
  ok(h.clerk('ticket.callNext', { counterId: C1 }));
  ok(h.clerk('ticket.start', { counterId: C1 }));
  const { ticket } = ok(h.clerk('ticket.finish', { counterId: C1, handledServiceIds: ['H3301-s-A'] })) as { ticket: { id: string } };
  return h.hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!.id;
}

const evaluator = (h: Hall) => {
  const caller = callerOf(terminal(h.hub, 'evaluator'));
  return (type: 'rating.submit' | 'rating.decline', payload: Record<string, unknown>) =>
    h.hub.execute(caller, { opId: opId(), type, payload } as never) as Answer;
};

/** A 市场监管 case taken to its conclusion; answers its id and its 办结通知书's code. */
function concludeOne(h: Hall) {
  const c = h.register();
  for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(h.step(c.id, s));
  ok(h.step(c.id, 'conclude', { feeCents: 0 }));
  const notice = h.hub.store.where('case_notices', "case_id = ? AND kind = 'conclude'", c.id)[0]!;
  return { id: c.id, code: NoticeDocument.parse(JSON.parse(notice.content)).ratingCode! };
}

/** The figures' counts straight from the raw rows: plain loops, none of the definitions. */
function fromRawRows(h: Hall, defaultDays: number, key: (r: { service_id: string | null; item_id: string | null }) => string | null) {
  const now = h.clock();
  const ratings = new Map(h.hub.store.all('ratings').map((g) => [g.id, g]));
  const out = new Map<string | null, Record<string, number>>();
  for (const r of h.hub.store.all('rating_requests')) {
    const c = out.get(key(r)) ?? { services: 0, active: 0, satisfied: 0, bad: 0, unrated: 0, defaulted: 0 };
    out.set(key(r), c);
    c.services! += 1;
    const g = ratings.get(r.id);
    if (r.status === 'rated' && g && g.excluded === 0) {
      c.active! += 1;
      if (g.level >= 3) c.satisfied! += 1;
      else c.bad! += 1;
    }
    const unrated = r.status === 'unrated' || (r.status === 'pending' && r.expires_at <= now);
    if (unrated) c.unrated! += 1;
    if (unrated && now - r.created_at >= defaultDays * DAY) c.defaulted! += 1;
  }
  return out;
}

describe('好差评 default ratings, beside an upheld appeal', () => {
  it('a service left unrated past the rule’s days counts as a default, never as an active rating, and by its catalog item for a case', async () => {
    const h = await caseHall();
    const { hub } = h;
    const { manager } = actors(hub);
    // Off by default: a hall without the rule never defaults.
    expect(err(manager('hall.setRatingSettings', { defaultAfterDays: 31 }))).toBe('VALIDATION_FAILED');
    ok(manager('hall.setRatingSettings', { defaultAfterDays: 5 })); // shorter than the codes' 7 days: 7 it is
    const rate = evaluator(h);

    const liked = serveOne(h);
    h.clock.advance(5_000);
    ok(rate('rating.submit', { requestId: liked, level: 5, subScores: {}, reasons: [], comment: '' }));
    const appealed = serveOne(h);
    h.clock.advance(5_000);
    ok(rate('rating.submit', { requestId: appealed, level: 1, subScores: {}, reasons: ['attitude'], comment: '' }));
    const declined = serveOne(h);
    ok(rate('rating.decline', { requestId: declined }));
    const timedOut = serveOne(h);
    h.clock.advance(120_000);
    // Upheld on appeal: the 差评 leaves the rates, stays in the record.
    const f = hub.store.where('followups', 'rating_id = ?', appealed)[0]!;
    ok(manager('followup.appeal', { followupId: f.id, kind: 'mistaken', grounds: '申请人误按' }));
    signInManager(hub, 'manager');
    ok(actors(hub).manager('followup.decideAppeal', { followupId: f.id, upheld: true, note: '经核查属误评' }));

    // Two concluded cases: one rated 不满意 by the code on its notice, one never rated.
    const ratedCase = concludeOne(h);
    const res = await fetch(`${hub.url}/rate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: ratedCase.code, level: 2, subScores: {}, reasons: ['repeat_trips'], comment: '' }),
    });
    expect(res.status).toBe(200);
    const silentCase = concludeOne(h);
    const caseRequest = (id: string) => hub.store.where('rating_requests', 'case_id = ?', id)[0]!;
    expect(caseRequest(ratedCase.id)).toMatchObject({ item_id: ITEM, status: 'rated' });

    const day = '2026-11-02';
    const hall = async () => (await h.ask('ratings.figures', { from: day, to: day, by: 'hall', period: 'whole' })).rows[0]!.counts;
    // Day six: the codes still hold (the silent case's request is pending still), no default yet.
    h.days(6);
    expect(await hall()).toMatchObject({ services: 6, active: 2, unrated: 2, defaulted: 0 });
    expect(fromRawRows(h, 7, () => 'hall').get('hall')).toMatchObject({ defaulted: 0 });

    // Day eight: the timed-out, the declined and the silent case are defaults; nothing was written for it.
    const seq = hub.store.currentSeq;
    h.days(2);
    const counts = await hall();
    const want = fromRawRows(h, 7, () => 'hall').get('hall')!;
    expect(counts).toMatchObject(want);
    expect(want).toEqual({ services: 6, active: 2, satisfied: 1, bad: 1, unrated: 3, defaulted: 3 });
    expect(hub.store.currentSeq).toBe(seq + 2); // the two sign-ins of the manager, nothing of the ratings
    for (const id of [declined, timedOut, caseRequest(silentCase.id).id])
      expect(hub.store.get('rating_requests', id)!.status).toMatch(/pending|unrated/);
    expect(hub.store.get('ratings', appealed)).toMatchObject({ level: 1, excluded: 1 });

    // 主动评价率 and 满意率 as DOMAIN.md has them, the defaults apart; the rule's own figure beside.
    const f8 = figures(counts, 30);
    expect(f8.participation).toMatchObject({ num: 2, of: 6 });
    expect(f8.satisfaction).toMatchObject({ num: 1, of: 2 });
    expect(f8.badRate).toMatchObject({ num: 1, of: 2 });
    expect(f8.satisfactionWithDefaults).toMatchObject({ num: 4, of: 5 });
    // The upheld appeal's follow-up needs no 整改; the case's 差评 does.
    expect(counts).toMatchObject({ needFix: 1, fixed: 0 });

    // By catalog item: the two cases under theirs, the tickets (no item) in the none group.
    const byItem = (await h.ask('ratings.figures', { from: day, to: day, by: 'item', period: 'whole' })).rows;
    const wantByItem = fromRawRows(h, 7, (r) => r.item_id);
    expect(byItem.map((r) => r.id).sort()).toEqual([...wantByItem.keys()].sort());
    for (const row of byItem) expect(row.counts).toMatchObject(wantByItem.get(row.id)!);
    expect(byItem.find((r) => r.id === ITEM)!.counts).toMatchObject({ services: 2, active: 1, bad: 1, defaulted: 1, needFix: 1 });

    // The 差评 list names the case's item (it has no service).
    const summary = await h.ask('ratings.summary', { from: day, to: day, by: 'service' });
    expect(summary.bad).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: caseRequest(ratedCase.id).id, itemId: ITEM, serviceId: null }),
        expect.objectContaining({ id: appealed, itemId: null, serviceId: 'H3301-s-A', excluded: true }),
      ]),
    );

    // The month's export lists the defaults, flagged, at the moment each became one, beside the ratings given.
    const exported = await h.ask('ratings.export', { month: '2026-11' });
    expect(exported.map((r) => [r.level, r.channel, r.excluded, r.defaulted])).toEqual([
      [5, 'device', false, false],
      [1, 'device', true, false],
      [2, 'qr', false, false],
      ...[['device'], ['device'], ['qr']].map(([channel]) => [3, channel, false, true]),
    ]);
    const defaults = exported.filter((r) => r.defaulted);
    expect(defaults.map((r) => r.subject)).toEqual(['企业开办', '企业开办', '企业设立登记'].map((n) => expect.stringContaining(n)));
    for (const r of defaults) expect(r).toMatchObject({ efficiency: null, skill: null, attitude: null, reasons: [], flags: '' });
    expect(defaults[2]!.at).toBe(caseRequest(silentCase.id).created_at + 7 * DAY);

    // The rule switched off: the same rows, no defaults.
    ok(actors(hub).manager('hall.setRatingSettings', { defaultAfterDays: 0 }));
    expect(await hall()).toMatchObject({ ...want, defaulted: 0 });
    expect((await h.ask('ratings.export', { month: '2026-11' })).filter((r) => r.defaulted)).toEqual([]);
  });
});
