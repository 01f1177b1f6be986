import { describe, expect, it } from 'vitest';
import { demoHub, opId, terminal, until } from '../support/hub';
import { big, connect, fingerprint } from '../support/wire';

/** Bad input to the 好差评 commands (issue 13): each refused with its typed code, changing nothing. */

describe('bad rating, follow-up and complaint input changes nothing and gets a typed error', () => {
  const rate = (payload: Record<string, unknown>) => ({
    opId: opId(),
    type: 'rating.submit',
    payload: { requestId: 'H3301-r-0', level: 4, subScores: {}, reasons: [], comment: '', ...payload },
  });
  const step = (type: string, payload: Record<string, unknown>) => ({
    opId: opId(),
    type,
    payload: { followupId: 'H3301-f-none', ...payload },
  });
  const complaint = (payload: Record<string, unknown>) => ({
    opId: opId(),
    type: 'complaint.record',
    payload: {
      channel: 'hotline',
      subject: 'department',
      subjectId: 'H3301-d-amr',
      content: '等候太久',
      receivedDay: '2020-01-01',
      contact: null,
      ...payload,
    },
  });
  it.each([
    ['evaluator', 'a level above 5', () => rate({ level: 6 }), 'VALIDATION_FAILED'],
    ['evaluator', 'a level below 1', () => rate({ level: 0 }), 'VALIDATION_FAILED'],
    ['evaluator', 'a level between two', () => rate({ level: 2.5 }), 'VALIDATION_FAILED'],
    ['evaluator', 'a level as text', () => rate({ level: '5' }), 'VALIDATION_FAILED'],
    ['evaluator', 'a sub-score out of range', () => rate({ subScores: { attitude: 9 } }), 'VALIDATION_FAILED'],
    ['evaluator', 'a 差评 without a reason', () => rate({ level: 1 }), 'VALIDATION_FAILED'],
    ['evaluator', 'a reason not on the list', () => rate({ level: 2, reasons: ['bribe'] }), 'VALIDATION_FAILED'],
    ['evaluator', 'a reason twice', () => rate({ level: 2, reasons: ['slow', 'slow'] }), 'VALIDATION_FAILED'],
    ['evaluator', 'a comment over 200 characters', () => rate({ comment: 'x'.repeat(201) }), 'VALIDATION_FAILED'],
    ['evaluator', 'an oversized comment', () => rate({ comment: big }), 'PAYLOAD_TOO_LARGE'],
    ['evaluator', 'a forged token', () => rate({ requestId: 'H3301-r-00000000000000000000000000000000' }), 'RATING_INVALID'],
    [
      'evaluator',
      'declining a forged token',
      () => ({ opId: opId(), type: 'rating.decline', payload: { requestId: 'x' } }),
      'RATING_INVALID',
    ],
    ['manager', 'a rating from the board', () => rate({}), 'FORBIDDEN'],
    ['manager', 'a step on an unknown follow-up', () => step('followup.step', { step: 'verify', note: '核实' }), 'NOT_FOUND'],
    ['manager', 'a step that does not exist', () => step('followup.step', { step: 'forget', note: '核实' }), 'VALIDATION_FAILED'],
    ['manager', 'a step without a note', () => step('followup.step', { step: 'verify', note: '  ' }), 'VALIDATION_FAILED'],
    ['manager', 'an oversized note', () => step('followup.step', { step: 'verify', note: 'x'.repeat(501) }), 'VALIDATION_FAILED'],
    [
      'manager',
      'a callback on an unknown follow-up',
      () => step('followup.callback', { day: '2026-11-25', method: 'phone', outcome: '已回访', satisfied: true }),
      'NOT_FOUND',
    ],
    [
      'manager',
      'a callback by fax',
      () => step('followup.callback', { day: '2026-11-25', method: 'fax', outcome: '已回访', satisfied: true }),
      'VALIDATION_FAILED',
    ],
    ['manager', 'an appeal on an unknown follow-up', () => step('followup.appeal', { kind: 'mistaken', grounds: '误评' }), 'NOT_FOUND'],
    ['manager', 'deciding an unknown appeal', () => step('followup.decideAppeal', { upheld: true, note: '维持' }), 'NOT_FOUND'],
    ['manager', 'assigning an unknown follow-up', () => step('followup.assign', { staffId: 'H3301-u-3' }), 'NOT_FOUND'],
    ['manager', 'revealing the phone of an unknown follow-up', () => step('followup.revealPhone', {}), 'NOT_FOUND'],
    ['manager', 'a complaint from an unknown channel', () => complaint({ channel: 'pigeon' }), 'VALIDATION_FAILED'],
    ['manager', 'a complaint about an unknown kind of subject', () => complaint({ subject: 'weather' }), 'VALIDATION_FAILED'],
    ['manager', 'a complaint about an unknown department', () => complaint({ subjectId: 'H3301-d-none' }), 'NOT_FOUND'],
    ['manager', 'a complaint without content', () => complaint({ content: ' ' }), 'VALIDATION_FAILED'],
    ['manager', 'a complaint over 1000 characters', () => complaint({ content: '投'.repeat(1001) }), 'VALIDATION_FAILED'],
    ['manager', 'a complaint with a bad phone', () => complaint({ contact: '12345' }), 'VALIDATION_FAILED'],
    ['manager', 'a complaint dated like no day', () => complaint({ receivedDay: '25/11/2026' }), 'VALIDATION_FAILED'],
  ] as const)('rating, follow-up and complaint commands from the %s: %s → %s', async (role, _name, make, code) => {
    const hub = await demoHub();
    const terminalOf = await connect(hub, terminal(hub, role).token);
    await until(() => terminalOf.socket.connected, 'connected');
    const before = fingerprint(hub);
    const answer = await terminalOf.socket.timeout(5000).emitWithAck('command', make());
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(answer.error.message.length).toBeGreaterThan(0);
    const strip = (f: string) => JSON.parse(f).filter((_: unknown, i: number) => i !== 4 && i !== 5);
    expect(strip(fingerprint(hub))).toEqual(strip(before));
  });
});
