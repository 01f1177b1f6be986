import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../../shared/kernel/clock';
import { TERMINAL_ROLES } from '../../shared/kernel/roles';
import { passwordProblem } from '../../shared/staff/password';
import path from 'node:path';
import { BackupSettingsSchema, defaultBackupSettings, type BackupSettings } from '../../shared/backup/settings';
import { CommandError } from '../../shared/kernel/errors';
import { hubMigrations } from '../db/migrations';
import { readBackupKey } from './backup/archive';
import { takeBackup } from './backup/backup';
import { restoreBackup } from './backup/restore';
import { askRunningHub } from './control/client';
import { operate } from './control/operations';
import { CONTROL_OPS, type ControlAnswer, type ControlOp } from './control/protocol';
import { openHall, startHub } from './hub';
import { HALL_LIMITS, NO_LIMITS } from './limits';
import type { HallIdentity } from './seed';
import { readSecret } from '../kernel/readSecret';

/**
 * The headless hall hub:
 *   npm run hub -- --data DIR [--port 7700] [--host 127.0.0.1] [--allowed-host NAME]… [--demo] [--tls | --no-tls] [--feed-retention 200000] [--no-rate-limits]
 *                  [--hall-code H330201 --hall-name 甲县政务服务中心]   (a new data dir's hall; the code must be unique in the region)
 *   npm run hub -- --data DIR create-terminal --role clerk --name "3号窗口电脑" [--counter ID] [--zone 二楼]
 *   npm run hub -- --data DIR init-admin --login admin --name 张主任     (password read from stdin)
 *   npm run hub -- --data DIR backup --to FOLDER [--key FILE]          (by the running hub, or on the stopped data dir)
 *   npm run hub -- --data DIR restore --from FILE [--key FILE]         (the hub stopped; see README, 恢复步骤)
 *   npm run hub -- --data DIR [--backup-to FOLDER]… [--backup-every 6] [--backup-keep 7,8,12] [--no-backup-at-day-close] [--backup-key FILE]
 *   npm run hub -- --data DIR [--pdf-browser PATH]   (prints the monthly report pack's PDF; default /usr/bin/chromium when installed)
 *
 * A new hall (without --demo) has no staff and no password: its administrator is created once,
 * with init-admin, which also makes the first manager terminal and prints its token.
 *
 * The operations (create-terminal, init-admin) are run by the hub that runs on DIR, over its
 * control channel (control/protocol.ts): the CLI never opens a database a hub holds, nor binds the
 * hub's port. When no hub runs there, the CLI opens DIR itself, listening on nothing.
 */
const Options = z.object({
  data: z.string().min(1, '--data DIR is required'),
  port: z.coerce.number().int().min(0).max(65535).default(7700),
  host: z.string().default('127.0.0.1'),
  'allowed-host': z.array(z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, '--allowed-host: a host name or address')).default([]),
  demo: z.boolean().default(false),
  tls: z.boolean().default(false),
  'no-tls': z.boolean().default(false),
  'no-rate-limits': z.boolean().default(false),
  role: z.enum(TERMINAL_ROLES).optional(),
  name: z.string().optional(),
  counter: z.string().optional(),
  zone: z.string().max(40).optional(),
  'feed-retention': z.coerce.number().int().min(1).optional(),
  // A new data dir's hall: its code is also its id, unique across the region's halls.
  'hall-code': z
    .string()
    .regex(/^[A-Za-z0-9-]{2,20}$/, '--hall-code: 2–20 letters, digits or -')
    .optional(),
  'hall-name': z.string().trim().min(2).max(60).optional(),
  login: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{2,32}$/, '--login: 2–32 letters, digits or _.-')
    .optional(),
  to: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
  'backup-to': z.array(z.string().min(1)).default([]),
  'backup-every': z.coerce.number().optional(),
  'backup-keep': z
    .string()
    .regex(/^\d+,\d+,\d+$/, '--backup-keep: DAILY,WEEKLY,MONTHLY, e.g. 7,8,12')
    .optional(),
  'no-backup-at-day-close': z.boolean().default(false),
  'backup-key': z.string().min(1).optional(),
  'pdf-browser': z.string().min(1).optional(),
});

/**
 * A hub that serves the LAN speaks TLS unless told not to: on plain http anyone on the network
 * reads tokens, staff passwords and a revealed ID number. One on this PC only (127.0.0.1, the
 * standalone hall) has no wire to protect.
 */
function tlsWanted(opts: { host: string; tls: boolean; 'no-tls': boolean }): boolean {
  if (opts.tls && opts['no-tls']) fail('--tls and --no-tls contradict each other');
  if (opts.tls || opts['no-tls']) return opts.tls;
  return !['127.0.0.1', 'localhost', '::1'].includes(opts.host);
}

/** The hall a new data dir gets, when named; otherwise the demo hall's or a new hall's default. */
function hallIdentity(opts: { 'hall-code'?: string; 'hall-name'?: string }): HallIdentity | undefined {
  const code = opts['hall-code'];
  if (!code) return opts['hall-name'] ? fail('--hall-name needs --hall-code') : undefined;
  return { id: code, code, name: opts['hall-name'] ?? '政务服务大厅' };
}

function fail(message: string): never {
  process.stderr.write(`servicehall hub: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      demo: { type: 'boolean' },
      tls: { type: 'boolean' },
      'no-tls': { type: 'boolean' },
      'no-rate-limits': { type: 'boolean' },
      role: { type: 'string' },
      name: { type: 'string' },
      counter: { type: 'string' },
      zone: { type: 'string' },
      'feed-retention': { type: 'string' },
      'hall-code': { type: 'string' },
      'hall-name': { type: 'string' },
      login: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      key: { type: 'string' },
      'backup-to': { type: 'string', multiple: true },
      'backup-every': { type: 'string' },
      'backup-keep': { type: 'string' },
      'no-backup-at-day-close': { type: 'boolean' },
      'backup-key': { type: 'string' },
      'pdf-browser': { type: 'string' },
    },
  });
  const parsed = Options.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '));
  const opts = parsed.data;
  const log = (m: string) => process.stdout.write(`${new Date().toISOString()} ${m}\n`);

  const operation = positionals[0];
  if (operation !== undefined) {
    if (positionals.length === 1 && operation === 'restore') return restore(opts);
    if (positionals.length > 1 || !(CONTROL_OPS as readonly string[]).includes(operation)) fail(`unknown command ${positionals.join(' ')}`);
    const request =
      operation === 'create-terminal'
        ? createTerminalRequest(opts)
        : operation === 'backup'
          ? backupRequest(opts)
          : await initAdminRequest(opts);
    const answer = await runOperation(opts.data, opts.demo, hallIdentity(opts), request);
    if (!answer.ok) fail(`${answer.error.code}: ${answer.error.message}`);
    if (!('terminalId' in answer.result)) {
      const b = answer.result;
      process.stdout.write(
        `backup ${b.file}: ${b.bytes} bytes, schema ${b.schema}, ${b.auditRows} audit rows verified${b.encrypted ? ', encrypted' : ''}\n`,
      );
      return;
    }
    const { terminalId, token } = answer.result;
    if (request.op === 'create-terminal') process.stdout.write(`terminal ${terminalId} (${request.role}) token: ${token}\n`);
    else if (request.op === 'init-admin')
      process.stdout.write(
        `administrator ${request.login} created\nmanager terminal ${terminalId} token: ${token}\nopen /#/manager?token=… once on the hub, and sign in as ${request.login}\n`,
      );
    return;
  }

  const hub = await startHub({
    dataDir: opts.data,
    port: opts.port,
    host: opts.host,
    allowedHosts: opts['allowed-host'],
    demo: opts.demo,
    hall: hallIdentity(opts),
    tls: tlsWanted(opts),
    feedRetention: opts['feed-retention'],
    // For load tests that measure the hub's capacity; a hall keeps its limits.
    limits: opts['no-rate-limits'] ? NO_LIMITS : HALL_LIMITS,
    backup: backupSchedule(opts),
    pdfBrowser: opts['pdf-browser'] && path.resolve(opts['pdf-browser']),
    log,
  });
  if (!hub.store.db.prepare("SELECT 1 FROM staff WHERE role = 'admin'").get()) {
    log(`no administrator yet: run  npm run hub -- --data ${opts.data} init-admin --login admin  and type a password`);
  }

  log(
    `faces: ${hub.url}/#/display  ${hub.url}/#/clerk  ${hub.url}/#/kiosk  ${hub.url}/#/evaluator  ${hub.url}/#/manager  (token=… from demo-terminals.json, once)`,
  );

  // The last resort: an error that escaped every handler is logged and the hall keeps its hub; one
  // bad request must not take every terminal down (the handlers catch; this is for what they miss).
  process.on('uncaughtException', (e) => log(`uncaught exception, still serving: ${e.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => log(`unhandled rejection, still serving: ${(e as Error)?.stack ?? String(e)}`));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing`);
    hub.close().then(
      () => process.exit(0),
      (e: unknown) => fail(String(e)),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

type Opts = z.infer<typeof Options>;

function backupRequest(opts: Opts): ControlOp {
  if (!opts.to) fail('backup needs --to FOLDER');
  return { op: 'backup', to: path.resolve(opts.to), keyFile: opts.key ? path.resolve(opts.key) : null };
}

/** The scheduled backups' settings from the command line, checked as the settings schema says. */
function backupSchedule(opts: Opts): { settings: BackupSettings; key: Buffer | null } {
  const keep = opts['backup-keep']?.split(',').map(Number);
  const settings = BackupSettingsSchema.safeParse({
    folders: opts['backup-to'].map((f) => path.resolve(f)),
    everyHours: opts['backup-every'] ?? defaultBackupSettings.everyHours,
    atDayClose: !opts['no-backup-at-day-close'],
    keep: keep ? { daily: keep[0], weekly: keep[1], monthly: keep[2] } : defaultBackupSettings.keep,
  });
  if (!settings.success) fail(`backup settings: ${settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  try {
    return { settings: settings.data, key: opts['backup-key'] ? readBackupKey(opts['backup-key']) : null };
  } catch (e) {
    fail((e as Error).message);
  }
}

/** Restores a backup into the stopped hub's data dir (backup/restore.ts); the hub is started afterwards as usual. */
async function restore(opts: Opts): Promise<void> {
  if (!opts.from) fail('restore needs --from FILE');
  try {
    const done = await restoreBackup(opts.data, opts.from, opts.key ? readBackupKey(opts.key) : null, hubMigrations.length, Date.now());
    process.stdout.write(
      `restored ${done.header.hallName} (${done.header.hallId}) as of ${new Date(done.header.takenAt).toISOString()} into ${opts.data}\n` +
        (done.setAside ? `the replaced files are kept in ${done.setAside}\n` : '') +
        `new epoch ${done.epoch}: terminals take a fresh snapshot when they reconnect; start the hub now\n`,
    );
  } catch (e) {
    const message = (e as Error).message;
    if (message.startsWith('HUB_ALREADY_RUNNING')) fail(`a hub is running on ${opts.data}: stop it first, then restore`);
    fail(e instanceof CommandError ? `${e.code}: ${message} (nothing was changed)` : message);
  }
}

function createTerminalRequest(opts: Opts): ControlOp {
  if (!opts.role || !opts.name) fail('create-terminal needs --role and --name');
  return { op: 'create-terminal', role: opts.role, name: opts.name, counterId: opts.counter ?? null, zone: opts.zone ?? '' };
}

/** The hall's first administrator: the password is typed (twice on a terminal) or piped, never an argument. */
async function initAdminRequest(opts: Opts): Promise<ControlOp> {
  const login = opts.login ?? 'admin';
  const password = await readSecret('新管理员密码（至少 8 位）：');
  // Said before the second prompt; the hub checks again.
  const problem = passwordProblem(password, login);
  if (problem) fail(problem);
  if (process.stdin.isTTY && (await readSecret('再输入一次：')) !== password) fail('the two passwords differ');
  return { op: 'init-admin', login, name: opts.name ?? '系统管理员', password };
}

/**
 * Runs an operation through the hub running on `dataDir`; when none runs, on the data dir opened
 * here (the lock keeps a hub from starting meanwhile), binding no port.
 */
async function runOperation(
  dataDir: string,
  demo: boolean,
  identity: HallIdentity | undefined,
  request: ControlOp,
): Promise<ControlAnswer> {
  // A backup of a large hall takes minutes; the others answer at once.
  const answer = await askRunningHub(dataDir, request, request.op === 'backup' ? 6 * 3_600_000 : undefined);
  if (answer) return answer;
  let hall: ReturnType<typeof openHall>;
  try {
    hall = openHall({ dataDir, demo, hall: identity });
  } catch (e) {
    if (String((e as Error).message).startsWith('HUB_ALREADY_RUNNING'))
      fail(`a hub holds ${dataDir} but its control channel does not answer; try again once it has started`);
    throw e;
  }
  try {
    return await operate(
      {
        store: hall.store,
        executor: hall.executor,
        hallId: hall.hall.id,
        clock: systemClock,
        publish: () => {},
        backup: (folder, key) => takeBackup({ db: hall.db, dataDir, hall: hall.hall, clock: systemClock }, folder, key),
      },
      request,
    );
  } finally {
    hall.close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
