import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { TerminalAgent } from '../../main/terminal/agent';
import { callerOf, demoHub, onCleanup, opId, tempDir, terminal, terminalSocket, until } from '../support/hub';
import { demoTokens, freePort, spawnHub } from '../support/process';
import { sendCommand, type RawAnswer } from '../support/sockets';

/** /health as anyone sees it, or with a manager terminal's token, with the details. */
const health = async (url: string, token?: string) =>
  (await (await fetch(`${url}/health`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()) as {
    status: string;
    storage?: { message: string } | null;
  };

/**
 * Makes every prepared statement's writes fail as a full disk does, while `full` is set: the
 * failure reaches the hub exactly where SQLite would raise it.
 */
function fullDisk(hub: Hub): { full: boolean } {
  const state = { full: false };
  const proto = Object.getPrototypeOf(hub.db.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
  const run = proto.run;
  proto.run = function (this: unknown, ...args: unknown[]) {
    if (state.full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    return run.apply(this, args);
  };
  onCleanup(() => void (proto.run = run));
  return state;
}

/** Mounts a tmpfs of `size` at `dir` (unmounted after the test); throws where mounting is not permitted. */
function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  onCleanup(() => void execFileSync('umount', ['-l', dir]));
}

/** Why no tmpfs can be mounted here (not root, no CAP_SYS_ADMIN), or null. */
function mountRefused(): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'servicehall-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir]);
    return null;
  } catch (e) {
    return String((e as Error).message).split('\n')[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills the file system holding `dir` to the last byte; returns the filler's path. */
function fill(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (let i = 0; i < 100_000; i++) writeSync(fd, chunk, 0, i < 50_000 ? chunk.length : 512);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return file;
}

describe('a full disk', () => {
  it('(injected SQLITE_FULL) every write path answers STORAGE_FULL, health says degraded, and the hub recovers by itself', async () => {
    const hub = await demoHub();
    const disk = fullDisk(hub);
    const manager = await terminalSocket(hub.url, terminal(hub, 'manager').token);
    const clerk = await terminalSocket(hub.url, terminal(hub, 'clerk').token);
    const code = (
      hub.execute(callerOf(terminal(hub, 'manager')), {
        opId: opId(),
        type: 'terminal.create',
        payload: { role: 'display', name: '二楼叫号屏', counterId: null, zone: '' },
      }) as unknown as { result: { code: string } }
    ).result.code;

    disk.full = true;
    // The command's own transaction.
    const notice = opId();
    expect(await sendCommand(manager, 'hall.setNotice', { text: '磁盘满' }, notice)).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL', message: expect.stringContaining('磁盘已满') },
    });
    // A handler's refusal (the counter is closed), remembered in a write of its own; resent, as terminals do.
    const call = opId();
    for (let i = 0; i < 3; i++) {
      expect(await sendCommand(clerk, 'ticket.callNext', { counterId: terminal(hub, 'clerk').counterId }, call)).toMatchObject({
        ok: false,
        error: { code: 'STORAGE_FULL' },
      });
    }
    // Enrollment over HTTP (its audit row), and feed pruning.
    const enroll = await fetch(`${hub.url}/enroll`, { method: 'POST', body: JSON.stringify({ code }) });
    expect(enroll.status).toBe(503);
    expect(await enroll.json()).toMatchObject({ error: { code: 'STORAGE_FULL' } });
    expect(() => hub.store.pruneFeed(1)).not.toThrow();
    expect(await health(hub.url)).toEqual({ status: 'degraded', tlsFingerprint: null });
    expect(await health(hub.url, terminal(hub, 'manager').token)).toMatchObject({
      status: 'degraded',
      storage: { message: expect.stringContaining('SQLITE_FULL') },
    });

    disk.full = false;
    hub.store.probeStorage(); // what the hub's timer does every few seconds
    expect(await health(hub.url, terminal(hub, 'manager').token)).toMatchObject({ status: 'up', storage: null });
    expect(await sendCommand(manager, 'hall.setNotice', { text: '磁盘满' }, notice)).toMatchObject({ ok: true });
    expect(await sendCommand(clerk, 'ticket.callNext', { counterId: terminal(hub, 'clerk').counterId }, call)).toMatchObject({
      ok: false,
      error: { code: 'COUNTER_STATE' },
    });
    expect((await fetch(`${hub.url}/enroll`, { method: 'POST', body: JSON.stringify({ code }) })).status).toBe(200);
    expect(hub.verifyAudit()).toMatchObject({ ok: true });
  });

  const refused = mountRefused();
  if (refused) console.log(`skipping the tmpfs test, mount -t tmpfs is not permitted here: ${refused}`);
  it.skipIf(refused !== null)(
    '(a real 8 MB tmpfs) a hub process keeps serving while its disk is full, and recovers when space returns',
    async () => {
      const disk = tempDir('servicehall-tmpfs-');
      mountTmpfs(disk, '8m');
      const dataDir = path.join(disk, 'hall');
      mkdirSync(dataDir);
      const hub = await spawnHub(dataDir, await freePort());
      const tokens = demoTokens(dataDir);
      const manager = await terminalSocket(hub.url, tokens.find((t) => t.role === 'manager')!.token);
      const clerkT = tokens.find((t) => t.role === 'clerk')!;
      const clerk = await terminalSocket(hub.url, clerkT.token);
      expect(await sendCommand(manager, 'session.signIn', { login: 'manager', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
      // A clerk PC whose offline work (its outbox) meets the full disk.
      const agentT = tokens.filter((t) => t.role === 'clerk')[1]!;
      const agent = new TerminalAgent({ hubUrl: hub.url, token: agentT.token, dataDir: tempDir('agent-') }).start();
      onCleanup(() => agent.close());
      await until(() => agent.connection.status === 'connected', 'agent connected');
      expect(await agent.command('counter.signIn', { counterId: agentT.counterId!, login: 'c02', password: DEMO_PASSWORD })).toMatchObject({
        ok: true,
      });

      const filler = fill(path.dirname(dataDir));
      // The write-ahead log may still have room in its last pages: write until it has none.
      let answer: RawAnswer | undefined;
      for (let i = 0; i < 200 && answer?.ok !== false; i++)
        answer = await sendCommand(manager, 'hall.setNotice', { text: `通知 ${i} ${'满'.repeat(400)}` });
      expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringContaining('磁盘已满') } });
      const inquiry = randomUUID();
      void agent.command('inquiry.record', { inquiryId: inquiry, counterId: agentT.counterId, topic: '社保', detail: '' });
      const call = opId();
      for (let i = 0; i < 3; i++) {
        expect(await sendCommand(clerk, 'ticket.callNext', { counterId: clerkT.counterId }, call)).toMatchObject({
          ok: false,
          error: { code: 'STORAGE_FULL' },
        });
      }
      expect(await health(hub.url)).toMatchObject({ status: 'degraded' });
      expect(hub.child.exitCode).toBeNull();
      expect(agent.connection.pending).toBe(1);

      rmSync(filler);
      expect(await sendCommand(manager, 'hall.setNotice', { text: '空间已恢复' })).toMatchObject({ ok: true });
      expect(await sendCommand(clerk, 'ticket.callNext', { counterId: clerkT.counterId }, call)).toMatchObject({
        ok: false,
        error: { code: 'COUNTER_STATE' },
      });
      expect(await health(hub.url)).toMatchObject({ status: 'up' });
      // The queued inquiry went again by itself, and was not set aside as refused.
      await until(() => agent.connection.pending === 0, 'outbox drained');
      expect(agent.outbox.rejected()).toEqual([]);
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toBe(0);
    },
  );
});
