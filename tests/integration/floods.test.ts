import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { summarize } from '../bench/stats';
import { signInFlood } from '../support/floods';
import { onCleanup, tempDir, terminalSocket, until } from '../support/hub';
import { demoTokens, freePort, spawnHub, type HubProcess } from '../support/process';
import { sendCommand, type RawAnswer } from '../support/sockets';

const rssMb = (hub: HubProcess) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hub.child.pid}/status`, 'utf8'))![1]) / 1024;

/** Rows of the hub's database, read beside it (the hub is another process). */
function count(dataDir: string, sql: string): number {
  const db = new Database(path.join(dataDir, 'hall.db'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('floods from one terminal or address', () => {
  it('a display re-subscribing from cursor 0 over and over: refused, then disconnected; the hub’s memory stays bounded', async () => {
    // A hall with 40,000 retained feed entries of ~600 bytes: ~25 MB for each replay from 0.
    const dataDir = tempDir();
    const seeded = await startHub({ dataDir, port: 0, demo: true });
    const hall = seeded.store.get('halls', seeded.hallId)!;
    for (let b = 0; b < 40; b++) {
      seeded.store.transaction(() => {
        for (let i = 0; i < 1000; i++) seeded.store.upsert('halls', { ...hall, notice: `${b}-${i} ${'通知'.repeat(280)}` });
      });
    }
    await seeded.close();
    const hub = await spawnHub(dataDir, await freePort());
    const display = await terminalSocket(hub.url, demoTokens(dataDir).find((t) => t.role === 'display')!.token);
    const gone = new Promise<string>((resolve) => display.once('disconnect', resolve));
    const answers: RawAnswer[] = [];
    for (let i = 0; i < 50; i++) display.emit('subscribe', { since: 0 }, (a: RawAnswer) => answers.push(a));

    let peak = 0;
    let reason: string | undefined;
    void gone.then((r) => (reason = r));
    const deadline = Date.now() + 20_000;
    while (reason === undefined && Date.now() < deadline) {
      peak = Math.max(peak, rssMb(hub));
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`re-subscribe storm: hub RSS peak ${Math.round(peak)} MB, ${answers.length} answers before the disconnect`);
    expect(reason).toBe('io server disconnect');
    expect(answers.filter((a) => a.error?.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(4);
    expect(peak).toBeLessThan(400);
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
  });

  it('a kiosk sending 2,000 tickets at once gets RATE_LIMITED, and few tickets are issued; a sign-in flood is throttled while a clerk calls', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir, await freePort());
    const tokens = demoTokens(dataDir);
    const kiosk = await terminalSocket(hub.url, tokens.find((t) => t.role === 'kiosk')!.token);
    const services = ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'J', 'L', 'M', 'N', 'P', 'Z'];
    const started = Date.now();
    const flood = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        sendCommand(kiosk, 'ticket.issue', { serviceId: `H3301-s-${services[i % services.length]}`, priority: 'normal', confirm: null }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const issued = flood.filter((a) => a.ok).length;
    expect(flood.filter((a) => a.error?.code === 'RATE_LIMITED').length).toBeGreaterThan(1900);
    expect(issued).toBeLessThanOrEqual(20 + Math.ceil(2 * seconds) + 1); // the kiosk's burst, then 2 a second
    expect(count(dataDir, 'SELECT count(*) FROM tickets')).toBe(issued);

    // Sign-in attempts from all the manager terminal's sockets, over both manager logins, while a
    // clerk works its queue at a brisk pace: the attempts are throttled, the clerk is not.
    const clerkT = tokens.find((t) => t.role === 'clerk')!;
    const clerk = await terminalSocket(hub.url, clerkT.token);
    expect(
      await sendCommand(clerk, 'counter.signIn', { counterId: clerkT.counterId, login: 'c01', password: DEMO_PASSWORD }),
    ).toMatchObject({
      ok: true,
    });
    const signIns = await signInFlood(hub.url, tokens.find((t) => t.role === 'manager')!.token, {
      sockets: 8,
      logins: ['manager', 'admin'],
      password: DEMO_PASSWORD,
    });
    const calls: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const called = await sendCommand(clerk, 'ticket.callNext', { counterId: clerkT.counterId });
      calls.push(performance.now() - t0);
      expect(['ok', 'QUEUE_EMPTY']).toContain(called.ok ? 'ok' : called.error!.code);
      if (called.ok) {
        await sendCommand(clerk, 'ticket.start', { counterId: clerkT.counterId });
        await sendCommand(clerk, 'ticket.finish', { counterId: clerkT.counterId, handledServiceIds: ['H3301-s-A'] });
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    const outcomes = await signIns.stop();
    const { p50, p99 } = summarize(calls);
    console.log(`sign-in flood ${JSON.stringify(outcomes)}: clerk call p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    expect(outcomes.RATE_LIMITED).toBeGreaterThan(outcomes.ok ?? 0);
    expect(outcomes.ok).toBeGreaterThan(0);
  });

  it('enrollment guesses, sockets beyond a terminal’s allowance and connections that never authenticate are cut short', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir, await freePort());
    // Guesses: a few a minute per address, and none of them fills the audit log.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${hub.url}/enroll`, {
        method: 'POST',
        body: JSON.stringify({ code: `GUES-SXXX-${String(i).padStart(4, '0')}` }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(await res.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(11);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(19);
    expect(count(dataDir, "SELECT count(*) FROM audit WHERE type = 'terminal.enroll'")).toBe(0);

    // One terminal, eight sockets at most.
    const token = demoTokens(dataDir).find((t) => t.role === 'display')!.token;
    for (let i = 0; i < 8; i++) await terminalSocket(hub.url, token);
    await expect(terminalSocket(hub.url, token)).rejects.toThrow('RATE_LIMITED');

    // A connection that never presents a token is closed within seconds.
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    onCleanup(() => ws.terminate());
    const opened = Date.now();
    const closed = new Promise<number>((resolve) => ws.once('close', () => resolve(Date.now() - opened)));
    let closedAfter: number | undefined;
    void closed.then((ms) => (closedAfter = ms));
    await until(() => closedAfter !== undefined, 'the idle connection closed', 10_000);
    expect(closedAfter).toBeLessThan(8000);
  });
});
