import { commonRefusals, type CredentialPurpose, type Thing } from '../../../shared/kernel/commonRefusals';
import { refuse } from '../../../shared/kernel/refusal';
import { parseSecuritySettings } from '../../../shared/staff/settings';
import { type CommandPayload, type CommandResult, type CommandType, type Row } from '../../../shared/protocol';
import { STAFF_ROLES, type StaffRole, type TerminalRole } from '../../../shared/kernel/roles';
import type { Statement } from 'better-sqlite3';
import { loginAttempt } from '../../../shared/staff/rules';
import type { AuditReport } from '../../../shared/hall/commands';
import { hashToCheck } from '../../kernel/credentials';
import { prepared } from '../readonlyDb';
import type { Store } from '../store';

/** Who sent a command: the authenticated terminal (staff sessions ride on the counter it signed in). */
export interface Caller {
  terminalId: string;
  role: TerminalRole;
  counterId: string | null;
}

export interface HandlerContext<T extends CommandType> {
  store: Store;
  now: number;
  hallId: string;
  caller: Caller;
  payload: CommandPayload<T>;
  /** At a manager terminal, who is signed in there (the executor has checked the session); null elsewhere. */
  sessionStaff: { id: string; role: StaffRole } | null;
  verifyAudit: () => AuditReport;
  /** Adds to what the command's audit row records beside what was asked (a step's applied moment beside its claimed one). */
  auditNote: (note: Record<string, unknown>) => void;
  /** Whether `password` matches a stored hash: checked before the transaction where it could be (see Executor.checkPasswords). */
  passwordMatches: (password: string, hash: string) => boolean;
  /** Queues a side effect to run once the transaction has committed. */
  afterCommit: (effect: Effect) => void;
  /** Whether a terminal seen connected since the hub started has lost its every link since (the sync server answers it, sync/server). */
  linkDropped: (terminalId: string) => boolean;
}

/** What a command asks the hub to do once it has committed: hang up a terminal, rebuild reports, back the hall up. */
export type Effect =
  | { kind: 'disconnect'; terminalId: string }
  /** reports.rebuild's days, written after the commit a day at a time (features/reports/rebuild). */
  | { kind: 'rebuildReports'; from: string | undefined; to: string | undefined }
  | { kind: 'backup' };

export type Handler<T extends CommandType> = (ctx: HandlerContext<T>) => CommandResult<T>;
export type Handlers = { [T in CommandType]: Handler<T> };
/**
 * A feature's handlers, checked against the feature's own command specs: one handler for each of
 * its commands and none for another feature's (an object literal `satisfies` this refuses extra keys).
 */
export type FeatureHandlers<Specs> = { [T in keyof Specs & CommandType]: Handler<T> };

export const notFound = (what: Thing) => refuse(commonRefusals.notFound, { what });

export function loadCounter(ctx: HandlerContext<CommandType>, counterId: string): Row<'counters'> {
  const { caller, store } = ctx;
  if (caller.counterId !== null && caller.counterId !== counterId) {
    throw refuse(commonRefusals.notThisTerminalsCounter);
  }
  const counter = store.get('counters', counterId);
  if (!counter) throw notFound('counter');
  return counter;
}

/** The counter must be signed in from this very terminal: a staff session is bound to its terminal. */
export function ownCounter(ctx: HandlerContext<CommandType>, counterId: string): Row<'counters'> {
  const counter = loadCounter(ctx, counterId);
  if (counter.state !== 'closed' && counter.terminal_id !== ctx.caller.terminalId) {
    throw refuse(commonRefusals.counterHeldElsewhere, { counter: counter.number });
  }
  return counter;
}

/** A prepared statement, prepared once per database. */
export const sql = (ctx: { store: Store }, text: string): Statement => prepared(ctx.store.db, text);

/** A hash of a password nobody has, for logins that find nobody: every refusal costs one scrypt, so time tells nothing. */

/** Whether `password` is `staff`'s; for no staff member it is checked all the same, against nobody's hash. */
function passwordMatches(ctx: HandlerContext<CommandType>, password: string, staff: { password_hash: string } | undefined): boolean {
  const ok = ctx.passwordMatches(password, hashToCheck(staff?.password_hash));
  return ok && staff !== undefined;
}

const minutesLeft = (until: number, now: number) => Math.ceil((until - now) / 60_000);
const badCredentials = (what: CredentialPurpose, keepChanges: boolean) => refuse(commonRefusals.badCredentials, { what }, keepChanges);

/**
 * Checks a staff member's password, with lockout. A wrong password is counted even though the
 * command is refused (keepChanges); while locked, nothing is checked at all. Only staff of `roles`
 * are found: anyone else answers as an unknown login does, whether their password was right or not.
 * Returns the staff id.
 */
export function checkStaffPassword(
  ctx: HandlerContext<CommandType>,
  login: string,
  password: string,
  what: CredentialPurpose,
  roles: readonly StaffRole[] = STAFF_ROLES,
): string {
  // A disabled person answers as an unknown login: they sign in nowhere, and nobody learns they exist.
  const found = sql(
    ctx,
    'SELECT id, role, password_hash, failed_logins, locked_until FROM staff WHERE login = ? AND disabled_at IS NULL',
  ).get(login) as { id: string; role: StaffRole; password_hash: string; failed_logins: number; locked_until: number | null } | undefined;
  const staff = found && roles.includes(found.role) ? found : undefined;
  if (!staff) {
    passwordMatches(ctx, password, undefined);
    throw badCredentials(what, false);
  }
  const settings = parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings);
  const locked = staff.locked_until !== null && ctx.now < staff.locked_until;
  const { outcome, next } = loginAttempt(
    { failed: staff.failed_logins, lockedUntil: staff.locked_until },
    !locked && passwordMatches(ctx, password, staff),
    ctx.now,
    settings,
  );
  sql(ctx, 'UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?').run(next.failed, next.lockedUntil, staff.id);
  if (outcome === 'locked') {
    throw refuse(commonRefusals.staffLocked, { minutes: minutesLeft(next.lockedUntil!, ctx.now) }, true);
  }
  if (outcome === 'bad') throw badCredentials(what, true);
  return staff.id;
}

/**
 * A staff confirmation typed at a terminal anyone may use (the kiosk's priority tickets): given by
 * a clerk signed in at a counter (on duty), by nobody else. Its failures count against the
 * terminal, never against a staff member, so a passer-by can neither lock staff out nor try
 * managers' passwords there: after `confirmAttempts` failures in a row the terminal takes no
 * confirmation for `confirmLockMinutes`, and its row (replicated to managers) says so for the board.
 * An unknown login, someone off duty or not a clerk, a wrong password: each answers alike, after
 * the same scrypt. Returns the staff id.
 */
export function confirmOnDuty(ctx: HandlerContext<CommandType>, login: string, password: string, what: CredentialPurpose): string {
  const terminalId = ctx.caller.terminalId;
  const t = sql(ctx, 'SELECT failed_confirms, confirm_locked_until FROM terminals WHERE id = ?').get(terminalId) as {
    failed_confirms: number;
    confirm_locked_until: number | null;
  };
  const lockedUntil = t.confirm_locked_until;
  const refuseLocked = (until: number, keepChanges: boolean) =>
    refuse(commonRefusals.confirmLocked, { minutes: minutesLeft(until, ctx.now) }, keepChanges);
  if (lockedUntil !== null && ctx.now < lockedUntil) throw refuseLocked(lockedUntil, false);
  const onDuty = sql(
    ctx,
    "SELECT s.id, s.password_hash FROM staff s JOIN counters c ON c.staff_id = s.id WHERE s.login = ? AND s.role = 'clerk'",
  ).get(login) as { id: string; password_hash: string } | undefined;
  const settings = parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings);
  const { outcome, next } = loginAttempt({ failed: t.failed_confirms, lockedUntil }, passwordMatches(ctx, password, onDuty), ctx.now, {
    lockoutAttempts: settings.confirmAttempts,
    lockoutMinutes: settings.confirmLockMinutes,
  });
  sql(ctx, 'UPDATE terminals SET failed_confirms = ? WHERE id = ?').run(next.failed, terminalId);
  if (next.lockedUntil !== lockedUntil) ctx.store.patch('terminals', terminalId, { confirm_locked_until: next.lockedUntil });
  if (outcome === 'locked') throw refuseLocked(next.lockedUntil!, true);
  if (outcome === 'bad') throw badCredentials(what, true);
  return onDuty!.id;
}
