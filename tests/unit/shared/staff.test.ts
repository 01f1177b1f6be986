import { describe, expect, it } from 'vitest';
import { defaultSecuritySettings, loginAttempt, type LoginState } from '../../../shared/staff/rules';

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
    expect(loginAttempt({ failed: 2, lockedUntil: null }, false, 0, { lockoutAttempts: 3, lockoutMinutes: 1, enrollMinutes: 60 })).toEqual({
      outcome: 'locked',
      next: { failed: 0, lockedUntil: MIN },
    });
  });
});
