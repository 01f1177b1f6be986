import { describe, expect, it } from 'vitest';
import { defaultSecuritySettings, loginAttempt, sessionLapse, type LoginState } from '../../../shared/staff/rules';

const MIN = 60_000;

describe('sign-in lockout', () => {
  it('locks after 5 wrong passwords for 15 minutes; the right one is refused meanwhile; then it works', () => {
    let state: LoginState = { failed: 0, lockedUntil: null };
    const attempt = (ok: boolean, now: number) => {
      const r = loginAttempt(state, ok, now, defaultSecuritySettings);
      state = r.next;
      return r.outcome;
    };
    expect([1, 2, 3, 4].map((i) => attempt(false, i))).toEqual(['bad', 'bad', 'bad', 'bad']);
    expect(attempt(false, 5)).toBe('locked');
    expect(state.lockedUntil).toBe(5 + 15 * MIN);
    expect(attempt(true, 5 + 15 * MIN - 1)).toBe('locked');
    expect(state.lockedUntil).toBe(5 + 15 * MIN); // trying while locked does not extend it
    expect(attempt(true, 5 + 15 * MIN)).toBe('ok');
    expect(state).toEqual({ failed: 0, lockedUntil: null });
  });

  it('a success clears the count; after a lock expires the count starts again', () => {
    expect(loginAttempt({ failed: 4, lockedUntil: null }, true, 0, defaultSecuritySettings)).toEqual({
      outcome: 'ok',
      next: { failed: 0, lockedUntil: null },
    });
    expect(loginAttempt({ failed: 0, lockedUntil: 100 }, false, 200, defaultSecuritySettings)).toEqual({
      outcome: 'bad',
      next: { failed: 1, lockedUntil: null },
    });
    expect(loginAttempt({ failed: 2, lockedUntil: null }, false, 0, { lockoutAttempts: 3, lockoutMinutes: 1 })).toEqual({
      outcome: 'locked',
      next: { failed: 0, lockedUntil: MIN },
    });
  });
});

describe('manager sessions', () => {
  const HOUR = 60 * MIN;
  const lapse = (activeAt: number | null, now: number) => sessionLapse({ startedAt: 0, activeAt }, now, defaultSecuritySettings);

  it('end after 30 minutes without a command, counted from the last one (or the sign-in)', () => {
    expect(lapse(null, 30 * MIN - 1)).toBeNull();
    expect(lapse(null, 30 * MIN)).toBe('idle');
    expect(lapse(25 * MIN, 54 * MIN)).toBeNull();
    expect(lapse(25 * MIN, 55 * MIN)).toBe('idle');
  });

  it('end 12 hours after the sign-in however busy', () => {
    expect(lapse(12 * HOUR - MIN, 12 * HOUR - 1)).toBeNull();
    expect(lapse(12 * HOUR - MIN, 12 * HOUR)).toBe('absolute');
  });
});
