import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { TerminalRole } from '../../shared/kernel/roles';
import { HUB_NODE_FLAGS } from '../../shared/kernel/hubProcess';

/**
 * Standalone mode runs the hall hub on this PC in a process of its own (Electron's
 * utilityProcess), never on the main thread that draws the windows: a one-year report or a
 * catch-up then cannot freeze the clerk's screen. The shell talks to it as any terminal does, and
 * its local terminals are the ones the hub itself made when it seeded the demo hall (their tokens
 * in DATA/demo-terminals.json): the shell never opens the hub's database.
 */

/** What the shell needs of a forked process (Electron's UtilityProcess, or a Node child in tests). */
export interface HubProcess {
  kill(): boolean;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
}
/** Starts the hub's script in its own process with these Node flags (`execArgv`) and arguments. */
export type ForkHub = (script: string, args: string[], execArgv: readonly string[]) => HubProcess;

const DemoTerminals = z.array(
  z.object({ id: z.string(), role: TerminalRole, name: z.string(), counterId: z.string().nullable(), token: z.string().min(1) }),
);

export interface StandaloneHub {
  url: string;
  /** The token of this PC's terminal for a face: the demo hall's first terminal of that role. */
  tokenFor(face: TerminalRole): string | undefined;
  stop(): Promise<void>;
}

export interface StandaloneOptions {
  fork: ForkHub;
  /** The bundled hub (dist/hub/cli.js). */
  hubScript: string;
  dataDir: string;
  port: number;
  /** Waits between health checks; the hub normally answers within a second of starting. */
  sleep?: (ms: number) => Promise<void>;
  startTimeoutMs?: number;
}

export async function startStandaloneHub(opts: StandaloneOptions): Promise<StandaloneHub> {
  const url = `http://127.0.0.1:${opts.port}`;
  // Another program (or a second copy of the app) on the port would answer the health check in
  // our hub's place: refuse to start rather than show this PC's windows someone else's hall.
  if (!(await portFree(opts.port))) throw new Error(`port ${opts.port} is in use by another program: choose another hub port in 终端设置`);
  const child = opts.fork(opts.hubScript, ['--data', opts.dataDir, '--port', String(opts.port), '--demo'], HUB_NODE_FLAGS);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const stop = async () => {
    if (exitCode === undefined) child.kill();
    await exited;
  };
  const file = path.join(opts.dataDir, 'demo-terminals.json');
  const deadline = Date.now() + (opts.startTimeoutMs ?? 30_000);
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the hall hub stopped while starting (exit ${exitCode}); see its log`);
    // The hub answers before it has written the demo terminals' tokens: wait for both.
    if ((await healthy(url)) && existsSync(file)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the hall hub did not answer at ${url} within ${(opts.startTimeoutMs ?? 30_000) / 1000} s`);
    }
    await sleep(100);
  }
  const terminals = DemoTerminals.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!terminals.success) throw new Error(`${file} is damaged: ${terminals.error.issues[0]?.message}`);
  return {
    url,
    tokenFor: (face) => terminals.data.find((t) => t.role === face)?.token,
    stop,
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
