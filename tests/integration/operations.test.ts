import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askRunningHub } from '../../main/hub/control/client';
import { controlAddress, controlKeyFile } from '../../main/hub/control/protocol';
import { startHub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { TerminalAgent } from '../../main/terminal/agent';
import { demoHub, onCleanup, tempDir, terminalSocket, until } from '../support/hub';
import { demoTokens, freePort, spawnHub } from '../support/process';
import { sendCommand } from '../support/sockets';

/** `npm run hub -- --data DIR --port PORT <args>`, from the sources, with `input` on stdin. */
const cli = (dataDir: string, port: number, args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', 'main/hub/cli.ts', '--data', dataDir, '--port', String(port), ...args], {
    input,
    encoding: 'utf8',
  });

const tokenIn = (stdout: string) => /token: (\S+)/.exec(stdout)![1]!;

/** One raw line on the control channel and the hub's answer. */
function controlExchange(dataDir: string, line: string): Promise<{ ok: boolean; error?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const socket = connect(controlAddress(dataDir));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(line));
    socket.on('data', (c: string) => (text += c));
    socket.on('end', () => resolve(JSON.parse(text) as { ok: boolean; error?: { code: string } }));
    socket.on('error', reject);
  });
}

const auditTypes = (dataDir: string) => {
  const db = new Database(path.join(dataDir, 'hall.db'), { readonly: true });
  try {
    return db.prepare("SELECT type, outcome, detail FROM audit WHERE type LIKE 'operator.%' ORDER BY id").all() as {
      type: string;
      outcome: string;
      detail: string;
    }[];
  } finally {
    db.close();
  }
};

describe('operations against a running hub (the control channel)', () => {
  it('create-terminal while the hub runs: done by that hub, on its port only; the token works there at once', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const hub = await spawnHub(dataDir, port);
    expect(statSync(controlAddress(dataDir)).mode & 0o777).toBe(0o600);
    const managerT = demoTokens(dataDir).find((t) => t.role === 'manager')!;
    const board = new TerminalAgent({ hubUrl: hub.url, token: managerT.token, dataDir: tempDir('agent-') }).start();
    onCleanup(() => board.close());
    await until(() => board.connection.status === 'connected', 'the board connected');
    expect(statSync(controlKeyFile(dataDir)).mode & 0o777).toBe(0o600);

    // The same --port as the hub's: a CLI that bound it would fail with EADDRINUSE.
    const made = cli(dataDir, port, ['create-terminal', '--role', 'clerk', '--name', '3号窗口新电脑', '--counter', 'H3301-c-03']);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).not.toMatch(/listening/);
    expect(hub.output().match(/listening on/g)).toHaveLength(1);
    await until(() => hub.output().includes('operator create-terminal: done'), 'the hub logs the operation');

    // The connected board is told at once, as for any command.
    const terminalId = tokenIn(made.stdout).split('.')[0]!;
    await until(() => board.replica.row('terminals', terminalId)?.name === '3号窗口新电脑', 'the board sees the new terminal');
    const socket = await terminalSocket(hub.url, tokenIn(made.stdout));
    expect(await sendCommand(socket, 'counter.signIn', { counterId: 'H3301-c-03', login: 'c03', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    // Bad input is refused by the hub with its code, and nothing is made.
    const bad = cli(dataDir, port, ['create-terminal', '--role', 'clerk', '--name', 'x', '--counter', 'H3301-c-99']);
    expect(bad).toMatchObject({ status: 2, stderr: expect.stringContaining('NOT_FOUND') });
    const unbound = cli(dataDir, port, ['create-terminal', '--role', 'evaluator', '--name', 'x']);
    expect(unbound).toMatchObject({ status: 2, stderr: expect.stringMatching(/VALIDATION_FAILED.*--counter/) });

    expect(auditTypes(dataDir)).toEqual([
      { type: 'operator.createTerminal', outcome: 'ok', detail: expect.stringContaining('3号窗口新电脑') },
      { type: 'operator.createTerminal', outcome: 'NOT_FOUND', detail: expect.stringContaining('H3301-c-99') },
    ]);
    expect(JSON.stringify(auditTypes(dataDir))).not.toContain(tokenIn(made.stdout));
    expect(hub.child.exitCode).toBeNull();
  });

  it('init-admin on a running new hall makes the administrator; a second is refused with ADMIN_EXISTS', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const hub = await spawnHub(dataDir, port, [], 'main/hub/cli.ts', { demo: false });
    expect(hub.output()).toContain('no administrator yet');

    const weak = cli(dataDir, port, ['init-admin', '--login', 'zhang'], 'zhang123456\n');
    expect(weak).toMatchObject({ status: 2, stderr: expect.stringContaining('密码不能包含工号') });
    const made = cli(dataDir, port, ['init-admin', '--login', 'zhang', '--name', '张主任'], 'a-good-password\n');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);

    const board = await terminalSocket(hub.url, tokenIn(made.stdout));
    expect(await sendCommand(board, 'session.signIn', { login: 'zhang', password: 'a-good-password' })).toMatchObject({ ok: true });
    expect(await sendCommand(board, 'hall.setNotice', { text: '开业' })).toMatchObject({ ok: true });

    const again = cli(dataDir, port, ['init-admin', '--login', 'li'], 'another-password\n');
    expect(again).toMatchObject({ status: 2, stderr: expect.stringContaining('ADMIN_EXISTS') });
    expect(auditTypes(dataDir).map((r) => [r.type, r.outcome])).toEqual([
      ['operator.initAdmin', 'ok'],
      ['operator.initAdmin', 'ADMIN_EXISTS'],
    ]);
    // The password is never kept in the audit log.
    expect(JSON.stringify(auditTypes(dataDir))).not.toContain('a-good-password');
  });

  it('a malformed control message gets a typed error and the hub serves on', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const hub = await spawnHub(dataDir, port);
    const key = readFileSync(controlKeyFile(dataDir), 'utf8').trim();

    expect(await controlExchange(dataDir, 'not json\n')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await controlExchange(dataDir, `${JSON.stringify({ request: {} })}\n`)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const stranger = { key: 'ab'.repeat(32), request: { op: 'create-terminal', role: 'kiosk', name: 'k', counterId: null, zone: '' } };
    expect(await controlExchange(dataDir, `${JSON.stringify(stranger)}\n`)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await controlExchange(dataDir, `${JSON.stringify({ key, request: { op: 'drop-tables' } })}\n`)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await controlExchange(
        dataDir,
        `${JSON.stringify({ key, request: { op: 'create-terminal', role: 'kiosk', name: 'x'.repeat(61) } })}\n`,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await controlExchange(dataDir, 'x'.repeat(20_000))).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });

    // Nothing of that was made or recorded; the hub answers and still takes a good request.
    expect(auditTypes(dataDir)).toEqual([]);
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
    const ok = await controlExchange(
      dataDir,
      `${JSON.stringify({ key, request: { op: 'create-terminal', role: 'kiosk', name: '二楼取号机', counterId: null, zone: '二楼' } })}\n`,
    );
    expect(ok).toMatchObject({ ok: true, result: { token: expect.any(String) } });
    expect(hub.child.exitCode).toBeNull();
  });

  it('a hub killed with SIGKILL leaves its socket behind: the CLI finds nobody there and opens the data dir itself', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir, await freePort());
    hub.child.kill('SIGKILL');
    await hub.exited;
    expect(existsSync(controlAddress(dataDir))).toBe(true);
    const made = cli(dataDir, 0, ['create-terminal', '--role', 'kiosk', '--name', '二号取号机']);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    // The next hub replaces the stale socket and answers on it.
    const next = await spawnHub(dataDir, await freePort());
    const again = cli(dataDir, 0, ['create-terminal', '--role', 'kiosk', '--name', '三号取号机']);
    expect(again.status).toBe(0);
    await terminalSocket(next.url, tokenIn(made.stdout));
    await terminalSocket(next.url, tokenIn(again.stdout));
  });

  it('a data dir too deep for a socket name gets its socket in the temp dir, owner-only, keyed all the same', async () => {
    const dataDir = path.join(tempDir(), 'a-very-long-folder-name-for-the-hall-data'.repeat(2), 'hall');
    expect(controlAddress(dataDir).startsWith(path.join(tmpdir(), 'servicehall-'))).toBe(true);
    const hub = await demoHub({ dataDir });
    expect(statSync(controlAddress(dataDir)).mode & 0o777).toBe(0o600);
    const answer = await askRunningHub(dataDir, {
      op: 'create-terminal',
      role: 'kiosk',
      name: '三楼取号机',
      counterId: null,
      zone: '三楼',
    });
    expect(answer).toMatchObject({ ok: true, result: { terminalId: expect.stringMatching(/^H3301-t-/) } });
    await terminalSocket(hub.url, answer!.ok && 'token' in answer!.result ? answer!.result.token : '');
    await hub.close();
    expect(existsSync(controlAddress(dataDir))).toBe(false);
    // Nobody there now: the CLI would open the data dir itself.
    expect(await askRunningHub(dataDir, { op: 'create-terminal', role: 'kiosk', name: 'x', counterId: null, zone: '' })).toBeNull();
  });

  it('with no hub running, the CLI opens the data dir itself and listens on nothing', async () => {
    const dataDir = tempDir();
    // Someone else holds the port the CLI is given: an operation that bound it would fail.
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    onCleanup(() => new Promise<void>((r) => taken.close(() => r())));
    const port = (taken.address() as { port: number }).port;

    const made = cli(dataDir, port, ['--demo', 'create-terminal', '--role', 'display', '--name', '二楼叫号屏', '--zone', '二楼']);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(auditTypes(dataDir)).toEqual([
      { type: 'operator.createTerminal', outcome: 'ok', detail: expect.stringContaining('二楼叫号屏') },
    ]);

    // The terminal is there when the hub starts, and the audit chain vouches for what the operation wrote.
    const hub = await startHub({ dataDir, port: 0, demo: true });
    onCleanup(() => hub.close());
    await terminalSocket(hub.url, tokenIn(made.stdout));
    expect(hub.verifyAudit()).toMatchObject({ ok: true });
  });
});
