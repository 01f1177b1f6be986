import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { Answer, CommandPayload, CommandType, Row } from '../../shared/protocol';
import type { MyRatingsResult } from '../../shared/ratings/queries';
import { actors, err, ok, type Send } from '../support/actors';
import { callerOf, demoHub, manualClock, opId, signInManager, terminal } from '../support/hub';
import { badRating } from '../support/ratings';

/**
 * Issue 13 item 5: a follow-up goes to the responsible department's head, who is often a clerk;
 * the head works it (核实 → 整改 → 回访 → 办结) from their own counter's PC, and nobody else at a
 * counter does — neither another clerk nor the person it is about — nor a kiosk or an evaluator.
 */
const HEAD = 'H3301-u-3'; // c03 heads 市场监管, whose service H3301-s-A is

/** 09:00 on a Wednesday; c01 (rated) at counter 1, c02 at counter 2, the head c03 at counter 3, counter 4 empty. */
async function hall() {
  const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
  const hub = await demoHub({ clock });
  const a = actors(hub);
  for (const n of [1, 2, 3]) ok(a.clerk(n - 1)('counter.signIn', { counterId: `H3301-c-0${n}`, login: `c0${n}`, password: DEMO_PASSWORD }));
  const as = (role: 'kiosk' | 'evaluator'): Send => {
    const caller = callerOf(terminal(hub, role));
    return (type, payload) => hub.execute(caller, { opId: opId(), type, payload }) as never;
  };
  const head = a.clerk(2);
  /** Everyone at a hall terminal who may not work this follow-up, with the reason each is refused. */
  const others: [string, Send, string | undefined][] = [
    ['the rated clerk', a.clerk(0), 'complaint.workOwnFollowup'],
    ['another clerk', a.clerk(1), 'complaint.workNotAssignee'],
    ['a counter nobody signed in at', a.clerk(3), 'complaint.workNotAssignee'],
    ['the kiosk', as('kiosk'), undefined],
    ['the evaluator', as('evaluator'), undefined],
  ];
  return { hub, clock, a, head, others };
}

/** Each of `others` sends the command and is refused FORBIDDEN (with its reason), and nothing changes. */
function allRefused<T extends CommandType>(hub: Hub, others: [string, Send, string | undefined][], type: T, payload: CommandPayload<T>) {
  const seq = hub.store.currentSeq;
  for (const [who, send, reason] of others) {
    const answer: Answer = send(type, payload);
    expect(answer, `${type} by ${who}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', ...(reason && { reason }) } });
  }
  expect(hub.store.currentSeq).toBe(seq);
}

async function mine(hub: Hub, n: number): Promise<MyRatingsResult> {
  const answer = await hub.query(callerOf(terminal(hub, 'clerk', n)), { name: 'ratings.mine', params: {} });
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.result as MyRatingsResult;
}

describe('the department head works their follow-ups from their counter', () => {
  it('verifies, fixes, records the callback and closes a 差评’s follow-up; every other terminal is refused and changes nothing', async () => {
    const { hub, clock, head, others } = await hall();
    const f = badRating(hub, clock, true);
    expect(f).toMatchObject({ assignee_id: HEAD, staff_id: 'H3301-u-1', status: 'open' });
    expect((await mine(hub, 2)).open).toEqual([expect.objectContaining({ id: f.id, assigned: true, appeal: null })]);

    const verify = { followupId: f.id, step: 'verify', note: '调取录像，属实' } as const;
    allRefused(hub, others, 'followup.step', verify);
    expect(ok(head('followup.step', verify)).followup).toMatchObject({ status: 'verified' });
    const fix = { followupId: f.id, step: 'fix', note: '已对窗口人员批评教育' } as const;
    allRefused(hub, others, 'followup.step', fix);
    ok(head('followup.step', fix));
    const callback = { followupId: f.id, day: '2026-11-25', method: 'phone', outcome: '申请人表示认可', satisfied: true } as const;
    allRefused(hub, others, 'followup.callback', callback);
    ok(head('followup.callback', callback));
    const close = { followupId: f.id, step: 'close', note: '办结' } as const;
    allRefused(hub, others, 'followup.step', close);
    ok(head('followup.step', close));

    expect(hub.store.get('followups', f.id)).toMatchObject({
      status: 'closed',
      closed_day: '2026-11-25',
      callback_day: '2026-11-25',
      callback_method: 'phone',
      callback_outcome: '申请人表示认可',
      callback_satisfied: 1,
    });
    const events = hub.store.where('followup_events', 'followup_id = ?', f.id).sort((x, y) => x.id.localeCompare(y.id));
    expect(events.map((e) => [e.action, e.staff_id])).toEqual([
      ['open', null],
      ['verify', HEAD],
      ['fix', HEAD],
      ['callback', HEAD],
      ['close', HEAD],
    ]);
    // Audited as every command: the head's four steps from counter 3's PC, and the clerks' PCs'
    // refusals with who was signed in there (the kiosk's and the evaluator's are refused by role first).
    const audited = (outcome: string) =>
      hub.db
        .prepare(
          `SELECT terminal_id, staff_id, count(*) AS n FROM audit WHERE type LIKE 'followup.%' AND outcome = ? GROUP BY 1, 2 ORDER BY 1`,
        )
        .all(outcome);
    const pc = (n: number) => terminal(hub, 'clerk', n).id;
    expect(audited('ok')).toEqual([{ terminal_id: pc(2), staff_id: HEAD, n: 4 }]);
    expect(audited('FORBIDDEN')).toEqual(
      [
        { terminal_id: pc(0), staff_id: 'H3301-u-1', n: 4 },
        { terminal_id: pc(1), staff_id: 'H3301-u-2', n: 4 },
        { terminal_id: pc(3), staff_id: null, n: 4 },
      ].sort((x, y) => x.terminal_id.localeCompare(y.terminal_id)),
    );
    expect(hub.verifyAudit().ok).toBe(true);
    expect((await mine(hub, 2)).open).toEqual([]);
  });

  it('closes a complaint’s follow-up with its finding; the appeal, its review and reassignment stay with the board, and a reassigned head is out', async () => {
    const { hub, clock, a, head } = await hall();
    const { followup: k } = ok(
      a.manager('complaint.record', {
        channel: 'hotline',
        subject: 'staff',
        subjectId: 'H3301-u-1',
        content: '办事拖沓',
        receivedDay: '2026-11-25',
        contact: null,
      }),
    ) as { followup: Row<'followups'> };
    expect(k.assignee_id).toBe(HEAD);
    ok(head('followup.step', { followupId: k.id, step: 'verify', note: '属实' }));
    ok(head('followup.step', { followupId: k.id, step: 'fix', note: '已整改' }));
    ok(head('followup.callback', { followupId: k.id, day: '2026-11-25', method: 'visit', outcome: '已上门答复', satisfied: false }));
    expect(err(head('followup.step', { followupId: k.id, step: 'close', note: '办结' }))).toBe('VALIDATION_FAILED');
    ok(head('followup.step', { followupId: k.id, step: 'close', note: '办结', substantiated: true }));
    expect(hub.store.get('complaints', k.complaint_id!)).toMatchObject({ substantiated: 1 });

    const f = badRating(hub, clock, false);
    const seq = hub.store.currentSeq;
    expect(err(head('followup.appeal', { followupId: f.id, kind: 'mistaken', grounds: '误评' }))).toBe('FORBIDDEN');
    expect(err(head('followup.assign', { followupId: f.id, staffId: 'H3301-u-2' }))).toBe('FORBIDDEN');
    expect(err(head('followup.decideAppeal', { followupId: f.id, upheld: true, note: '同意' }))).toBe('FORBIDDEN');
    expect(hub.store.currentSeq).toBe(seq);
    // While an appeal waits for its review, the head's work waits too; the clerk's list says so.
    ok(a.manager('followup.appeal', { followupId: f.id, kind: 'mistaken', grounds: '申请人误按' }));
    expect((await mine(hub, 2)).open).toEqual([expect.objectContaining({ id: f.id, appeal: 'pending' })]);
    expect(err(head('followup.step', { followupId: f.id, step: 'verify', note: '核实' }))).toBe('FOLLOWUP_STATE');
    signInManager(hub, 'manager'); // the appellant (admin) does not review
    ok(a.manager('followup.decideAppeal', { followupId: f.id, upheld: false, note: '申诉不成立' }));
    ok(head('followup.step', { followupId: f.id, step: 'verify', note: '核实' }));
    // Handed to c02, the follow-up is theirs to work and no longer the head's.
    ok(a.manager('followup.assign', { followupId: f.id, staffId: 'H3301-u-2' }));
    expect(head('followup.step', { followupId: f.id, step: 'fix', note: '整改' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'complaint.workNotAssignee' },
    });
    ok(a.clerk(1)('followup.step', { followupId: f.id, step: 'fix', note: '整改' }));
    expect(
      hub.store
        .where('followup_events', "followup_id = ? AND action IN ('verify', 'fix')", f.id)
        .map((e) => e.staff_id)
        .sort(),
    ).toEqual(['H3301-u-2', HEAD]);
  });

  it('nobody works a follow-up about themselves, a manager at the board neither', async () => {
    const { hub, clock, a } = await hall();
    // The manager serves at counter 1 for a while and is rated 差评: the head of 市场监管 is assigned.
    ok(a.clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
    ok(a.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'manager', password: DEMO_PASSWORD }));
    const f = badRating(hub, clock, false);
    expect(f).toMatchObject({ staff_id: 'H3301-u-mgr', assignee_id: HEAD });
    signInManager(hub, 'manager');
    const seq = hub.store.currentSeq;
    expect(a.manager('followup.step', { followupId: f.id, step: 'verify', note: '核实' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'complaint.workOwnFollowup' },
    });
    expect(hub.store.currentSeq).toBe(seq);
    signInManager(hub, 'admin');
    ok(a.manager('followup.step', { followupId: f.id, step: 'verify', note: '核实' }));
  });
});
