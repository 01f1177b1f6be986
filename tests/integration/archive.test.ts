import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { ArchiveMonth, ArchiveRanking } from '../../shared/archive/queries';
import { DEFAULT_RULES, type ScoreRules } from '../../shared/archive/rules';
import type { QueryAnswer } from '../../shared/protocol';
import { actors, err, ok } from '../support/actors';
import { newCase } from '../support/cases';
import { callerOf, demoHub, manualClock, opId, signInManager, terminal } from '../support/hub';

const C01 = 'H3301-c-01';
const CLERK1 = 'H3301-u-1';
const HOUR = 3_600_000;
const MIN = 60_000;

const result = <T>(a: QueryAnswer): T => {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.result as T;
};
const managerQuery = <T>(hub: Hub, name: string, params: unknown) =>
  hub.query(callerOf(terminal(hub, 'manager')), { name, params }).then(result<T>);

/** The applicant at counter 1's evaluator rates the service of `ticketId`. */
function rate(hub: Hub, ticketId: string, level: number) {
  const request = hub.store.where('rating_requests', 'ticket_id = ?', ticketId)[0]!;
  const answer = hub.execute(callerOf(terminal(hub, 'evaluator')), {
    opId: opId(),
    type: 'rating.submit',
    payload: { requestId: request.id, level, subScores: {}, reasons: level <= 2 ? ['slow'] : [], comment: '' },
  });
  expect(answer).toMatchObject({ ok: true });
}

/**
 * A scripted month for clerk c01 at counter 1: two working days in November with calls, a recall,
 * a no-show, a transfer, a pause with its reason, ratings good and bad, a case received and two
 * decided late (a yellow and a red card), and one day in December that must not count.
 */
async function scriptedMonth() {
  const clock = manualClock(Date.parse('2026-11-02T01:00:00Z')); // Monday 09:00 in Beijing
  const hub = await demoHub({ clock });
  const { kiosk, clerk } = actors(hub);
  const c = clerk(0);
  const issue = () =>
    (ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null })) as { ticket: { id: string } }).ticket.id;
  const serve = (minutes: number) => {
    ok(c('ticket.callNext', { counterId: C01 }));
    clock.advance(MIN);
    ok(c('ticket.start', { counterId: C01 }));
    clock.advance(minutes * MIN);
    return (ok(c('ticket.finish', { counterId: C01, handledServiceIds: ['H3301-s-A'] })) as { ticket: { id: string } }).ticket.id;
  };
  const day = (levels: number[]) => {
    ok(c('counter.signIn', { counterId: C01, login: 'c01', password: 'demo1234' }));
    issue();
    issue();
    issue();
    issue();
    clock.advance(5 * MIN);
    const first = serve(7);
    if (levels[0]) rate(hub, first, levels[0]);
    // A recall: the wait runs to the last call of the series.
    ok(c('ticket.callNext', { counterId: C01 }));
    clock.advance(2 * MIN);
    ok(c('ticket.recall', { counterId: C01 }));
    clock.advance(MIN);
    ok(c('ticket.start', { counterId: C01 }));
    clock.advance(12 * MIN);
    const second = (ok(c('ticket.finish', { counterId: C01, handledServiceIds: ['H3301-s-A'] })) as { ticket: { id: string } }).ticket.id;
    if (levels[1]) rate(hub, second, levels[1]);
    // A no-show.
    ok(c('ticket.callNext', { counterId: C01 }));
    clock.advance(3 * MIN);
    ok(c('ticket.noShow', { counterId: C01 }));
    // A pause for a meeting, then a transfer to service C after some service.
    ok(c('counter.pause', { counterId: C01, reason: '会议' }));
    clock.advance(25 * MIN);
    ok(c('counter.resume', { counterId: C01 }));
    ok(c('ticket.callNext', { counterId: C01 }));
    ok(c('ticket.start', { counterId: C01 }));
    clock.advance(4 * MIN);
    ok(c('ticket.transfer', { counterId: C01, toServiceId: 'H3301-s-C', toCounterId: null, mode: 'keep' }));
    clock.advance(30 * MIN);
    ok(c('counter.signOut', { counterId: C01 }));
  };
  day([5, 1]);
  ok(c('counter.signIn', { counterId: C01, login: 'c01', password: 'demo1234' }));
  ok(c('case.register', newCase({ at: clock() })));
  ok(c('counter.signOut', { counterId: C01 }));
  clock.advance(24 * HOUR); // Tuesday 3 November
  signInManager(hub);
  day([]);
  // Two of the clerk's cases, decided past their statutory limits: one day (yellow) and three (red).
  const cases = hub.store.where('cases', 'first_clerk_id = ?', CLERK1);
  ok(c('counter.signIn', { counterId: C01, login: 'c01', password: 'demo1234' }));
  ok(c('case.register', newCase({ at: clock() })));
  ok(c('counter.signOut', { counterId: C01 }));
  const [yellow, red] = hub.store.where('cases', 'first_clerk_id = ?', CLERK1);
  hub.store.transaction(() => {
    hub.store.patch('cases', yellow!.id, { handler_id: CLERK1, decided_at: clock(), late_days: 1, card: 'yellow', on_time: 0 });
    hub.store.patch('cases', red!.id, { handler_id: CLERK1, decided_at: clock(), late_days: 3, card: 'red', on_time: 0 });
  });
  expect(cases).toHaveLength(1);
  clock.advance(28 * 24 * HOUR); // Tuesday 1 December: its service is not November's
  signInManager(hub);
  ok(c('counter.signIn', { counterId: C01, login: 'c01', password: 'demo1234' }));
  issue();
  serve(9);
  ok(c('counter.signOut', { counterId: C01 }));
  return { hub, clock };
}

/** The month's figures for one clerk, computed here from the raw rows, independently of the hub's code. */
function independent(hub: Hub, staffId: string, from: number, to: number) {
  const inMonth = (at: number) => at >= from && at < to;
  const events = hub.store.db.prepare('SELECT ticket_id, type, staff_id, at, id FROM ticket_events ORDER BY ticket_id, at, id').all() as {
    ticket_id: string;
    type: string;
    staff_id: string | null;
    at: number;
  }[];
  const mine = events.filter((e) => e.staff_id === staffId && inMonth(e.at));
  const byTicket = (id: string) => events.filter((e) => e.ticket_id === id);
  let waitMs = 0;
  let serviceMs = 0;
  let servingMs = 0;
  for (const call of mine.filter((e) => e.type === 'call')) {
    const history = byTicket(call.ticket_id);
    const after = history.filter((e) => e.at >= call.at);
    const end = after.find((e) => ['start', 'no_show'].includes(e.type))!;
    const lastCall = after.filter((e) => e.at <= end.at && ['call', 'recall'].includes(e.type)).at(-1)!;
    // These tickets entered the line only at issue.
    waitMs += lastCall.at - history.find((e) => e.type === 'issue')!.at;
    if (end.type === 'start') {
      const over = after.find((e) => ['finish', 'transfer'].includes(e.type))!;
      servingMs += over.at - end.at;
      if (over.type === 'finish') serviceMs += over.at - end.at;
    }
  }
  const log = hub.store.db.prepare('SELECT event, reason, at FROM counter_log WHERE staff_id = ? ORDER BY at').all(staffId) as {
    event: string;
    reason: string | null;
    at: number;
  }[];
  let signedInMs = 0;
  let pausedMs = 0;
  let since = 0;
  let paused = 0;
  for (const l of log.filter((x) => inMonth(x.at))) {
    if (l.event === 'sign_in') since = l.at;
    if (l.event === 'sign_out') signedInMs += l.at - since;
    if (l.event === 'pause') paused = l.at;
    if (l.event === 'resume') pausedMs += l.at - paused;
  }
  const levels = hub.store.db
    .prepare(
      'SELECT g.level FROM ratings g JOIN rating_requests r ON r.id = g.id WHERE r.staff_id = ? AND r.created_at >= ? AND r.created_at < ?',
    )
    .all(staffId, from, to) as { level: number }[];
  return {
    called: mine.filter((e) => e.type === 'call').length,
    finished: mine.filter((e) => e.type === 'finish').length,
    noShows: mine.filter((e) => e.type === 'no_show').length,
    waitMs,
    serviceMs,
    servingMs,
    signedInMs,
    idleMs: signedInMs - servingMs,
    pausedMs,
    ratings: levels.length,
    bad: levels.filter((l) => l.level <= 2).length,
  };
}

describe('the efficiency archive (效能档案)', () => {
  it('a clerk’s month of facts equals an independent computation from the raw rows; December stays out', async () => {
    const { hub } = await scriptedMonth();
    const november = { from: Date.parse('2026-10-31T16:00:00Z'), to: Date.parse('2026-11-30T16:00:00Z') };
    const want = independent(hub, CLERK1, november.from, november.to);
    const a = await managerQuery<ArchiveMonth>(hub, 'archive.staffMonth', { staffId: CLERK1, month: '2026-11' });
    // The script's own numbers, so that an empty month cannot pass: 4 calls a day, 2 finished, 1 no-show.
    expect(want).toMatchObject({ called: 8, finished: 4, noShows: 2, ratings: 2, bad: 1, pausedMs: 50 * MIN });
    expect(a.facts.queue).toEqual({
      called: want.called,
      waitMs: want.waitMs,
      withinTarget: expect.any(Number),
      started: 6,
      finished: want.finished,
      serviceMs: want.serviceMs,
      noShows: want.noShows,
      servingMs: want.servingMs,
      signedInMs: want.signedInMs,
      idleMs: want.idleMs,
      // Each day the four tickets waited 5 minutes after the sign-in before the first call: 4 past the minute's grace.
      // Between tickets the next was called at once, the pause is not open time, and nothing waited that counter 1 takes after the transfer.
      idleWhileWaitingMs: 2 * 4 * MIN,
    });
    expect(a.facts.pauses).toEqual([{ reason: '会议', count: 2, ms: want.pausedMs }]);
    expect(a.facts.ratings).toMatchObject({ services: 4, active: want.ratings, bad: want.bad, satisfied: 1 });
    expect(a.facts.bad).toHaveLength(1);
    expect(a.facts.cases).toEqual({ received: 2, decided: 2, onTime: 0, yellow: 1, red: 1 });
    // The default sheet: business 30 − 差评 2 − yellow 2 − red 5 = 21; 91 in all.
    expect(a.score).toMatchObject({ version: 2, total: 91 });
    const december = await managerQuery<ArchiveMonth>(hub, 'archive.staffMonth', { staffId: CLERK1, month: '2026-12' });
    expect(december.facts.queue).toMatchObject({ called: 1, finished: 1, serviceMs: 9 * MIN });
    expect(december.facts.ratings.services).toBe(1);
  });

  it('entries are dated, attributed and audited; a contest is decided by a manager other than the one contesting', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const { manager, clerk } = actors(hub);
    const entryOf = (a: ReturnType<typeof manager>) => (ok(a) as { entry: { id: string; by_id: string; day: string } }).entry;
    const seq = hub.store.currentSeq;
    // Bad entries change nothing.
    expect(
      err(
        manager('archive.addEntry', { staffId: CLERK1, kind: 'training', day: '2026-11-20', item: 'late_early', times: 1, note: '培训' }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      err(manager('archive.addEntry', { staffId: CLERK1, kind: 'deduction', day: '2026-11-20', item: 'sleeping', times: 1, note: '睡岗' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      err(manager('archive.addEntry', { staffId: CLERK1, kind: 'deduction', day: '2026-11-26', item: 'off_post', times: 1, note: '离岗' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      err(
        manager('archive.addEntry', {
          staffId: 'H3301-u-admin',
          kind: 'commendation',
          day: '2026-11-20',
          item: null,
          times: 1,
          note: '表扬自己',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      err(
        manager('archive.addEntry', { staffId: 'H3301-u-nobody', kind: 'training', day: '2026-11-20', item: null, times: 1, note: '培训' }),
      ),
    ).toBe('NOT_FOUND');
    expect(hub.store.currentSeq).toBe(seq);
    // A clerk cannot write entries.
    expect(
      err(
        clerk(0)('archive.addEntry', { staffId: 'H3301-u-2', kind: 'commendation', day: '2026-11-20', item: null, times: 1, note: '好' }),
      ),
    ).toBe('FORBIDDEN');

    const finding = entryOf(
      manager('archive.addEntry', {
        staffId: CLERK1,
        kind: 'inspection',
        day: '2026-11-20',
        item: 'off_post',
        times: 2,
        note: '暗访：两次离岗',
      }),
    );
    expect(finding).toMatchObject({ by_id: 'H3301-u-admin', day: '2026-11-20' });
    const audit = hub.store.db
      .prepare("SELECT staff_id, terminal_id, outcome, detail FROM audit WHERE type = 'archive.addEntry' AND outcome = 'ok'")
      .all() as {
      staff_id: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: 'H3301-u-admin' });
    expect(audit[0]!.detail).toContain('暗访：两次离岗');
    // Refused attempts are audited too, with their outcome.
    expect(
      (hub.store.db.prepare("SELECT count(*) AS n FROM audit WHERE type = 'archive.addEntry' AND outcome <> 'ok'").get() as { n: number })
        .n,
    ).toBe(5);

    const month = () => managerQuery<ArchiveMonth>(hub, 'archive.staffMonth', { staffId: CLERK1, month: '2026-11' });
    expect((await month()).score.total).toBe(90);
    // The clerk contests at their counter, once; only their own entries.
    const c = clerk(0);
    expect(err(c('archive.contest', { entryId: finding.id, grounds: '当时在后台取材料' }))).toBe('COUNTER_STATE');
    ok(c('counter.signIn', { counterId: C01, login: 'c01', password: 'demo1234' }));
    const other = entryOf(
      manager('archive.addEntry', {
        staffId: 'H3301-u-2',
        kind: 'deduction',
        day: '2026-11-21',
        item: 'taboo_words',
        times: 1,
        note: '服务忌语',
      }),
    );
    expect(err(c('archive.contest', { entryId: other.id, grounds: '不是我' }))).toBe('FORBIDDEN');
    ok(c('archive.contest', { entryId: finding.id, grounds: '当时在后台取材料' }));
    expect(err(c('archive.contest', { entryId: finding.id, grounds: '再次' }))).toBe('VALIDATION_FAILED');
    // A manager decides: upheld, the entry stays on record and stops counting.
    const decided = entryOf(
      manager('archive.decideContest', { entryId: finding.id, upheld: true, note: '核实录像，确在取材料' }),
    ) as unknown as ArchiveMonth['entries'][number];
    expect(decided).toMatchObject({
      contest: 'upheld',
      decided_by: 'H3301-u-admin',
      decision_note: '核实录像，确在取材料',
      contest_grounds: '当时在后台取材料',
    });
    expect((await month()).score.total).toBe(100);
    expect((await month()).entries.map((e) => e.id)).toEqual([finding.id]);
    expect(err(manager('archive.decideContest', { entryId: finding.id, upheld: false, note: '再议' }))).toBe('VALIDATION_FAILED');

    // The contesting staff member cannot decide their own: an entry about the hall manager, contested at the board.
    const aboutManager = entryOf(
      manager('archive.addEntry', {
        staffId: 'H3301-u-mgr',
        kind: 'deduction',
        day: '2026-11-24',
        item: 'late_early',
        times: 1,
        note: '迟到',
      }),
    );
    signInManager(hub, 'manager');
    ok(manager('archive.contest', { entryId: aboutManager.id, grounds: '外出开会' }));
    expect(err(manager('archive.decideContest', { entryId: aboutManager.id, upheld: true, note: '自己说了算' }))).toBe('FORBIDDEN');
    signInManager(hub, 'admin');
    expect(entryOf(manager('archive.decideContest', { entryId: aboutManager.id, upheld: false, note: '无外出记录' }))).toMatchObject({
      contest: 'rejected',
    });
    expect(hub.verifyAudit().ok).toBe(true);
  });

  it('the score sheet is edited by the administrator as a new version; scores keep the version they were computed under', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const { manager } = actors(hub);
    ok(
      manager('archive.addEntry', {
        staffId: CLERK1,
        kind: 'deduction',
        day: '2026-11-20',
        item: 'late_early',
        times: 1,
        note: '迟到 10 分钟',
      }),
    );
    ok(
      manager('archive.addEntry', {
        staffId: 'H3301-u-2',
        kind: 'commendation',
        day: '2026-11-20',
        item: null,
        times: 1,
        note: '群众送锦旗',
      }),
    );
    expect(ok(manager('archive.scoreMonth', { month: '2026-11' }))).toEqual({ version: 2, scored: 16 });
    expect(err(manager('archive.scoreMonth', { month: '2026-12' }))).toBe('VALIDATION_FAILED');
    // 迟到早退 −5 from 考勤 and 全勤 forfeited: 85.
    const before = hub.store.get('archive_scores', `${CLERK1}-2026-11-v2`)!;
    expect(before).toMatchObject({ score: 85, rules_version: 2 });

    // A broken sheet is refused; the hall manager may not edit the sheet at all.
    const broken: ScoreRules = {
      ...DEFAULT_RULES,
      sections: DEFAULT_RULES.sections.map((s) => (s.code === 'business' ? { ...s, max: 40 } : s)),
    };
    expect(err(manager('archive.setRules', { rules: broken }))).toBe('VALIDATION_FAILED');
    const lenient: ScoreRules = {
      ...DEFAULT_RULES,
      sections: DEFAULT_RULES.sections.map((s) => (s.code === 'full_attendance' ? { ...s, forfeitOn: null } : s)),
      items: DEFAULT_RULES.items.map((i) => (i.code === 'late_early' ? { ...i, points: 2 } : i)),
    };
    signInManager(hub, 'manager');
    expect(err(manager('archive.setRules', { rules: lenient }))).toBe('FORBIDDEN');
    signInManager(hub, 'admin');
    expect(ok(manager('archive.setRules', { rules: lenient }))).toEqual({ version: 3 });
    expect(hub.store.where('score_rules', 'version = 3')[0]).toMatchObject({ by_id: 'H3301-u-admin', rules: JSON.stringify(lenient) });
    const live = await managerQuery<ArchiveMonth>(hub, 'archive.staffMonth', { staffId: CLERK1, month: '2026-11' });
    expect(live.score).toMatchObject({ version: 3, total: 98 });
    expect(live.stored).toEqual([{ version: 2, score: 85, at: before.at }]);
    expect(ok(manager('archive.scoreMonth', { month: '2026-11' }))).toEqual({ version: 3, scored: 16 });
    expect(hub.store.get('archive_scores', `${CLERK1}-2026-11-v2`)).toEqual(before);
    expect(hub.store.get('archive_scores', `${CLERK1}-2026-11-v3`)).toMatchObject({ score: 98, rules_version: 3 });
    // The ranking reads the newest version the month was scored under, by department with counts.
    const ranking = await managerQuery<ArchiveRanking>(hub, 'archive.ranking', { month: '2026-11' });
    expect(ranking.version).toBe(3);
    const amr = ranking.departments.find((d) => d.staff.some((s) => s.staffId === CLERK1))!;
    expect(amr.scored).toBe(amr.staff.length);
    expect(amr.deducted).toBe(1);
    expect(amr.full).toBe(amr.scored - 1);
    expect(amr.staff.at(-1)).toEqual({ staffId: CLERK1, score: 98, rank: amr.staff.length });
    expect(amr.staff[0]!.rank).toBe(1);
    expect(ranking.departments.reduce((n, d) => n + d.scored, 0)).toBe(16);
  });

  it('staff see only their own archive: the clerk query answers the one signed in here; clerk PCs replicate no archive table', async () => {
    const hub = await demoHub({ clock: manualClock(Date.parse('2026-11-25T01:00:00Z')) });
    const { manager, clerk } = actors(hub);
    ok(
      manager('archive.addEntry', { staffId: CLERK1, kind: 'deduction', day: '2026-11-20', item: 'phone_games', times: 1, note: '玩手机' }),
    );
    ok(
      manager('archive.addEntry', { staffId: 'H3301-u-2', kind: 'deduction', day: '2026-11-20', item: 'off_post', times: 1, note: '离岗' }),
    );
    const mine = (n: number) =>
      hub
        .query(callerOf(terminal(hub, 'clerk', n)), { name: 'archive.mine', params: { month: '2026-11' } })
        .then(result<ArchiveMonth | null>);
    expect(await mine(0)).toBeNull();
    ok(clerk(0)('counter.signIn', { counterId: C01, login: 'c01', password: 'demo1234' }));
    const own = (await mine(0))!;
    expect(own.staffId).toBe(CLERK1);
    expect(own.entries.map((e) => e.note)).toEqual(['玩手机']);
    // A clerk cannot ask for someone else's month, nor the ranking; the clerk's own query asks no staff id at all.
    const asClerk = (name: string, params: unknown) => hub.query(callerOf(terminal(hub, 'clerk', 0)), { name, params });
    expect(await asClerk('archive.staffMonth', { staffId: 'H3301-u-2', month: '2026-11' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await asClerk('archive.ranking', { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await asClerk('archive.mine', { month: '2026-11', staffId: 'H3301-u-2' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const { projections } = await import('../../shared/protocol');
    for (const role of ['clerk', 'kiosk', 'display', 'evaluator'] as const)
      for (const table of ['archive_entries', 'archive_scores', 'score_rules'] as const)
        expect(projections[role][table], `${role} ${table}`).toBeUndefined();
  });
});
