import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { TerminalAgent } from '../../main/terminal/agent';
import type { Answer } from '../../shared/protocol';
import { onCleanup, tempDir, until } from '../support/hub';
import { demoTokens, freeFixedPort, freePort, spawnHub } from '../support/process';

describe('the hub as a process', () => {
  it('killed with SIGKILL mid-stream and restarted: nothing acknowledged is lost, nothing applied twice, the outbox drains', async () => {
    const dataDir = tempDir();
    const port = await freeFixedPort(); // it is restarted on the same port
    // Crash recovery is under test here, with clerks far faster than any at a counter: no rate limits.
    let hub = await spawnHub(dataDir, port, ['--no-rate-limits']);
    const tokens = demoTokens(dataDir);
    expect(statSync(path.join(dataDir, 'demo-terminals.json')).mode & 0o777).toBe(0o600);
    const clerkT = tokens.find((t) => t.role === 'clerk')!;
    const managerT = tokens.find((t) => t.role === 'manager')!;
    const clerk = new TerminalAgent({ hubUrl: hub.url, token: clerkT.token, dataDir: tempDir('agent-') }).start();
    const manager = new TerminalAgent({ hubUrl: hub.url, token: managerT.token, dataDir: tempDir('agent-') }).start();
    onCleanup(() => clerk.close());
    onCleanup(() => manager.close());
    await until(() => clerk.connection.status === 'connected' && manager.connection.status === 'connected', 'connected');
    expect(await clerk.command('counter.signIn', { counterId: clerkT.counterId!, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await manager.command('session.signIn', { login: 'manager', password: DEMO_PASSWORD })).toMatchObject({ ok: true });

    // Two streams: the clerk's offline-capable inquiries, and the manager's notices that need the hub.
    const inquiries: string[] = [];
    const acknowledgedNotices: string[] = [];
    const sentNotices: string[] = [];
    let stop = false;
    const clerkStream = (async () => {
      while (!stop) {
        const id = randomUUID();
        inquiries.push(id);
        const outcome = await clerk.command('inquiry.record', {
          inquiryId: id,
          counterId: clerkT.counterId!,
          topic: '咨询',
          detail: String(inquiries.length),
        });
        // Offline, 'queued' comes back at once: a clerk's pace (not a loop's), so that the backlog
        // waiting for the restarted hub stays the size a real morning offline would make.
        await new Promise((r) => (outcome.ok === 'queued' ? setTimeout(r, 10) : setImmediate(r)));
      }
    })();
    const managerStream = (async () => {
      for (let i = 0; !stop; i++) {
        const text = `notice-${i}`;
        sentNotices.push(text);
        const a = (await manager.command('hall.setNotice', { text })) as Answer;
        if (a.ok) acknowledgedNotices.push(text);
        else await new Promise((r) => setTimeout(r, 10));
      }
    })();

    // Should the test fail midway, the streams stop before the agents close (cleanups run last-in first-out).
    onCleanup(async () => {
      stop = true;
      await Promise.allSettled([clerkStream, managerStream]);
    });
    await until(() => inquiries.length >= 150 && acknowledgedNotices.length >= 100, 'streams under way');
    hub.child.kill('SIGKILL');
    await hub.exited;
    await until(() => clerk.connection.status === 'reconnecting', 'clerk sees the hub gone');
    const countAtKill = inquiries.length;
    await until(() => inquiries.length >= countAtKill + 50, 'clerk keeps working offline');
    hub = await spawnHub(dataDir, port, ['--no-rate-limits']);
    // A generous wait, not a measure: on a loaded CI machine the restarted hub takes a while to answer.
    await until(() => inquiries.length >= countAtKill + 100 && clerk.connection.status === 'connected', 'work after restart', 60_000);
    stop = true;
    await Promise.all([clerkStream, managerStream]);
    await until(() => clerk.connection.pending === 0, 'outbox drained', 60_000);

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    const db = new Database(path.join(dataDir, 'hall.db'), { readonly: true });
    onCleanup(() => void db.close());
    const stored = db.prepare('SELECT id FROM inquiries').all() as { id: string }[];
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(inquiries));
    expect(stored.length).toBe(inquiries.length);
    // Every acknowledged notice is in the feed, in order, exactly once. A command in flight when
    // the hub died may have committed without its answer getting out (its sender was told
    // HUB_TIMEOUT: "may or may not have been applied"); nothing else is there.
    const notices = (db.prepare("SELECT data FROM feed WHERE tbl = 'halls' ORDER BY seq").all() as { data: string }[])
      .map((r) => (JSON.parse(r.data) as { notice: string }).notice)
      .filter((n) => n.startsWith('notice-'));
    expect(new Set(notices).size).toBe(notices.length);
    expect(notices.filter((n) => acknowledgedNotices.includes(n))).toEqual(acknowledgedNotices);
    const unacknowledged = notices.filter((n) => !acknowledgedNotices.includes(n));
    expect(unacknowledged.every((n) => sentNotices.includes(n))).toBe(true);
    expect(unacknowledged.length).toBeLessThanOrEqual(1); // one sender, one command in flight
    // Exactly-once: one applied op and one audit row per command.
    const dupAudit = db.prepare('SELECT op_id, count(*) c FROM audit GROUP BY op_id HAVING c > 1').all();
    expect(dupAudit).toEqual([]);
    // The feed is gap-free across the crash.
    const { n, lo, hi } = db.prepare('SELECT count(*) n, min(seq) lo, max(seq) hi FROM feed').get() as {
      n: number;
      lo: number;
      hi: number;
    };
    expect(hi - lo + 1).toBe(n);
    expect(clerk.outbox.rejected()).toEqual([]);
  });

  it('refuses a second hub on the same data dir, and closes cleanly on SIGINT', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir, await freePort());
    await expect(startHub({ dataDir, port: 0, demo: true })).rejects.toThrow(/HUB_ALREADY_RUNNING/);
    await expect(spawnHub(dataDir, await freePort())).rejects.toThrow(/HUB_ALREADY_RUNNING/);

    // The hub's details are for a manager terminal.
    const asManager = { headers: { authorization: `Bearer ${demoTokens(dataDir).find((t) => t.role === 'manager')!.token}` } };
    const health = (await (await fetch(`${hub.url}/health`, asManager)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, hallId: 'H3301', hallName: '示范市政务服务中心', version: '0.1.0' });
    expect(health.seq).toBeGreaterThan(0);

    const display = io(hub.url, {
      auth: { token: demoTokens(dataDir).find((t) => t.role === 'display')!.token },
      transports: ['websocket'],
    });
    onCleanup(() => void display.close());
    await until(() => display.connected, 'display connected');
    const after = (await (await fetch(`${hub.url}/health`, asManager)).json()) as { terminals: Record<string, number> };
    expect(after.terminals).toEqual({ clerk: 0, kiosk: 0, display: 1, evaluator: 0, manager: 0, region: 0 });

    hub.child.kill('SIGINT');
    expect(await hub.exited).toBe(0);
    expect(hub.output()).toContain('SIGINT: closing');
    // The lock went with it: the data dir opens again at once.
    const again = await startHub({ dataDir, port: 0 });
    await again.close();
  });
});
