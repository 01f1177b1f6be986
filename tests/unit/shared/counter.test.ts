import { describe, expect, it } from 'vitest';
import { counterTransition, isCounterOffline, OFFLINE_AFTER_MS } from '../../../shared/counter/rules';
import { type CommandError } from '../../../shared/kernel/errors';

const closed = { id: 'c1', number: 1, state: 'closed' as const, staff_id: null, terminal_id: null };
const open = { ...closed, state: 'open' as const, staff_id: 's1', terminal_id: 't1' };
const paused = { ...open, state: 'paused' as const };
const signIn = { kind: 'signIn' as const, staffId: 's1', terminalId: 't1', staffCounterNumber: null };

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as CommandError).code;
  }
  return 'no error';
};

describe('counter session', () => {
  it('follows closed → open ⇄ paused → closed', () => {
    expect(counterTransition(closed, signIn)).toEqual({ state: 'open', staff_id: 's1', terminal_id: 't1', pause_reason: null });
    expect(counterTransition(open, { kind: 'pause', reason: '会议' })).toEqual({
      state: 'paused',
      staff_id: 's1',
      terminal_id: 't1',
      pause_reason: '会议',
    });
    expect(counterTransition(paused, { kind: 'resume' })).toMatchObject({ state: 'open', pause_reason: null });
    expect(counterTransition(paused, { kind: 'signOut' })).toEqual({
      state: 'closed',
      staff_id: null,
      terminal_id: null,
      pause_reason: null,
    });
    expect(counterTransition(open, { kind: 'signOut' })).toMatchObject({ state: 'closed' });
  });

  it.each([
    ['sign in to an occupied counter', open, signIn, 'COUNTER_STATE'],
    ['sign in while at another counter', closed, { ...signIn, staffCounterNumber: 7 }, 'STAFF_ELSEWHERE'],
    ['pause a closed counter', closed, { kind: 'pause', reason: 'x' }, 'COUNTER_STATE'],
    ['pause twice', paused, { kind: 'pause', reason: 'x' }, 'COUNTER_STATE'],
    ['resume an open counter', open, { kind: 'resume' }, 'COUNTER_STATE'],
    ['sign out a closed counter', closed, { kind: 'signOut' }, 'COUNTER_STATE'],
  ] as const)('refuses to %s', (_name, counter, action, expected) => {
    expect(code(() => counterTransition(counter, action))).toBe(expected);
  });

  it('a staffed counter unheard of for three heartbeats is offline; a closed one never', () => {
    const now = 1_000_000_000;
    expect(isCounterOffline({ state: 'open', last_seen_at: now - OFFLINE_AFTER_MS }, now)).toBe(false);
    expect(isCounterOffline({ state: 'open', last_seen_at: now - OFFLINE_AFTER_MS - 1 }, now)).toBe(true);
    expect(isCounterOffline({ state: 'paused', last_seen_at: null }, now)).toBe(true);
    expect(isCounterOffline({ state: 'closed', last_seen_at: null }, now)).toBe(false);
  });
});
