import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { DemoTerminal } from '../../main/hub/seed';
import { onCleanup } from './hub';
import { freePort } from './ports';
import { HUB_NODE_FLAGS } from '../../shared/kernel/hubProcess';

export { freePort };

/**
 * A free port outside the OS's ephemeral range, for a hub that is restarted on the same port: an
 * ephemeral port freed by a killed hub may be handed to another test's socket before the restart
 * binds it (every other test asks the OS for port 0, so none is given one of these).
 */
export async function freeFixedPort(): Promise<number> {
  for (let tries = 0; ; tries++) {
    const port = 20_000 + ((process.pid * 7 + tries * 131) % 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
    if (tries > 50) throw new Error('no free port in 20000–29999');
  }
}

export interface HubProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts the hub's entry point as a real process and waits until it listens: from the sources
 * (main/hub/cli.ts), or as `npm run hub` runs it, bundled (dist/hub/cli.js, after npm run build:hub).
 * The demo hall unless `demo: false` (a new hall).
 */
export async function spawnHub(
  dataDir: string,
  port: number,
  extra: string[] = [],
  entry = 'main/hub/cli.ts',
  { demo = true } = {},
): Promise<HubProcess> {
  // node itself with tsx as a loader (not the tsx wrapper), so that signals reach the hub.
  const child = spawn(
    process.execPath,
    [
      ...HUB_NODE_FLAGS,
      ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      entry,
      '--data',
      dataDir,
      '--port',
      String(port),
      ...(demo ? ['--demo'] : []),
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      // The last line of a start: after listening and after the demo terminals' tokens are written.
      if (out.includes('faces: ')) resolve();
      else if (child.exitCode !== null) reject(new Error(`hub exited: ${out}`));
      else setTimeout(check, 20);
    };
    check();
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

export const demoTokens = (dataDir: string): DemoTerminal[] =>
  JSON.parse(readFileSync(path.join(dataDir, 'demo-terminals.json'), 'utf8')) as DemoTerminal[];

/** The region server's command line from the sources, as `npm run region` runs it built. */
export const REGION_CLI = ['--import', 'tsx', 'main/region/cli.ts'];

/** The region as `npm run region` runs it (from the sources here), until it says it listens. */
export async function startRegion(pgUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...REGION_CLI, '--pg', pgUrl, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  onCleanup(() => void child.kill('SIGKILL'));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => ((out += d.toString()), out.includes('region listening') && resolve()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`region exited ${code}: ${out}`)));
  });
  return { child, port };
}
