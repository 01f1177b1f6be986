import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TerminalRole } from '../../shared/protocol';
import { startHub } from './hub';
import { createTerminal } from './seed';

/**
 * The headless hall hub:
 *   npm run hub -- --data DIR [--port 7700] [--host 127.0.0.1] [--demo] [--feed-retention 200000]
 *   npm run hub -- --data DIR create-terminal --role clerk --name "3号窗口电脑" [--counter ID] [--zone 二楼]
 */
const Options = z.object({
  data: z.string().min(1, '--data DIR is required'),
  port: z.coerce.number().int().min(0).max(65535).default(7700),
  host: z.string().default('127.0.0.1'),
  demo: z.boolean().default(false),
  role: TerminalRole.optional(),
  name: z.string().optional(),
  counter: z.string().optional(),
  zone: z.string().max(40).optional(),
  'feed-retention': z.coerce.number().int().min(1).optional(),
});

function fail(message: string): never {
  process.stderr.write(`servicehall hub: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' },
      role: { type: 'string' }, name: { type: 'string' }, counter: { type: 'string' }, zone: { type: 'string' }, 'feed-retention': { type: 'string' },
    },
  });
  const parsed = Options.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '));
  const opts = parsed.data;
  const log = (m: string) => process.stdout.write(`${new Date().toISOString()} ${m}\n`);

  const hub = await startHub({ dataDir: opts.data, port: opts.port, host: opts.host, demo: opts.demo, feedRetention: opts['feed-retention'], log });

  if (positionals[0] === 'create-terminal') {
    if (!opts.role || !opts.name) fail('create-terminal needs --role and --name');
    const id = `${hub.hallId}-t-${Date.now().toString(36)}`;
    const token = hub.store.transaction(() => createTerminal(hub.store, hub.hallId, { id, role: opts.role!, name: opts.name!, counterId: opts.counter ?? null, zone: opts.zone ?? '' }, Date.now())).result;
    process.stdout.write(`terminal ${id} (${opts.role}) token: ${token}\n`);
    await hub.close();
    return;
  } else if (positionals.length > 0) fail(`unknown command ${positionals[0]}`);

  if (hub.demoTerminals.length > 0) {
    // The plain tokens exist only now; keep them for the demo operator, readable by the owner only.
    const file = path.join(opts.data, 'demo-terminals.json');
    writeFileSync(file, JSON.stringify(hub.demoTerminals, null, 2), { mode: 0o600 });
    log(`demo hall seeded; terminal tokens in ${file}`);
  }
  log(`faces: ${hub.url}/#/display  ${hub.url}/#/clerk  ${hub.url}/#/kiosk  ${hub.url}/#/manager  (token=… from demo-terminals.json, once)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing`);
    hub.close().then(() => process.exit(0), (e: unknown) => fail(String(e)));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
