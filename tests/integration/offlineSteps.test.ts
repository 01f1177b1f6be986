import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CaseStep } from '../../shared/cases/commands';
import type { Row } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { newCase } from '../support/cases';
import { demoHub, manualClock } from '../support/hub';

/**
 * Offline case steps carry the moment they were made (issue 11, item 9): the hub keeps it within
 * the signed-in period of the clerk at the PC's counter, and the audit row keeps the claimed moment
 * beside the applied one.
 */
const MIN = 60_000;
const C1 = 'H3301-c-01';
const NINE = Date.parse('2026-11-02T01:00:00Z'); // Monday 09:00 in the hall
const at = (hhmm: string) => NINE + (Number(hhmm.slice(0, 2)) - 9) * 60 * MIN + Number(hhmm.slice(3)) * MIN;

async function hall() {
  const clock = manualClock(NINE);
  const hub = await demoHub({ clock });
  const a = actors(hub);
  const pc = a.clerk(0); // the PC at counter 1
  const signIn = (login: string) => ok(pc('counter.signIn', { counterId: C1, login, password: DEMO_PASSWORD }));
  const signOut = () => ok(pc('counter.signOut', { counterId: C1 }));
  const register = (claimed: number) => pc('case.register', newCase({ caseId: `case-${claimed}`, at: claimed }));
  const step = (caseId: string, action: CaseStep['action'], claimed: number) =>
    pc('case.step', { caseId, counterId: C1, at: claimed, action } as CaseStep);
  const audited = (type: string) =>
    (hub.db.prepare('SELECT detail FROM audit WHERE type = ? ORDER BY id DESC LIMIT 1').pluck().get(type) as string | undefined) ?? '';
  const event = (caseId: string, action: string) =>
    hub.db.prepare('SELECT staff_id, at FROM case_events WHERE case_id = ? AND action = ?').get(caseId, action);
  return { hub, clock, a, signIn, signOut, register, step, audited, event };
}

describe('offline case steps', () => {
  it('arriving after their clerk signed out, with a time after that: dated at the sign-out, the claim audited beside it', async () => {
    const { clock, signIn, signOut, register, step, audited, event } = await hall();
    signIn('c01');
    clock.set(at('09:05'));
    const c = ok(register(at('09:05'))).case as Row<'cases'>;
    clock.set(at('09:30'));
    signOut();
    clock.set(at('10:00')); // the PC's queued accept arrives, claiming 09:50
    ok(step(c.id, 'accept', at('09:50')));
    expect(event(c.id, 'accept')).toEqual({ staff_id: 'H3301-u-1', at: at('09:30') });
    expect(JSON.parse(audited('case.step'))).toMatchObject({ at: at('09:50'), appliedAt: at('09:30') });
  });

  it('back-dated into an earlier clerk’s session: the step is the clerk’s at the PC now, from their sign-in on', async () => {
    const { clock, signIn, signOut, register, audited, hub } = await hall();
    signIn('c02');
    clock.set(at('09:30'));
    signOut();
    clock.set(at('10:00'));
    signIn('c01');
    clock.set(at('10:05'));
    ok(register(at('09:10'))); // claims a moment of c02's session
    expect(hub.store.get('cases', `case-${at('09:10')}`)).toMatchObject({ first_clerk_id: 'H3301-u-1', received_at: at('10:00') });
    expect(JSON.parse(audited('case.register'))).toMatchObject({ at: at('09:10'), appliedAt: at('10:00') });
  });

  it('from before the case was in its state: after its last step, audited; after a sign-out when the case has moved on since: refused', async () => {
    const { clock, a, signIn, signOut, register, step, audited, event } = await hall();
    signIn('c01');
    clock.set(at('09:20'));
    const c = ok(register(at('09:20'))).case as Row<'cases'>;
    clock.set(at('09:25'));
    ok(step(c.id, 'accept', at('09:10'))); // before the case existed
    expect(event(c.id, 'accept')).toEqual({ staff_id: 'H3301-u-1', at: at('09:20') });
    expect(JSON.parse(audited('case.step'))).toMatchObject({ at: at('09:10'), appliedAt: at('09:20') });

    clock.set(at('09:30'));
    signOut();
    // Another 市场监管 clerk takes the case on meanwhile, at counter 3.
    ok(a.clerk(2)('counter.signIn', { counterId: 'H3301-c-03', login: 'c03', password: DEMO_PASSWORD }));
    clock.set(at('09:45'));
    ok(a.clerk(2)('case.step', { caseId: c.id, counterId: 'H3301-c-03', at: at('09:45'), action: 'undertake' }));
    clock.set(at('10:00'));
    expect(step(c.id, 'review', at('09:28'))).toMatchObject({
      ok: false,
      error: { code: 'CASE_STATE', message: '办件在本窗口签退之后已有新的办理，此操作未执行，请重新办理' },
    });
  });
});
