import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStandaloneHub, type ForkHub } from '../../main/app/standaloneHub';
import { TerminalAgent } from '../../main/terminal/agent';
import { onCleanup, tempDir, until } from '../support/hub';
import { freePort } from '../support/process';
import { HUB_NODE_FLAGS } from '../../shared/kernel/hubProcess';

/**
 * The Electron shell's standalone mode, with utilityProcess.fork played by Node's fork of the same
 * hub entry (run through tsx here; the shell forks the bundled dist/hub/cli.js).
 */
const nodeFork: ForkHub = (script, args, execArgv) => fork(script, args, { execArgv: [...execArgv, '--import', 'tsx'], stdio: 'ignore' });

describe('standalone hub in its own process', () => {
  it('starts the hub, takes the local faces’ tokens from the hub’s own seed, and stops it', async () => {
    const dataDir = tempDir();
    const hub = await startStandaloneHub({ fork: nodeFork, hubScript: 'main/hub/cli.ts', dataDir, port: await freePort() });
    onCleanup(() => hub.stop());
    for (const face of ['clerk', 'kiosk', 'display', 'manager'] as const) expect(hub.tokenFor(face)).toMatch(/\./);

    const clerk = new TerminalAgent({ hubUrl: hub.url, token: hub.tokenFor('clerk')!, dataDir: tempDir('agent-') }).start();
    onCleanup(() => clerk.close());
    await until(() => clerk.connection.status === 'connected', 'the local clerk connects');
    expect(clerk.connection.welcome).toMatchObject({ role: 'clerk', counterId: expect.stringMatching(/-c-01$/) });

    await hub.stop();
    expect((await fetch(`${hub.url}/health`).catch(() => null))?.ok).toBeFalsy();
  });

  it('runs the hub with the same Node flags as `npm run hub`', async () => {
    let flags: readonly string[] = [];
    const spy: ForkHub = (script, args, execArgv) => ((flags = execArgv), nodeFork(script, args, execArgv));
    const hub = await startStandaloneHub({ fork: spy, hubScript: 'main/hub/cli.ts', dataDir: tempDir(), port: await freePort() });
    onCleanup(() => hub.stop());
    expect(flags).toEqual(HUB_NODE_FLAGS);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.hub).toContain(`node ${HUB_NODE_FLAGS.join(' ')} dist/hub/cli.js`);
  });

  it('a port taken by another hub is refused before anything starts', async () => {
    const port = await freePort();
    const first = await startStandaloneHub({ fork: nodeFork, hubScript: 'main/hub/cli.ts', dataDir: tempDir(), port });
    onCleanup(() => first.stop());
    let forked = false;
    const spy: ForkHub = (script, args, execArgv) => ((forked = true), nodeFork(script, args, execArgv));
    await expect(startStandaloneHub({ fork: spy, hubScript: 'main/hub/cli.ts', dataDir: tempDir(), port })).rejects.toThrow(/in use/);
    expect(forked).toBe(false);
  });

  it('a hub that stops while starting is reported, not waited for forever', async () => {
    // A data dir that is a file: the hub cannot open its database and exits.
    const notADir = path.join(tempDir(), 'file');
    writeFileSync(notADir, 'x');
    await expect(
      startStandaloneHub({ fork: nodeFork, hubScript: 'main/hub/cli.ts', dataDir: notADir, port: await freePort() }),
    ).rejects.toThrow(/stopped while starting/);
  });
});
