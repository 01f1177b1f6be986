import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { followupSignal } from '../../shared/followups/rules';
import { actors, err, ok } from '../support/actors';
import { callerOf, demoHub, manualClock, opId, signInManager, terminal } from '../support/hub';

/** A 差评 at counter 1, as the applicant gives it on the evaluator; returns the follow-up it opened. */
function badRating(hub: Hub) {
  const { kiosk, clerk } = actors(hub);
  ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
  ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
  ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
  const { ticket } = ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] })) as {
    ticket: { id: string };
  };
  const request = hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!;
  const answer = hub.execute(callerOf(terminal(hub, 'evaluator')), {
    opId: opId(),
    type: 'rating.submit',
    payload: { requestId: request.id, level: 1, subScores: {}, reasons: ['attitude'], comment: '' },
  });
  expect(answer).toMatchObject({ ok: true });
  return hub.store.where('followups', 'rating_id = ?', request.id)[0]!;
}

describe('差评 follow-up: 核实 → 整改 → 回访 → 办结, with 申诉复核', () => {
  it('every 差评 opens a follow-up due in working days, taken step by step by who is signed in, closed only after the callback', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z')); // Wednesday 09:00 in Beijing
    const hub = await demoHub({ clock });
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const f = badRating(hub);
    // Five working days: Thu 26, Fri 27, Mon 30, Tue 1, Wed 2 December.
    expect(f).toMatchObject({
      status: 'open',
      opened_day: '2026-11-25',
      yellow_from: '2026-12-01',
      due_day: '2026-12-02',
      department_id: 'H3301-d-amr',
      staff_id: 'H3301-u-1',
    });
    const { manager } = actors(hub);
    const seq = hub.store.currentSeq;
    expect(err(manager('followup.step', { followupId: f.id, step: 'close', note: '办结' }))).toBe('FOLLOWUP_STATE');
    expect(err(manager('followup.step', { followupId: f.id, step: 'fix', note: '整改' }))).toBe('FOLLOWUP_STATE');
    expect(hub.store.currentSeq).toBe(seq);
    ok(manager('followup.step', { followupId: f.id, step: 'verify', note: '调取录像，属实' }));
    ok(manager('followup.step', { followupId: f.id, step: 'fix', note: '已对窗口人员批评教育' }));
    clock.advance(24 * 3600_000);
    signInManager(hub); // a day later: the board's session has lapsed
    expect(
      err(manager('followup.callback', { followupId: f.id, day: '2026-11-27', method: 'phone', outcome: '已致电', satisfied: true })),
    ).toBe('VALIDATION_FAILED');
    ok(manager('followup.callback', { followupId: f.id, day: '2026-11-26', method: 'phone', outcome: '申请人表示认可', satisfied: true }));
    const closed = ok(manager('followup.step', { followupId: f.id, step: 'close', note: '办结' })) as {
      followup: { status: string; closed_day: string };
    };
    expect(closed.followup).toMatchObject({ status: 'closed', closed_day: '2026-11-26' });
    const events = hub.store.where('followup_events', 'followup_id = ?', f.id).sort((a, b) => a.id.localeCompare(b.id));
    expect(events.map((e) => [e.action, e.staff_id])).toEqual([
      ['open', null],
      ['verify', 'H3301-u-admin'],
      ['fix', 'H3301-u-admin'],
      ['callback', 'H3301-u-admin'],
      ['close', 'H3301-u-admin'],
    ]);
    expect(hub.verifyAudit().ok).toBe(true);
  });

  it('a follow-up opened before the National Day holiday is due after it, counting the make-up Saturday', async () => {
    const hub = await demoHub({ clock: manualClock(Date.parse('2026-09-30T01:00:00Z')) });
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    // 1–7 October off; Saturday 10 October worked: Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    expect(badRating(hub)).toMatchObject({ opened_day: '2026-09-30', yellow_from: '2026-10-12', due_day: '2026-10-13' });
  });

  it('an appeal is decided by someone who neither appealed nor was rated; upheld, the rating leaves the rates and stays in the record', async () => {
    const hub = await demoHub({ clock: manualClock() });
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const f = badRating(hub);
    const { manager } = actors(hub);
    ok(manager('followup.appeal', { followupId: f.id, kind: 'mistaken', grounds: '申请人误按' }));
    expect(err(manager('followup.step', { followupId: f.id, step: 'verify', note: '核实' }))).toBe('FOLLOWUP_STATE');
    expect(err(manager('followup.appeal', { followupId: f.id, kind: 'malicious', grounds: '再次申诉' }))).toBe('FOLLOWUP_STATE');
    // The appellant (admin) cannot decide it.
    expect(err(manager('followup.decideAppeal', { followupId: f.id, upheld: true, note: '同意' }))).toBe('FORBIDDEN');
    // Nor the rated clerk: not from the counter, and not once made a manager and signed in at the board.
    const seq = hub.store.currentSeq;
    expect(err(actors(hub).clerk(0)('followup.decideAppeal', { followupId: f.id, upheld: true, note: '同意' }))).toBe('FORBIDDEN');
    ok(actors(hub).clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
    const rated = hub.store.get('staff', 'H3301-u-1')!;
    const card = hub.store.get('staff_cards', 'H3301-u-1')!;
    const asStaff = {
      staffId: rated.id,
      name: rated.name,
      departmentId: rated.department_id,
      displayName: card.display_name,
      active: true,
    };
    ok(manager('staff.update', { ...asStaff, role: 'manager' }));
    signInManager(hub, 'c01');
    expect(actors(hub).manager('followup.decideAppeal', { followupId: f.id, upheld: true, note: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'rating.reviewerConflict' },
    });
    expect(hub.store.get('followups', f.id)).toMatchObject({ appeal: 'pending' });
    expect(hub.store.get('ratings', f.rating_id!)).toMatchObject({ excluded: 0 });
    expect(hub.store.currentSeq).toBeGreaterThan(seq); // the sign-out and the promotion, nothing of the appeal
    signInManager(hub, 'manager');
    ok(actors(hub).manager('followup.decideAppeal', { followupId: f.id, upheld: true, note: '经核查属误评' }));
    expect(hub.store.get('followups', f.id)).toMatchObject({
      status: 'closed',
      appeal: 'upheld',
      appeal_kind: 'mistaken',
      appellant_id: 'H3301-u-admin',
    });
    expect(hub.store.get('ratings', f.rating_id!)).toMatchObject({ level: 1, excluded: 1 });
    const summary = await hub.query(callerOf(terminal(hub, 'manager')), {
      name: 'ratings.summary',
      params: { from: '2026-11-25', to: '2026-11-25', by: 'staff' },
    });
    expect(summary).toMatchObject({
      ok: true,
      result: { hall: { services: 1, active: 0, bad: 0, unrated: 0 }, bad: [{ id: f.rating_id, excluded: true }] },
    });
  });

  it('yellow from the last working day but one, red once past the due day, and closed whatever the day', () => {
    const f = { status: 'fixed' as const, yellow_from: '2026-12-01', due_day: '2026-12-02' };
    expect(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'].map((d) => followupSignal.ts(f, d))).toEqual([
      'normal',
      'yellow',
      'yellow',
      'red',
    ]);
    expect(followupSignal.ts({ ...f, status: 'closed' }, '2027-01-01')).toBe('closed');
  });
});
