import type { Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  CommandEnvelope,
  MAX_ANY_COMMAND_BYTES,
  MAX_COMMAND_BYTES,
  commandSpecs,
  isCommandType,
  type WireAnswer as Answer,
  type CommandType,
} from '../../../shared/protocol';
import { CommandError, ErrorCode, type HallError } from '../../../shared/kernel/errors';
import { redactPayload } from '../../../shared/identity/redact';
import { commonRefusals } from '../../../shared/kernel/commonRefusals';
import { inputProblem } from '../../../shared/kernel/input';
import { refusalError } from '../../../shared/kernel/refusal';
import { REFUSALS } from '../../../shared/protocol/refusals';
import { type StaffRole } from '../../../shared/kernel/roles';
import type { CommandSpec } from '../../../shared/kernel/command';
import type { Caller, Effect, HandlerContext } from './context';
import type { AuditLog } from './audit';
import { handlers } from './handlers';
import { hashToCheck, verifyPassword, verifyPasswordOffThread } from '../../kernel/credentials';
import { storageFailure, type StoredEntry, type Store } from '../store';
import { endSessions, findSession, touchSession } from '../features/staff/sessions';
import { sessionLapse, type SecuritySettings } from '../../../shared/staff/rules';
import { parseSecuritySettings } from '../../../shared/staff/settings';

export interface Execution {
  answer: Answer;
  /** Feed entries committed by this command: broadcast them, then acknowledge. */
  entries: StoredEntry[];
  /** Side effects to carry out now that the command has committed. */
  effects: Effect[];
}

const fail = (code: ErrorCode, message: string, why?: Pick<HallError, 'reason' | 'params'>): Execution => ({
  answer: { ok: false, error: { code, message, ...(why?.reason ? { reason: why.reason, params: why.params } : {}) } },
  entries: [],
  effects: [],
});

/**
 * Runs commands: envelope checks, replay of a known opId, role check, payload validation, then
 * the handler, the stored answer and the audit row in one transaction. Anything rejected before
 * the handler changes nothing and is not remembered; a handler's refusal is remembered under its
 * opId so that a replay answers the same way.
 */
/** A login and password a command carries: a sign-in, a priority ticket's confirmation, an approver's. */
export interface Credential {
  login: string;
  password: string;
}
/** Passwords checked before a command's transaction, against the hash each login had then. */
export type PasswordChecks = { password: string; hash: string; ok: boolean }[];

/** The credentials in a valid payload, at any depth a command puts them. */
function credentialsIn(payload: unknown): Credential[] {
  if (!payload || typeof payload !== 'object') return [];
  const o = payload as Record<string, unknown>;
  const here = typeof o.login === 'string' && typeof o.password === 'string' ? [{ login: o.login, password: o.password }] : [];
  return [...here, ...Object.values(o).flatMap(credentialsIn)];
}

export class Executor {
  private readonly findOp: Statement;
  private readonly findHash: Statement;

  /**
   * Whether a terminal's link to the hub has dropped (ctx.linkDropped): the sync server answers it
   * once it listens; without one (a hub's own CLI, tests) no terminal has a link to drop.
   */
  linkDropped: (terminalId: string) => boolean = () => false;

  constructor(
    private readonly store: Store,
    private readonly hallId: string,
    private readonly clock: () => number,
    private readonly audit: AuditLog,
    private readonly log: (msg: string) => void = () => {},
  ) {
    const db = store.db;
    this.findOp = db.prepare('SELECT terminal_id, answer FROM applied_ops WHERE op_id = ?');
    this.findHash = db.prepare('SELECT password_hash, locked_until FROM staff WHERE login = ? AND disabled_at IS NULL');
  }

  /**
   * The logins and passwords a command carries, when the caller's role may send it and its payload
   * is valid (what execute would refuse anyway is not worth a hash).
   */
  credentialsOf(caller: Caller, raw: unknown): Credential[] {
    const envelope = CommandEnvelope.safeParse(raw);
    if (!envelope.success || !isCommandType(envelope.data.type)) return [];
    const spec: CommandSpec = commandSpecs[envelope.data.type];
    if (!(spec.roles as readonly string[]).includes(caller.role)) return [];
    const payload = spec.payload.safeParse(envelope.data.payload);
    return payload.success ? credentialsIn(payload.data) : [];
  }

  /**
   * Checks the passwords a command carries before it runs, in the thread pool: scrypt costs ~35 ms,
   * which on the hub's thread would hold up every other terminal's command. An unknown login is
   * checked against a hash nobody has, so that it costs what a wrong password costs; locked
   * accounts are left out (the handler refuses them without a hash); a hash changed in between is
   * checked again in the transaction.
   */
  async checkPasswords(credentials: Credential[]): Promise<PasswordChecks> {
    const checks: PasswordChecks = [];
    for (const { login, password } of credentials) {
      const staff = this.findHash.get(login) as { password_hash: string; locked_until: number | null } | undefined;
      if (staff && staff.locked_until !== null && this.clock() < staff.locked_until) continue;
      const hash = hashToCheck(staff?.password_hash);
      checks.push({ password, hash, ok: await verifyPasswordOffThread(password, hash) });
    }
    return checks;
  }

  /** The staff member signed in at a manager terminal, while the session lasts. */
  sessionStaff(terminalId: string): { id: string; role: StaffRole } | undefined {
    const session = findSession(this.store.db, terminalId);
    return session && !sessionLapse(session, this.clock(), this.security()) ? session : undefined;
  }

  execute(caller: Caller, raw: unknown, passwords: PasswordChecks = []): Execution {
    let size: number;
    try {
      size = JSON.stringify(raw)?.length ?? 0;
    } catch {
      return fail(ErrorCode.VALIDATION_FAILED, '命令无法解析');
    }
    const tooLarge = (max: number) => fail(ErrorCode.PAYLOAD_TOO_LARGE, `命令过大（${size} 字节，上限 ${max}）`);
    if (size > MAX_ANY_COMMAND_BYTES) return tooLarge(MAX_ANY_COMMAND_BYTES);
    const envelope = CommandEnvelope.safeParse(raw);
    if (!envelope.success) return fail(ErrorCode.VALIDATION_FAILED, `命令格式错误：${summarize(envelope.error)}`);
    const { opId, type, payload } = envelope.data;

    const known = this.findOp.get(opId) as { terminal_id: string; answer: string } | undefined;
    if (known) {
      if (known.terminal_id !== caller.terminalId) return fail(ErrorCode.VALIDATION_FAILED, 'opId 已被其他终端使用');
      return { answer: JSON.parse(known.answer) as Answer, entries: [], effects: [] };
    }
    if (!isCommandType(type)) return fail(ErrorCode.UNKNOWN_COMMAND, `未知命令：${type.slice(0, 64)}`);
    const spec: CommandSpec = commandSpecs[type];
    const maxBytes = spec.maxBytes ?? MAX_COMMAND_BYTES;
    if (size > maxBytes) return tooLarge(maxBytes);
    if (!(spec.roles as readonly string[]).includes(caller.role)) {
      return fail(ErrorCode.FORBIDDEN, `${caller.role} 终端无权执行 ${type}`);
    }
    if (caller.role === 'manager' && type !== 'session.signIn') {
      const lapsed = this.endLapsedSession(caller);
      if (lapsed) return lapsed;
      const refusal = staffRefusal(this.sessionStaff(caller.terminalId), spec.staffRoles ?? ['manager', 'admin']);
      if (refusal) return fail(refusal.code, refusal.message, refusal);
    }
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success)
      return fail(ErrorCode.VALIDATION_FAILED, `参数错误：${summarize(parsed.error)}`, inputProblem(parsed.error.issues, REFUSALS));

    const now = this.clock();
    const effects: Effect[] = [];
    const notes: Record<string, unknown> = {};
    const ctx = {
      store: this.store,
      now,
      hallId: this.hallId,
      caller,
      payload: parsed.data,
      sessionStaff: caller.role === 'manager' ? (this.sessionStaff(caller.terminalId) ?? null) : null,
      verifyAudit: () => this.audit.verify(),
      auditNote: (note: Record<string, unknown>) => Object.assign(notes, note),
      passwordMatches: (password: string, hash: string) =>
        passwords.find((c) => c.password === password && c.hash === hash)?.ok ?? verifyPassword(password, hash),
      afterCommit: (e: Effect) => effects.push(e),
      linkDropped: (terminalId: string) => this.linkDropped(terminalId),
    } as HandlerContext<CommandType>;
    let refused: HallError;
    try {
      const { result: answer, entries } = this.store.transaction(() => {
        const startSeq = this.store.currentSeq;
        let answer: Answer;
        try {
          // The result is checked against its schema before it is stored or sent: a handler that
          // answers something else is a bug, rolled back and answered INTERNAL like any other.
          const result = spec.result.parse((handlers[type] as (c: typeof ctx) => unknown)(ctx)) as Record<string, unknown>;
          answer = { ok: true, result, seq: this.store.currentSeq };
        } catch (e) {
          if (!(e instanceof CommandError && e.keepChanges)) throw e;
          answer = { ok: false, error: e.toHallError() };
        }
        if (caller.role === 'manager') touchSession(this.store.db, caller.terminalId, now);
        this.remember(caller, opId, type, secret(spec, answer), now, parsed.data, startSeq, notes);
        return answer;
      });
      return { answer, entries, effects };
    } catch (e) {
      if (!(e instanceof CommandError)) return this.failed(type, opId, e);
      refused = e.toHallError();
    }
    // The handler's writes are rolled back; its refusal is remembered on its own, which can fail too (a full disk).
    try {
      this.store.transaction(() =>
        this.remember(caller, opId, type, { ok: false, error: refused }, now, parsed.data, this.store.currentSeq),
      );
    } catch (e) {
      return this.failed(type, opId, e);
    }
    return { answer: { ok: false, error: refused }, entries: [], effects: [] };
  }

  /**
   * A command that failed for no reason a handler gave: the disk refusing the write (answered as
   * such, and the hub serves on), or a bug (logged). Either way nothing was written.
   */
  private failed(type: string, opId: string, e: unknown): Execution {
    const storage = storageFailure(e);
    if (storage) return fail(ErrorCode.STORAGE_FULL, storage);
    this.log(`command ${type} ${opId} failed: ${(e as Error).stack ?? String(e)}`);
    return fail(ErrorCode.INTERNAL, '服务器内部错误，操作未执行');
  }

  /**
   * Runs something that is not a socket command (a terminal exchanging its enrollment code over
   * HTTP) with the same record: an applied op and an audit row, whether it succeeds or not.
   */
  system(caller: Caller, type: string, payload: unknown, fn: () => Answer): Answer {
    return this.operation(caller, type, payload, fn).answer;
  }

  /** As `system`, with the feed entries it committed, for the caller to broadcast (an operator's operation on a running hub). */
  operation(caller: Caller, type: string, payload: unknown, fn: () => Answer): Execution {
    try {
      const { result, entries } = this.recorded(caller, type, payload, fn);
      return { answer: result, entries, effects: [] };
    } catch (e) {
      return this.failed(type, 'system', e);
    }
  }

  private recorded(caller: Caller, type: string, payload: unknown, fn: () => Answer): { result: Answer; entries: StoredEntry[] } {
    const opId = `sys-${randomUUID()}`;
    const now = this.clock();
    return this.store.transaction(() => {
      const startSeq = this.store.currentSeq;
      let answer: Answer;
      try {
        answer = fn();
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        answer = { ok: false, error: e.toHallError() };
      }
      this.remember(caller, opId, type, answer, now, payload, startSeq);
      return answer;
    });
  }

  /**
   * A session past its time ends at its terminal's next command, which is refused: the end is fed
   * (the board shows its sign-in again) and audited as an op of the hub's own, apart from the
   * command, which may be sent again once someone has signed in.
   */
  private endLapsedSession(caller: Caller): Execution | null {
    const session = findSession(this.store.db, caller.terminalId);
    const lapse = session && sessionLapse(session, this.clock(), this.security());
    if (!lapse) return null;
    const { entries } = this.recorded(caller, 'session.expire', { staffId: session.id, lapse }, () => {
      endSessions(this.store, 'id', caller.terminalId);
      return { ok: true, result: {}, seq: this.store.currentSeq };
    });
    const refusal = refusalError(lapse === 'idle' ? commonRefusals.sessionIdle : commonRefusals.sessionExpired);
    return { ...fail(refusal.code, refusal.message, refusal), entries };
  }

  private security(): SecuritySettings {
    return parseSecuritySettings(this.store.get('halls', this.hallId)!.security_settings);
  }

  /** The stored answer and the audit row: who, from where, when, what was asked, what changed (the feed seqs). */
  private remember(
    caller: Caller,
    opId: string,
    type: string,
    answer: Answer,
    now: number,
    payload: unknown,
    startSeq: number,
    notes: Record<string, unknown> = {},
  ) {
    const counter = caller.counterId ? this.store.get('counters', caller.counterId) : undefined;
    const staffId = caller.role === 'manager' ? (this.sessionStaff(caller.terminalId)?.id ?? null) : (counter?.staff_id ?? null);
    const changed = this.store.currentSeq > startSeq;
    this.audit.record({
      opId,
      terminalId: caller.terminalId,
      staffId,
      type,
      answer: JSON.stringify(answer),
      outcome: answer.ok ? 'ok' : answer.error.code,
      at: now,
      // Audit rows keep what was asked, never secrets or whole ID numbers.
      detail: JSON.stringify({ ...(redactPayload(payload) as object), ...notes }),
      seqFrom: changed ? startSeq + 1 : null,
      seqTo: changed ? this.store.currentSeq : null,
    });
  }
}

/** Whether the person signed in at a manager terminal may do this (null: they may). */
export function staffRefusal(staff: { role: StaffRole } | undefined, allowed: readonly StaffRole[]): HallError | null {
  if (!staff) return refusalError(commonRefusals.signInRequired);
  if (!allowed.includes(staff.role))
    return refusalError(allowed.includes('manager') ? commonRefusals.notAllowed : commonRefusals.adminOnly);
  return null;
}

/** The copy of an answer kept for replays: a one-time code or a revealed ID number is shown once and never stored. */
function secret(spec: { secretResult?: string }, answer: Answer): Answer {
  if (!spec.secretResult || !answer.ok) return answer;
  return { ...answer, result: { ...answer.result, [spec.secretResult]: '（已隐藏：只显示一次）' } };
}

function summarize(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(根)'}: ${i.message}`)
    .join('; ');
}
