import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../../shared/cases/notices';
import { printedRatingCode } from '../../shared/ratings/phone';
import type { Answer, Row } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { C1, caseHall, ITEM } from '../support/caseHall';
import { callerOf, opId, terminal } from '../support/hub';

/**
 * 好差评 by QR or code (issue 13, item 4): a concluded case's 办结通知书 and every ticket's slip carry
 * a code; the applicant's phone redeems it once over POST /rate, and nothing else redeems it.
 */

type Hall = Awaited<ReturnType<typeof caseHall>>;

async function post(hub: Hall['hub'], path: '/rate' | '/rate/look', body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; reason?: string } } };
}

/** Takes a 市场监管 case from registration to its conclusion; answers the case and its 办结通知书's code. */
function concludeOne(h: Hall) {
  const c = h.register();
  for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(h.step(c.id, s));
  ok(h.step(c.id, 'conclude', { feeCents: 0 }));
  const notice = h.hub.store.where('case_notices', "case_id = ? AND kind = 'conclude'", c.id)[0]!;
  const doc = NoticeDocument.parse(JSON.parse(notice.content));
  return { c, code: doc.ratingCode!, doc };
}

const rating = { level: 5, subScores: { efficiency: 5, skill: 4, attitude: 5 }, reasons: [], comment: '' };

describe('好差评 by the code on a 办结通知书', () => {
  it('concluding a case mints a code; the phone looks it up and rates once; the rating is stored and fed', async () => {
    const h = await caseHall();
    const { hub, clock } = h;
    const { c, code, doc } = concludeOne(h);
    expect(code).toMatch(/^[A-Z2-9]{16}$/);
    // The notice prints it in groups, with how long it holds.
    expect(doc.blocks.some((b) => b.kind === 'text' && b.text.includes(printedRatingCode(code)) && b.text.includes('7日内有效'))).toBe(
      true,
    );
    const request = hub.store.where('rating_requests', 'case_id = ?', c.id)[0]!;
    expect(request).toMatchObject({
      channel: 'qr',
      item_id: ITEM,
      service_id: null,
      counter_id: C1,
      staff_id: 'H3301-u-1',
      status: 'pending',
      expires_at: clock() + 7 * 86_400_000,
    });
    // The code is not the request's id (which managers replicate), and the window's evaluator never holds a case's request.
    expect(request.id).not.toContain(code);
    expect(hub.snapshot(terminal(hub, 'evaluator').id).tables.rating_requests ?? []).toEqual([]);

    const look = await post(hub, '/rate/look', { code: printedRatingCode(code).toLowerCase() });
    expect(look.status).toBe(200);
    expect(look.json).toEqual({ subject: '企业设立登记', counter: '1号窗口', day: '2026-11-02' });
    // The phone learns nothing of the applicant nor of who served them.
    for (const secret of ['张三', '11010519491231002X', '13800138000', c.number, 'H3301-u-1']) expect(look.text).not.toContain(secret);

    const bad = await post(hub, '/rate', { code, ...rating, level: 1, reasons: [] });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION_FAILED' } } });
    const seq = hub.store.currentSeq;
    const rated = await post(hub, '/rate', { code, ...rating, level: 1, reasons: ['slow', 'repeat_trips'], comment: '跑了三趟' });
    expect(rated).toMatchObject({ status: 200, json: {} });
    expect(hub.store.currentSeq).toBeGreaterThan(seq);
    expect(hub.store.get('rating_requests', request.id)).toMatchObject({ status: 'rated', channel: 'qr' });
    expect(hub.store.get('ratings', request.id)).toMatchObject({ level: 1, reasons: 'slow,repeat_trips', comment: '跑了三趟', flags: '' });
    // A 差评 by phone is followed up like one at the window, for the department of the case's item,
    // with the case's phone to call back, masked (revealed only by an audited action).
    expect(hub.store.where('followups', 'rating_id = ?', request.id)[0]).toMatchObject({
      status: 'open',
      department_id: c.department_id,
      phone_masked: '138****8000',
    });
    // The audit keeps the rating, never the whole code.
    const audit = hub.db.prepare("SELECT detail, terminal_id FROM audit WHERE type = 'rating.byCode'").all() as {
      detail: string;
      terminal_id: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.terminal_id).toBe('phone');
    expect(audit[0]!.detail).not.toContain(code);

    // Single use.
    expect(await post(hub, '/rate', { code, ...rating })).toMatchObject({
      status: 409,
      json: { error: { code: 'RATING_INVALID', reason: 'rating.alreadyRated' } },
    });
    expect(await post(hub, '/rate/look', { code })).toMatchObject({ status: 409, json: { error: { reason: 'rating.alreadyRated' } } });
  });

  it('refuses forged, malformed, expired codes and hall terminals, each with its code, changing nothing', async () => {
    const h = await caseHall();
    const { hub } = h;
    const { code } = concludeOne(h);
    const state = () => JSON.stringify(hub.db.prepare('SELECT * FROM rating_requests ORDER BY id').all()) + hub.store.currentSeq;
    const before = state();
    const auditRows = () => (hub.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const audited = auditRows();
    const forged = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    expect(await post(hub, '/rate', { code: forged, ...rating })).toMatchObject({
      status: 409,
      json: { error: { code: 'RATING_INVALID', reason: 'rating.invalid' } },
    });
    for (const body of [
      { code: 'O0O0O0O0O0O0O0O0', ...rating },
      { code, ...rating, level: 6 },
      { code, ...rating, level: 0 },
      { code, ...rating, level: 2 },
      { code, ...rating, subScores: { attitude: 9 } },
      { code, ...rating, reasons: ['rude'] },
      { code, ...rating, comment: '长'.repeat(201) },
      { code, ...rating, extra: 1 },
      { ...rating },
      'x',
    ])
      expect((await post(hub, '/rate', body)).json.error?.code).toBe('VALIDATION_FAILED');
    expect(await post(hub, '/rate', { code, ...rating, comment: 'x'.repeat(5000) })).toMatchObject({
      status: 413,
      json: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
    // A clerk's or a manager's terminal cannot rate, even with the paper in hand.
    for (const role of ['clerk', 'manager'] as const)
      expect(await post(hub, '/rate', { code, ...rating }, { authorization: `Bearer ${terminal(hub, role).token}` })).toMatchObject({
        status: 403,
        json: { error: { code: 'FORBIDDEN', reason: 'rating.terminal' } },
      });
    // Nor any socket command: the window's evaluator at the case's very counter is refused the case's request.
    const request = hub.store.where('rating_requests', 'case_id IS NOT NULL')[0]!;
    const evaluator = callerOf(terminal(hub, 'evaluator'));
    expect(evaluator.counterId).toBe(C1);
    const submit = (caller: typeof evaluator) =>
      hub.execute(caller, { opId: opId(), type: 'rating.submit', payload: { requestId: request.id, ...rating } }) as Answer;
    expect(submit(evaluator)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'rating.phoneOnly' } });
    for (const role of ['clerk', 'manager'] as const)
      expect(submit(callerOf(terminal(hub, role)))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(state()).toBe(before);
    // Guesses, malformed bodies and terminals leave no audit rows behind (the evaluator's refused command has its own).
    expect(auditRows()).toBe(audited + 1);

    // Seven days later the code is over: refused, and the service counts as unrated (timed out).
    h.days(7);
    expect(await post(hub, '/rate', { code, ...rating })).toMatchObject({
      status: 409,
      json: { error: { code: 'RATING_INVALID', reason: 'rating.expired' } },
    });
    const summary = await h.ask('ratings.summary', { from: '2026-11-02', to: '2026-11-09', by: 'department' });
    expect(summary.hall).toMatchObject({ services: 1, active: 0, unrated: 1 });
    // (The feed moved on by the administrator's new session alone.)
    expect(state().replace(/\d+$/, '')).toBe(before.replace(/\d+$/, ''));
  });

  it('rate limits each address', async () => {
    const h = await caseHall();
    const answers = await Promise.all(Array.from({ length: 35 }, () => post(h.hub, '/rate/look', { code: 'AAAAAAAAAAAAAAAA' })));
    expect(answers.filter((a) => a.status === 429)).not.toHaveLength(0);
    expect(answers.find((a) => a.status === 429)!.json.error!.code).toBe('RATE_LIMITED');
  });
});

describe('好差评 by the code on a ticket’s slip', () => {
  it('the slip’s code rates its service once it ends, unless the window’s evaluator rated it first; one rating per service', async () => {
    const h = await caseHall();
    const { hub, clock } = h;
    const { kiosk } = actors(hub);
    const service = hub.store.where('counter_services', 'counter_id = ? AND position = 0', C1)[0]!.service_id;
    const issue = () =>
      ok(kiosk('ticket.issue', { serviceId: service, priority: 'normal', confirm: null })) as {
        ratingCode: string;
        ticket: { id: string };
      };
    const serve = () => {
      ok(h.clerk('ticket.callNext', { counterId: C1 }));
      ok(h.clerk('ticket.start', { counterId: C1 }));
      ok(h.clerk('ticket.finish', { counterId: C1, handledServiceIds: [service] }));
    };
    const first = issue();
    expect(first.ratingCode).toMatch(/^[A-Z2-9]{16}$/);
    // Not served yet: nothing to rate.
    expect(await post(hub, '/rate/look', { code: first.ratingCode })).toMatchObject({ json: { error: { reason: 'rating.notYet' } } });
    serve();
    const request = hub.store.where('rating_requests', 'ticket_id = ?', first.ticket.id)[0]!;
    expect(request).toMatchObject({ channel: 'device', status: 'pending' });
    // The applicant walked away from the window: an hour later, the phone rates it.
    clock.advance(3_600_000);
    expect((await post(hub, '/rate/look', { code: first.ratingCode })).json).toMatchObject({ counter: '1号窗口', day: '2026-11-02' });
    expect(await post(hub, '/rate', { code: first.ratingCode, ...rating, level: 4 })).toMatchObject({ status: 200 });
    expect(hub.store.get('rating_requests', request.id)).toMatchObject({ status: 'rated', channel: 'qr', unrated_cause: null });
    expect(hub.store.get('ratings', request.id)).toMatchObject({ level: 4 });

    // Rated at the window first: the slip's code is used up.
    const second = issue();
    serve();
    const windowRequest = hub.store.where('rating_requests', 'ticket_id = ?', second.ticket.id)[0]!;
    ok(
      hub.execute(callerOf(terminal(hub, 'evaluator')), {
        opId: opId(),
        type: 'rating.submit',
        payload: { requestId: windowRequest.id, ...rating },
      }) as Answer,
    );
    expect(await post(hub, '/rate', { code: second.ratingCode, ...rating })).toMatchObject({
      json: { error: { reason: 'rating.alreadyRated' } },
    });
    const summary = await h.ask('ratings.summary', { from: '2026-11-02', to: '2026-11-02', by: 'service' });
    expect(summary.hall).toMatchObject({ services: 2, active: 2 });
    expect(hub.store.all('ratings') as Row<'ratings'>[]).toHaveLength(2);
  });
});

describe('publication: the public board and the month’s export', () => {
  it('the display gets this month’s aggregates per department, clerks by public name only where the hall says so; nothing of anyone rating', async () => {
    const h = await caseHall();
    const { hub } = h;
    const { code } = concludeOne(h);
    expect(await post(hub, '/rate', { code, ...rating, level: 5, comment: '张三很满意' })).toMatchObject({ status: 200 });
    // A ticket at the same counter, rated 差评 at the window.
    const { kiosk } = actors(hub);
    const service = hub.store.where('counter_services', 'counter_id = ? AND position = 0', C1)[0]!.service_id;
    ok(kiosk('ticket.issue', { serviceId: service, priority: 'normal', confirm: null }));
    ok(h.clerk('ticket.callNext', { counterId: C1 }));
    ok(h.clerk('ticket.start', { counterId: C1 }));
    ok(h.clerk('ticket.finish', { counterId: C1, handledServiceIds: [service] }));
    const windowRequest = hub.store.where('rating_requests', "channel = 'device'")[0]!;
    ok(
      hub.execute(callerOf(terminal(hub, 'evaluator')), {
        opId: opId(),
        type: 'rating.submit',
        payload: { requestId: windowRequest.id, ...rating, level: 2, reasons: ['slow'], comment: '等太久' },
      }) as Answer,
    );

    const board = async (role: 'display' | 'clerk' | 'kiosk') =>
      hub.query(callerOf(terminal(hub, role)), { name: 'ratings.board', params: {} });
    const shown = await board('display');
    expect(shown).toMatchObject({
      ok: true,
      result: { month: '2026-11', departments: [{ name: '市场监督管理局', ratings: 2, satisfied: 1, few: true, clerks: [] }] },
    });
    const text = JSON.stringify(shown);
    for (const secret of ['张三', '11010519491231002X', '13800138000', '等太久', 'c01', 'H3301-u-1', '王'])
      expect(text).not.toContain(secret);
    for (const role of ['clerk', 'kiosk'] as const) expect(await board(role)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The hall publishes names: the clerk appears by the name on their card, with their own counts.
    ok(actors(hub).manager('hall.setRatingSettings', { publishNames: true }));
    const named = await board('display');
    const card = hub.store.get('staff_cards', 'H3301-u-1')!.display_name;
    expect(named).toMatchObject({
      result: { departments: [{ clerks: [{ name: card, ratings: 2, satisfied: 1, few: true }] }] },
    });
    expect(JSON.stringify(named)).not.toContain('等太久');

    // The export: every rating of the month, where and about whom (工号), never who gave it nor what they wrote.
    const exported = await h.ask('ratings.export', { month: '2026-11' });
    expect(exported).toHaveLength(2);
    expect(exported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          department: '市场监督管理局',
          subject: '企业设立登记',
          counter: '1号窗口',
          staffLogin: 'c01',
          level: 5,
          channel: 'qr',
        }),
        expect.objectContaining({ staffLogin: 'c01', level: 2, reasons: ['slow'], channel: 'device', excluded: false }),
      ]),
    );
    expect(JSON.stringify(exported)).not.toMatch(/张三|等太久|很满意|evaluator|terminal/);
    expect(await h.ask('ratings.export', { month: '2026-10' })).toEqual([]);
  });
});
