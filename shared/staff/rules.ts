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
  /** A manager session ends after this long without a command… */
  sessionIdleMinutes: number;
  /** …and this long after its sign-in, busy or not. */
  sessionHours: number;
  /** A terminal where staff confirmations failed this many times in a row refuses them… */
  confirmAttempts: number;
  /** …for this long (its own count: a kiosk never locks staff out). */
  confirmLockMinutes: number;
  /** How many applicants' whole ID numbers one person may reveal in a hall day. */
  revealsPerDay: number;
}

export const defaultSecuritySettings: SecuritySettings = {
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  enrollMinutes: 60,
  sessionIdleMinutes: 30,
  sessionHours: 12,
  confirmAttempts: 5,
  confirmLockMinutes: 15,
  revealsPerDay: 20,
};

export interface LoginState {
  failed: number;
  lockedUntil: number | null;
}

export function loginAttempt(
  state: LoginState,
  passwordOk: boolean,
  now: number,
  settings: Pick<SecuritySettings, 'lockoutAttempts' | 'lockoutMinutes'>,
): { outcome: 'ok' | 'bad' | 'locked'; next: LoginState } {
  if (state.lockedUntil !== null && now < state.lockedUntil) return { outcome: 'locked', next: state };
  if (passwordOk) return { outcome: 'ok', next: { failed: 0, lockedUntil: null } };
  const failed = (state.lockedUntil !== null ? 0 : state.failed) + 1;
  if (failed >= settings.lockoutAttempts)
    return { outcome: 'locked', next: { failed: 0, lockedUntil: now + settings.lockoutMinutes * 60_000 } };
  return { outcome: 'bad', next: { failed, lockedUntil: null } };
}

/** Why a manager session (signed in at `startedAt`, last command at `activeAt`) has ended by `now`, or null while it lasts. */
export function sessionLapse(
  session: { startedAt: number; activeAt: number | null },
  now: number,
  settings: SecuritySettings,
): 'idle' | 'absolute' | null {
  if (now >= session.startedAt + settings.sessionHours * 3_600_000) return 'absolute';
  if (now >= (session.activeAt ?? session.startedAt) + settings.sessionIdleMinutes * 60_000) return 'idle';
  return null;
}
