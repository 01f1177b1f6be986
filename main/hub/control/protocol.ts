import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { HallErrorSchema } from '../../../shared/kernel/errors';
import { TerminalRole } from '../../../shared/kernel/roles';
import { entityId, text } from '../../../shared/kernel/zod';
import { NewPassword, passwordProblem } from '../../../shared/staff/password';
import { COUNTER_BOUND } from '../../../shared/terminals/commands';
import { BackupEntry } from '../../../shared/backup/queries';

/**
 * The hub's control channel: operations an operator runs at the hub PC's shell (`npm run hub --
 * --data DIR init-admin`), answered by the running hub instead of a second process opening its
 * database. One JSON request per connection, newline-terminated; one JSON answer back.
 *
 * Only the data dir's owner reaches it: a Unix socket (mode 0600) inside the owner-only data dir
 * (or, on Windows, a named pipe), and each request carries the key the hub wrote at its start into
 * DATA/control.key (0600), so that a socket or pipe reachable by someone else still answers nothing.
 */

/** The largest request the hub reads: a few fields (a password, a name). */
export const MAX_CONTROL_BYTES = 16 * 1024;

const login = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, '--login: 2–32 letters, digits or _.-');

/** A terminal made from the shell: its token is printed once (the board's terminal.create gives an enrollment code instead). */
export const CreateTerminalOp = z
  .strictObject({
    op: z.literal('create-terminal'),
    role: TerminalRole,
    name: text(60),
    counterId: entityId.nullable(),
    zone: z.string().trim().max(40),
  })
  .refine((t) => !COUNTER_BOUND.includes(t.role) || t.counterId !== null, {
    message: 'a clerk or evaluator terminal belongs to one counter: add --counter ID',
    path: ['counterId'],
  });

/** The hall's first administrator and manager terminal; refused once the hall has an administrator. */
export const InitAdminOp = z
  .strictObject({ op: z.literal('init-admin'), login, name: text(40), password: NewPassword })
  .superRefine((a, ctx) => {
    // What the password alone breaks is said by NewPassword; this adds what it breaks with the login.
    const withLogin = passwordProblem(a.password, a.login);
    if (withLogin && passwordProblem(a.password) === null) ctx.addIssue({ code: 'custom', message: withLogin, path: ['password'] });
  });

/** A backup into a folder of the hub PC, encrypted with the key in `keyFile` when given (backup/backup.ts). */
export const BackupOp = z.strictObject({
  op: z.literal('backup'),
  to: z.string().min(1).max(400),
  keyFile: z.string().min(1).max(400).nullable(),
});

export const ControlOp = z.discriminatedUnion('op', [CreateTerminalOp, InitAdminOp, BackupOp]);
export type ControlOp = z.infer<typeof ControlOp>;
export const CONTROL_OPS = ['create-terminal', 'init-admin', 'backup'] as const satisfies readonly ControlOp['op'][];

/** On the wire: the operation and the key from DATA/control.key. */
export const ControlRequest = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/), request: z.unknown() });
export type ControlRequest = z.infer<typeof ControlRequest>;

export const ControlResult = z.object({
  terminalId: z.string(),
  token: z.string(),
  /** The administrator made by init-admin. */
  staffId: z.string().optional(),
});
export type ControlResult = z.infer<typeof ControlResult>;

export const ControlAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.union([ControlResult, BackupEntry]) }),
  z.object({ ok: z.literal(false), error: HallErrorSchema }),
]);
export type ControlAnswer = z.infer<typeof ControlAnswer>;

export const controlKeyFile = (dataDir: string) => path.join(dataDir, 'control.key');

/**
 * Where the running hub of `dataDir` listens: DATA/control.sock, or a named pipe on Windows. A Unix
 * socket's path is limited to ~107 bytes: a deeper data dir gets one in the temp dir named by the
 * data dir's hash (still mode 0600, and still asking for the key).
 */
export function controlAddress(dataDir: string): string {
  const dir = path.resolve(dataDir);
  const id = createHash('sha256').update(dir).digest('hex').slice(0, 24);
  if (process.platform === 'win32') return `\\\\.\\pipe\\servicehall-${id}`;
  const inDir = path.join(dir, 'control.sock');
  return Buffer.byteLength(inDir) <= 100 ? inDir : path.join(tmpdir(), `servicehall-${id}.sock`);
}
