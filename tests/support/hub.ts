import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Caller } from '../../main/hub/commands/context';
import { startHub, type Hub, type HubOptions } from '../../main/hub/hub';
import { DEMO_PASSWORD, type DemoTerminal } from '../../main/hub/seed';
import type { Socket } from 'socket.io-client';
import { TerminalAgent } from '../../main/terminal/agent';
import { welcomed } from './sockets';

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-11-25T01:00:00Z')) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (t: number) => {
    now = t;
  };
  return clock;
}

const HOUR = 3_600_000;
const DEMO_UTC_OFFSET = 8 * HOUR;
/**
 * The real clock moved to 10:00 in the demo hall (UTC+8) of the day the test runs, and flowing from
 * there: a test on real time must not depend on the hour it runs at. The hall's day turns at 16:00
 * UTC, and a test crossing it saw its day's numbering start again (A002 issued as A001).
 */
export function hallMorningClock(): () => number {
  const now = Date.now();
  const hallMidnight = Math.floor((now + DEMO_UTC_OFFSET) / (24 * HOUR)) * 24 * HOUR - DEMO_UTC_OFFSET;
  const offset = hallMidnight + 10 * HOUR - now;
  return () => Date.now() + offset;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
export const onCleanup = (fn: () => Promise<void> | void) => cleanups.push(fn);

export function tempDir(prefix = 'servicehall-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The demo hall on a fresh data dir. Its manager terminal has the demo administrator signed in
 * (`managerSession: false` leaves it signed out), as a hall's manager PC would in the day.
 */
export async function demoHub(opts: Partial<HubOptions> = {}, { managerSession = true } = {}): Promise<Hub> {
  const hub = await startHub({
    dataDir: opts.dataDir ?? tempDir(),
    port: 0,
    demo: true,
    log: (m) => m.includes('failed') && console.error(m),
    clock: hallMorningClock(),
    ...opts,
  });
  onCleanup(() => hub.close());
  if (managerSession) signInManager(hub);
  return hub;
}

/** Signs the demo administrator (or `login`) in at the demo manager terminal. */
export function signInManager(hub: Hub, login = 'admin'): void {
  const answer = hub.execute(callerOf(terminal(hub, 'manager')), {
    opId: opId(),
    type: 'session.signIn',
    payload: { login, password: DEMO_PASSWORD },
  });
  if (!answer.ok) throw new Error(`manager sign-in: ${answer.error.message}`);
}

export function terminal(hub: Hub, role: DemoTerminal['role'], n = 0): DemoTerminal {
  const t = hub.demoTerminals.filter((x) => x.role === role)[n];
  if (!t) throw new Error(`no demo ${role} terminal #${n}`);
  return t;
}

export const callerOf = (t: DemoTerminal): Caller => ({ terminalId: t.id, role: t.role, counterId: t.counterId });

export function agentFor(hub: Hub, t: DemoTerminal, opts: { dataDir?: string; url?: string } = {}): TerminalAgent {
  const agent = new TerminalAgent({ hubUrl: opts.url ?? hub.url, token: t.token, dataDir: opts.dataDir ?? tempDir('agent-') });
  onCleanup(() => agent.close());
  return agent.start();
}

/** A raw socket of the terminal whose token this is, once welcomed; closed after the test. */
export async function terminalSocket(url: string, token: string): Promise<Socket> {
  const s = await welcomed(url, token);
  onCleanup(() => void s.close());
  return s;
}

/** Resolves when `check` holds, polling on the event loop (no fixed sleeps). */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let opCounter = 0;
export const opId = () => `op-${process.pid}-${++opCounter}-${Math.random().toString(36).slice(2, 8)}`;
