import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { Row } from '../../shared/protocol';
import type { MyRatingsResult } from '../../shared/ratings/queries';
import { actors, err, ok } from '../support/actors';
import { newCase } from '../support/cases';
import { callerOf, demoHub, manualClock, terminal } from '../support/hub';
import { badRating } from '../support/ratings';

/**
 * Who works a follow-up and how the applicant is called back (issue 13, item 5), and complaints
 * (效能投诉, item 6) worked with the same follow-up machinery.
 */
const C1 = 'H3301-c-01';
const C2 = 'H3301-c-02';

/** 09:00 on a Wednesday; c01 at counter 1 and c02 at counter 2, both 市场监管 (whose head is c03). */
async function hall() {
  const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
  const hub = await demoHub({ clock });
  const a = actors(hub);
  ok(a.clerk(0)('counter.signIn', { counterId: C1, login: 'c01', password: DEMO_PASSWORD }));
  ok(a.clerk(1)('counter.signIn', { counterId: C2, login: 'c02', password: DEMO_PASSWORD }));
  return { hub, clock, a };
}

describe('follow-up assignment and the callback phone', () => {
  it('a 差评 goes to its department’s head with the case’s phone masked; reassigned, the new assignee alone of the clerks reveals it, audited', async () => {
    const { hub, clock, a } = await hall();
    const f = badRating(hub, clock, true);
    expect(f).toMatchObject({ assignee_id: 'H3301-u-3', phone_masked: '138****8000', staff_id: 'H3301-u-1' });
    // The whole number stays on the hub: neither the row nor its feed entry carries it.
    expect(Object.keys(f)).not.toContain('phone');
    const fed = hub.db.prepare("SELECT data FROM feed WHERE tbl = 'followups'").all() as { data: string }[];
    expect(fed.length).toBeGreaterThan(0);
    for (const { data } of fed) expect(data).not.toContain('13800138000');

    const seq = hub.store.currentSeq;
    expect(err(a.manager('followup.assign', { followupId: f.id, staffId: 'H3301-u-1' }))).toBe('FORBIDDEN'); // the rated clerk
    expect(err(a.manager('followup.assign', { followupId: f.id, staffId: 'H3301-u-nobody' }))).toBe('NOT_FOUND');
    expect(err(a.manager('followup.assign', { followupId: 'H3301-f-none', staffId: 'H3301-u-2' }))).toBe('NOT_FOUND');
    expect(hub.store.currentSeq).toBe(seq);
    expect((ok(a.manager('followup.assign', { followupId: f.id, staffId: 'H3301-u-2' })).followup as Row<'followups'>).assignee_id).toBe(
      'H3301-u-2',
    );
    expect(hub.store.where('followup_events', "followup_id = ? AND action = 'assign'", f.id)).toMatchObject([
      { staff_id: 'H3301-u-admin', note: 'H3301-u-2' },
    ]);

    // The rated clerk is not the assignee; c02 (now assignee) at counter 2 is; the board's manager always may.
    expect(err(a.clerk(0)('followup.revealPhone', { followupId: f.id }))).toBe('FORBIDDEN');
    expect(ok(a.clerk(1)('followup.revealPhone', { followupId: f.id }))).toEqual({ phone: '13800138000' });
    expect(ok(a.manager('followup.revealPhone', { followupId: f.id }))).toEqual({ phone: '13800138000' });
    expect(err(a.kiosk('followup.revealPhone', { followupId: f.id }))).toBe('FORBIDDEN');
    const audited = hub.db.prepare("SELECT staff_id, outcome FROM audit WHERE type = 'followup.revealPhone' ORDER BY id").all();
    expect(audited).toEqual([
      { staff_id: 'H3301-u-1', outcome: 'FORBIDDEN' },
      { staff_id: 'H3301-u-2', outcome: 'ok' },
      { staff_id: 'H3301-u-admin', outcome: 'ok' },
    ]);
    // A revealed phone is shown once: the stored answer for replays does not keep it.
    const kept = hub.db.prepare("SELECT answer FROM applied_ops WHERE type = 'followup.revealPhone'").all() as { answer: string }[];
    for (const { answer } of kept) expect(answer).not.toContain('13800138000');
    expect(hub.verifyAudit().ok).toBe(true);
  });

  it('phone and ID-number reveals count together in the day’s limit', async () => {
    const { hub, clock, a } = await hall();
    ok(a.manager('hall.setSecuritySettings', { revealsPerDay: 2 }));
    const f = badRating(hub, clock, true);
    const c = hub.store.where('cases', 'ticket_id IS NOT NULL')[0]!;
    ok(a.manager('case.revealId', { caseId: c.id, counterId: null }));
    ok(a.manager('followup.revealPhone', { followupId: f.id }));
    expect(err(a.manager('followup.revealPhone', { followupId: f.id }))).toBe('REVEAL_LIMIT');
    expect(err(a.manager('case.revealId', { caseId: c.id, counterId: null }))).toBe('REVEAL_LIMIT');
  });

  it('a 差评 without a case has no phone to reveal; one about the head goes to a manager', async () => {
    const { hub, clock, a } = await hall();
    ok(a.clerk(0)('counter.signOut', { counterId: C1 }));
    ok(a.clerk(0)('counter.signIn', { counterId: C1, login: 'c03', password: DEMO_PASSWORD }));
    const f = badRating(hub, clock, false);
    expect(f).toMatchObject({ staff_id: 'H3301-u-3', assignee_id: 'H3301-u-mgr', phone_masked: null });
    expect(err(a.manager('followup.revealPhone', { followupId: f.id }))).toBe('NOT_FOUND');
  });
});

describe('complaints (效能投诉)', () => {
  const complaint = {
    channel: 'hotline',
    subject: 'staff',
    subjectId: 'H3301-u-1',
    content: '窗口人员办事拖沓，让我跑了三趟',
    receivedDay: '2026-11-25',
    contact: '139-1234-5678',
  } as const;

  it('a complaint about a clerk opens a follow-up for their head, closed with a callback and a finding; it takes no appeal', async () => {
    const { hub, a } = await hall();
    const { complaint: k, followup: f } = ok(a.manager('complaint.record', complaint)) as {
      complaint: Row<'complaints'>;
      followup: Row<'followups'>;
    };
    expect(k).toMatchObject({ subject: 'staff', staff_id: 'H3301-u-1', department_id: 'H3301-d-amr', recorded_by: 'H3301-u-admin' });
    expect(k.substantiated).toBeNull();
    expect(f).toMatchObject({
      complaint_id: k.id,
      rating_id: null,
      assignee_id: 'H3301-u-3',
      phone_masked: '139****5678',
      due_day: '2026-12-02',
      status: 'open',
    });
    expect(ok(a.manager('followup.revealPhone', { followupId: f.id }))).toEqual({ phone: '13912345678' });
    expect(err(a.manager('followup.appeal', { followupId: f.id, kind: 'malicious', grounds: '恶意' }))).toBe('FOLLOWUP_STATE');
    ok(a.manager('followup.step', { followupId: f.id, step: 'verify', note: '调取录像，属实' }));
    expect(err(a.manager('followup.step', { followupId: f.id, step: 'fix', note: '已整改', substantiated: true }))).toBe(
      'VALIDATION_FAILED',
    );
    ok(a.manager('followup.step', { followupId: f.id, step: 'fix', note: '已整改' }));
    ok(a.manager('followup.callback', { followupId: f.id, day: '2026-11-25', method: 'phone', outcome: '已答复', satisfied: true }));
    const seq = hub.store.currentSeq;
    expect(err(a.manager('followup.step', { followupId: f.id, step: 'close', note: '办结' }))).toBe('VALIDATION_FAILED');
    expect(hub.store.currentSeq).toBe(seq);
    ok(a.manager('followup.step', { followupId: f.id, step: 'close', note: '办结', substantiated: true }));
    expect(hub.store.get('complaints', k.id)).toMatchObject({ substantiated: 1 });
    expect(hub.store.get('followups', f.id)).toMatchObject({ status: 'closed' });
  });

  it('a 差评’s follow-up takes no finding of substantiation', async () => {
    const { hub, clock, a } = await hall();
    const f = badRating(hub, clock, false);
    ok(a.manager('followup.step', { followupId: f.id, step: 'verify', note: '核实' }));
    ok(a.manager('followup.step', { followupId: f.id, step: 'fix', note: '整改' }));
    ok(a.manager('followup.callback', { followupId: f.id, day: '2026-11-25', method: 'phone', outcome: '已回访', satisfied: true }));
    expect(err(a.manager('followup.step', { followupId: f.id, step: 'close', note: '办结', substantiated: false }))).toBe(
      'VALIDATION_FAILED',
    );
    ok(a.manager('followup.step', { followupId: f.id, step: 'close', note: '办结' }));
  });

  it('each subject comes to its department and person; unknown subjects and future days are refused and change nothing', async () => {
    const { hub, clock, a } = await hall();
    const c = ok(a.clerk(0)('case.register', newCase({ counterId: C1, at: clock() }))).case as Row<'cases'>;
    const record = (subject: 'department' | 'counter' | 'case', subjectId: string) =>
      (ok(a.manager('complaint.record', { ...complaint, subject, subjectId, contact: null })) as { complaint: Row<'complaints'> })
        .complaint;
    expect(record('department', 'H3301-d-psb')).toMatchObject({ department_id: 'H3301-d-psb', staff_id: null, counter_id: null });
    expect(record('counter', C2)).toMatchObject({ department_id: null, staff_id: null, counter_id: C2 });
    expect(record('case', c.id)).toMatchObject({ department_id: c.department_id, staff_id: 'H3301-u-1', counter_id: C1, case_id: c.id });
    const seq = hub.store.currentSeq;
    expect(err(a.manager('complaint.record', { ...complaint, subjectId: 'H3301-u-none' }))).toBe('NOT_FOUND');
    expect(err(a.manager('complaint.record', { ...complaint, subject: 'case', subjectId: 'nope' }))).toBe('NOT_FOUND');
    expect(err(a.manager('complaint.record', { ...complaint, receivedDay: '2026-11-26' }))).toBe('VALIDATION_FAILED');
    expect(err(a.manager('complaint.record', { ...complaint, contact: '12345' }))).toBe('VALIDATION_FAILED');
    expect(err(a.clerk(0)('complaint.record', complaint))).toBe('FORBIDDEN');
    expect(hub.store.currentSeq).toBe(seq);
    // The complaint's follow-up of the department without a head at 公安 (c07 heads it) and of the counter (no department): a manager.
    const followups = hub.store.where('followups', 'complaint_id IS NOT NULL').map((f) => f.assignee_id);
    expect(followups).toEqual(['H3301-u-7', 'H3301-u-mgr', 'H3301-u-3']);
  });
});

describe('the clerk’s own ratings and follow-ups', () => {
  it('the clerk at a counter sees this month’s ratings by level with 满意率’s count, and the follow-ups about them or assigned to them, nothing of the rater', async () => {
    const { hub, clock, a } = await hall();
    const f = badRating(hub, clock, true); // about c01, assigned to the head c03
    ok(a.manager('complaint.record', { ...complaintAbout('H3301-u-2'), contact: '13912345678' })); // about c02
    ok(a.manager('followup.assign', { followupId: f.id, staffId: 'H3301-u-2' }));
    const mine = async (n: number) => {
      const answer = await hub.query(callerOf(terminal(hub, 'clerk', n)), { name: 'ratings.mine', params: {} });
      if (!answer.ok) throw new Error(answer.error.code);
      return answer.result as MyRatingsResult;
    };
    const c01 = await mine(0);
    expect(c01).toMatchObject({ month: '2026-11', levels: [{ level: 2, n: 1 }] });
    expect(c01.counts).toMatchObject({ services: 1, active: 1, satisfied: 0, bad: 1, needFix: 1 });
    expect(c01.open).toEqual([
      expect.objectContaining({ id: f.id, source: 'rating', assigned: false, reasons: ['slow'], due_day: '2026-12-02' }),
    ]);
    const c02 = await mine(1);
    expect(c02.levels).toEqual([]);
    expect(c02.open.map((o) => [o.source, o.assigned]).sort()).toEqual([
      ['complaint', false],
      ['rating', true],
    ]);
    expect(c02.counts.complaints).toBe(1);
    // Nothing of who rated or complained reaches the clerk they are about: no phone, whole or masked,
    // no words of theirs; the assignee gets the masked phone of what they work, never the whole one.
    expect(c01.open[0]!.phone_masked).toBeNull();
    expect(c02.open.find((o) => o.assigned)!.phone_masked).toBe('138****8000');
    expect(c02.open.find((o) => !o.assigned)!.phone_masked).toBeNull();
    const text = JSON.stringify([c01, c02]);
    for (const secret of ['13800138000', '13912345678', '139****5678', '张三', '办事拖沓']) expect(text).not.toContain(secret);
    expect(JSON.stringify(c01)).not.toContain('138****8000');
    // The manager's terminal is refused the clerk's query; a counter with nobody signed in sees nothing.
    expect(await hub.query(callerOf(terminal(hub, 'manager')), { name: 'ratings.mine', params: {} })).toMatchObject({ ok: false });
    ok(a.clerk(0)('counter.signOut', { counterId: C1 }));
    expect(await mine(0)).toMatchObject({ levels: [], open: [] });
  });
});

function complaintAbout(staffId: string) {
  return {
    channel: 'in_person',
    subject: 'staff',
    subjectId: staffId,
    content: '办事拖沓',
    receivedDay: '2026-11-25',
    contact: null,
  } as const;
}
