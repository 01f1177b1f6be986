import { CommandError, ErrorCode } from '../../../shared/kernel/errors';
import { parseSecuritySettings } from '../../../shared/staff/settings';
import { type CommandPayload, type CommandResult, type CommandType, type Row } from '../../../shared/protocol';
import { type TerminalRole } from '../../../shared/kernel/roles';
import type { Statement } from 'better-sqlite3';
import { loginAttempt } from '../../../shared/staff/rules';
import type { AuditReport } from './audit';
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
  verifyAudit: () => AuditReport;
  /** Whether `password` matches a stored hash: checked before the transaction where it could be (see Executor.checkPasswords). */
  passwordMatches: (password: string, hash: string) => boolean;
  /** Queues a side effect to run once the transaction has committed. */
  afterCommit: (effect: Effect) => void;
}

export type Effect = { kind: 'disconnect'; terminalId: string };

export type Handler<T extends CommandType> = (ctx: HandlerContext<T>) => CommandResult<T>;
export type Handlers = { [T in CommandType]: Handler<T> };
/**
 * A feature's handlers, checked against the feature's own command specs: one handler for each of
 * its commands and none for another feature's (an object literal `satisfies` this refuses extra keys).
 */
export type FeatureHandlers<Specs> = { [T in keyof Specs & CommandType]: Handler<T> };

export const notFound = (what: string) => new CommandError(ErrorCode.NOT_FOUND, `${what}不存在`);

export function loadCounter(ctx: HandlerContext<CommandType>, counterId: string): Row<'counters'> {
  const { caller, store } = ctx;
  if (caller.counterId !== null && caller.counterId !== counterId) {
    throw new CommandError(ErrorCode.FORBIDDEN, '本终端不属于该窗口');
  }
  const counter = store.get('counters', counterId);
  if (!counter) throw notFound('窗口');
  return counter;
}

/** The counter must be signed in from this very terminal: a staff session is bound to its terminal. */
export function ownCounter(ctx: HandlerContext<CommandType>, counterId: string): Row<'counters'> {
  const counter = loadCounter(ctx, counterId);
  if (counter.state !== 'closed' && counter.terminal_id !== ctx.caller.terminalId) {
    throw new CommandError(ErrorCode.FORBIDDEN, `${counter.number} 号窗口由其他终端签到`);
  }
  return counter;
}

/** A prepared statement, prepared once per database. */
export const sql = (ctx: { store: Store }, text: string): Statement => prepared(ctx.store.db, text);

/**
 * Checks a staff member's password, with lockout. A wrong password is counted even though the
 * command is refused (keepChanges); while locked, nothing is checked at all. Returns the staff id.
 */
export function checkStaffPassword(ctx: HandlerContext<CommandType>, login: string, password: string, what: string): string {
  const staff = sql(ctx, 'SELECT id, password_hash, failed_logins, locked_until FROM staff WHERE login = ?').get(login) as
    { id: string; password_hash: string; failed_logins: number; locked_until: number | null } | undefined;
  if (!staff) throw new CommandError(ErrorCode.BAD_CREDENTIALS, `${what}：工号或密码错误`);
  const settings = parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings);
  const locked = staff.locked_until !== null && ctx.now < staff.locked_until;
  const { outcome, next } = loginAttempt(
    { failed: staff.failed_logins, lockedUntil: staff.locked_until },
    !locked && ctx.passwordMatches(password, staff.password_hash),
    ctx.now,
    settings,
  );
  sql(ctx, 'UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?').run(next.failed, next.lockedUntil, staff.id);
  if (outcome === 'locked') {
    const minutes = Math.ceil((next.lockedUntil! - ctx.now) / 60_000);
    throw new CommandError(ErrorCode.STAFF_LOCKED, `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`, true);
  }
  if (outcome === 'bad') throw new CommandError(ErrorCode.BAD_CREDENTIALS, `${what}：工号或密码错误`, true);
  return staff.id;
}
