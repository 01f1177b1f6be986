import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CommandError, ErrorCode } from '../../../shared/kernel/errors';
import type { Caller } from '../commands/context';
import type { Executor } from '../commands/executor';
import { hashPassword } from '../../kernel/credentials';
import { addStaff } from '../features/setup/apply';
import { createTerminal } from '../seed';
import type { Store, StoredEntry } from '../store';
import { readBackupKey } from '../backup/archive';
import type { BackupDone } from '../backup/backup';
import { ControlOp, type ControlAnswer } from './protocol';

/** What an operation needs of the hall: its running hub's, or one opened by the CLI while no hub runs. */
export interface OperatorHall {
  store: Store;
  executor: Executor;
  hallId: string;
  clock: () => number;
  /** Sends the operation's committed changes to the connected terminals (nothing to do without a hub). */
  publish: (entries: StoredEntry[]) => void;
  /** Backs the hall up into a folder (backup/backup.ts), one backup at a time. */
  backup: (folder: string, key: Buffer | null) => Promise<BackupDone>;
}

/** The audit rows' "terminal": someone at the hub PC's shell, who owns the data dir. */
export const OPERATOR: Caller = { terminalId: 'operator', role: 'manager', counterId: null };

const summarize = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');

/**
 * Runs an operator's operation as a command runs: a request that does not validate is refused with
 * VALIDATION_FAILED and changes nothing (not recorded, as a socket command's would not be); one
 * that does runs in one transaction with its applied op and audit row (`operator.*`), refused or
 * not. A token is in the answer once and never in what is stored.
 */
export async function operate(hall: OperatorHall, raw: unknown): Promise<ControlAnswer> {
  const parsed = ControlOp.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: summarize(parsed.error.issues) } };
  const op = parsed.data;
  if (op.op === 'backup') {
    // A backup writes nothing to the hall, so it is not an applied op; the hub's log records it.
    try {
      const done = await hall.backup(path.resolve(op.to), op.keyFile === null ? null : readBackupKey(op.keyFile));
      return { ok: true, result: done };
    } catch (e) {
      if (e instanceof CommandError) return { ok: false, error: { code: e.code, message: e.message } };
      return { ok: false, error: { code: ErrorCode.INTERNAL, message: `the backup failed: ${(e as Error).message}` } };
    }
  }
  const { store, hallId } = hall;
  const now = hall.clock();
  const terminalId = `${hallId}-t-${now.toString(36)}${randomBytes(3).toString('hex')}`;
  let token = '';
  let staffId: string | undefined;
  const { answer, entries } =
    op.op === 'create-terminal'
      ? hall.executor.operation(OPERATOR, 'operator.createTerminal', op, () => {
          if (op.counterId !== null && !store.get('counters', op.counterId))
            throw new CommandError(ErrorCode.NOT_FOUND, `no counter ${op.counterId}`);
          token = createTerminal(
            store,
            hallId,
            { id: terminalId, role: op.role, name: op.name, counterId: op.counterId, zone: op.zone },
            now,
          );
          return { ok: true, result: { terminalId }, seq: store.currentSeq };
        })
      : hall.executor.operation(OPERATOR, 'operator.initAdmin', op, () => {
          if (store.db.prepare("SELECT 1 FROM staff WHERE role = 'admin'").get())
            throw new CommandError(
              ErrorCode.ADMIN_EXISTS,
              'this hall already has an administrator; another is added on the board (人员管理)',
            );
          if (store.db.prepare('SELECT 1 FROM staff WHERE login = ?').get(op.login))
            throw new CommandError(ErrorCode.VALIDATION_FAILED, `login ${op.login} is taken`);
          staffId = `${hallId}-u-${now.toString(36)}${randomBytes(3).toString('hex')}`;
          addStaff(
            { store, hallId, now },
            { id: staffId, login: op.login, name: op.name, role: 'admin', departmentId: null },
            hashPassword(op.password),
          );
          token = createTerminal(store, hallId, { id: terminalId, role: 'manager', name: '管理电脑', counterId: null }, now);
          return { ok: true, result: { terminalId, staffId }, seq: store.currentSeq };
        });
  hall.publish(entries);
  if (!answer.ok) return answer;
  return { ok: true, result: { terminalId, token, ...(staffId ? { staffId } : {}) } };
}
