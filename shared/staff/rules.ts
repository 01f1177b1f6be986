/**
 * Sign-in lockout: after `attempts` wrong passwords in a row the account is locked for `minutes`;
 * while locked even the right password is refused (and does not extend the lock). A success
 * clears the count.
 */
export interface SecuritySettings {
  lockoutAttempts: number;
  lockoutMinutes: number;
  /** How long a terminal's one-time enrollment code stays valid. */
  enrollMinutes: number;
}

export const defaultSecuritySettings: SecuritySettings = { lockoutAttempts: 5, lockoutMinutes: 15, enrollMinutes: 60 };

export interface LoginState {
  failed: number;
  lockedUntil: number | null;
}

export function loginAttempt(
  state: LoginState,
  passwordOk: boolean,
  now: number,
  settings: SecuritySettings,
): { outcome: 'ok' | 'bad' | 'locked'; next: LoginState } {
  if (state.lockedUntil !== null && now < state.lockedUntil) return { outcome: 'locked', next: state };
  if (passwordOk) return { outcome: 'ok', next: { failed: 0, lockedUntil: null } };
  const failed = (state.lockedUntil !== null ? 0 : state.failed) + 1;
  if (failed >= settings.lockoutAttempts)
    return { outcome: 'locked', next: { failed: 0, lockedUntil: now + settings.lockoutMinutes * 60_000 } };
  return { outcome: 'bad', next: { failed, lockedUntil: null } };
}
