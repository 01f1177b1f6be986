import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../main/hub/hub';
import { onCleanup, tempDir } from '../support/hub';
import { demoTokens, freePort, spawnHub } from '../support/process';

/** What the hub says to a socket with `token`: its welcome (the role) or its refusal. */
function greeting(url: string, token: string): Promise<string> {
  const s = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  onCleanup(() => void s.close());
  return new Promise((resolve) => {
    s.once('welcome', (w: { role: string }) => resolve(`welcome ${w.role}`));
    s.once('connect_error', (e) => resolve(`refused ${e.message}`));
  });
}

describe('a demo hall’s first start, killed midway', () => {
  it('killed after seeding but before the tokens file was written: the next start issues new tokens and writes the file', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    let hub = await spawnHub(dataDir, port);
    const lost = demoTokens(dataDir);
    hub.child.kill('SIGKILL');
    await hub.exited;
    rmSync(path.join(dataDir, 'demo-terminals.json')); // as if the kill came before it was written

    hub = await spawnHub(dataDir, port);
    expect(hub.output()).toContain('new tokens issued');
    const tokens = demoTokens(dataDir);
    expect(tokens.map((t) => [t.id, t.role, t.counterId])).toEqual(lost.map((t) => [t.id, t.role, t.counterId]));
    for (const role of ['clerk', 'kiosk', 'display', 'evaluator', 'manager']) {
      expect(await greeting(hub.url, tokens.find((t) => t.role === role)!.token)).toBe(`welcome ${role}`);
    }
    expect(await greeting(hub.url, lost[0]!.token)).toBe('refused UNAUTHENTICATED');

    // A later start leaves a file that is there alone.
    hub.child.kill('SIGTERM');
    await hub.exited;
    hub = await spawnHub(dataDir, port);
    expect(demoTokens(dataDir)).toEqual(tokens);
  });

  it('killed between seeding and recording the hall’s epoch: nothing of the hall was kept, and the next start seeds it', async () => {
    const dataDir = tempDir();
    // The epoch's insert fails as a kill at that moment would stop it.
    const proto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as {
      run: (...args: unknown[]) => unknown;
      source: string;
    };
    const run = proto.run;
    proto.run = function (this: { source: string }, ...args: unknown[]) {
      if (this.source.includes("'epoch'")) throw new Error('killed');
      return run.apply(this, args);
    };
    try {
      await expect(startHub({ dataDir, port: 0, demo: true })).rejects.toThrow('killed');
    } finally {
      proto.run = run;
    }
    const db = new Database(path.join(dataDir, 'hall.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM halls').pluck().get()).toBe(0);
    db.close();
    expect(existsSync(path.join(dataDir, 'demo-terminals.json'))).toBe(false);

    const hub = await startHub({ dataDir, port: 0, demo: true });
    onCleanup(() => hub.close());
    expect(hub.demoTerminals.length).toBeGreaterThan(0);
    expect(await greeting(hub.url, hub.demoTerminals.find((t) => t.role === 'display')!.token)).toBe('welcome display');
  });
});
