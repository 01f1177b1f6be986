import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createInterface } from 'node:readline';
import { passwordProblem } from '../../shared/staff/password';
import { COUNTER_BOUND } from '../../shared/terminals/commands';
import { TerminalRole } from '../../shared/kernel/roles';
import { hashPassword } from './credentials';
import { startHub, type Hub } from './hub';
import { HALL_LIMITS, NO_LIMITS } from './limits';
import { addStaff } from './features/setup/apply';
import { createTerminal } from './seed';

/**
 * The headless hall hub:
 *   npm run hub -- --data DIR [--port 7700] [--host 127.0.0.1] [--allowed-host NAME]… [--demo] [--tls | --no-tls] [--feed-retention 200000] [--no-rate-limits]
 *   npm run hub -- --data DIR create-terminal --role clerk --name "3号窗口电脑" [--counter ID] [--zone 二楼]
 *   npm run hub -- --data DIR init-admin --login admin --name 张主任     (password read from stdin)
 *
 * A new hall (without --demo) has no staff and no password: its administrator is created once,
 * with init-admin, which also makes the first manager terminal and prints its token.
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
  role: TerminalRole.optional(),
  name: z.string().optional(),
  counter: z.string().optional(),
  zone: z.string().max(40).optional(),
  'feed-retention': z.coerce.number().int().min(1).optional(),
  login: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{2,32}$/, '--login: 2–32 letters, digits or _.-')
    .optional(),
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
      login: { type: 'string' },
    },
  });
  const parsed = Options.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '));
  const opts = parsed.data;
  const log = (m: string) => process.stdout.write(`${new Date().toISOString()} ${m}\n`);

  const hub = await startHub({
    dataDir: opts.data,
    port: opts.port,
    host: opts.host,
    allowedHosts: opts['allowed-host'],
    demo: opts.demo,
    tls: tlsWanted(opts),
    feedRetention: opts['feed-retention'],
    // For load tests that measure the hub's capacity; a hall keeps its limits.
    limits: opts['no-rate-limits'] ? NO_LIMITS : HALL_LIMITS,
    log,
  });

  if (positionals[0] === 'create-terminal') {
    if (!opts.role || !opts.name) fail('create-terminal needs --role and --name');
    if (COUNTER_BOUND.includes(opts.role) && !opts.counter) fail(`a ${opts.role} terminal belongs to one counter: add --counter ID`);
    const id = `${hub.hallId}-t-${Date.now().toString(36)}`;
    const token = hub.store.transaction(() =>
      createTerminal(
        hub.store,
        hub.hallId,
        { id, role: opts.role!, name: opts.name!, counterId: opts.counter ?? null, zone: opts.zone ?? '' },
        Date.now(),
      ),
    ).result;
    process.stdout.write(`terminal ${id} (${opts.role}) token: ${token}\n`);
    await hub.close();
    return;
  } else if (positionals[0] === 'init-admin') {
    const code = await initAdmin(hub, opts.login ?? 'admin', opts.name ?? '系统管理员');
    await hub.close();
    if (code) process.exit(code);
    return;
  } else if (positionals.length > 0) fail(`unknown command ${positionals[0]}`);
  if (!hub.store.db.prepare("SELECT 1 FROM staff WHERE role = 'admin'").get()) {
    log(`no administrator yet: run  npm run hub -- --data ${opts.data} init-admin --login admin  and type a password`);
  }

  log(
    `faces: ${hub.url}/#/display  ${hub.url}/#/clerk  ${hub.url}/#/kiosk  ${hub.url}/#/manager  (token=… from demo-terminals.json, once)`,
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

/** Reads one line from stdin: typed on a terminal without echo, or the first line of piped input. */
async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    rl.once('line', (line) => {
      rl.close();
      process.stdout.write('\n');
      resolve(line);
    });
  });
}

/** The hall's first administrator and manager terminal. Refused once an administrator exists. */
async function initAdmin(hub: Hub, login: string, name: string): Promise<number> {
  if (hub.store.db.prepare("SELECT 1 FROM staff WHERE role = 'admin'").get()) {
    process.stderr.write('servicehall hub: this hall already has an administrator; another is added on the board (人员管理)\n');
    return 2;
  }
  const password = await readSecret('新管理员密码（至少 8 位）：');
  const problem = passwordProblem(password, login);
  if (problem) {
    process.stderr.write(`servicehall hub: ${problem}\n`);
    return 2;
  }
  if (process.stdin.isTTY && (await readSecret('再输入一次：')) !== password) {
    process.stderr.write('servicehall hub: the two passwords differ\n');
    return 2;
  }
  const now = Date.now();
  const terminalId = `${hub.hallId}-t-${now.toString(36)}`;
  const token = hub.store.transaction(() => {
    addStaff(
      { store: hub.store, hallId: hub.hallId, now },
      { id: `${hub.hallId}-u-${now.toString(36)}`, login, name, role: 'admin', departmentId: null },
      hashPassword(password),
    );
    return createTerminal(hub.store, hub.hallId, { id: terminalId, role: 'manager', name: '管理电脑', counterId: null }, now);
  }).result;
  process.stdout.write(
    `administrator ${login} created\nmanager terminal ${terminalId} token: ${token}\nstart the hub, open /#/manager?token=… once, and sign in as ${login}\n`,
  );
  return 0;
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
