import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../main/hub/hub';
import { onCleanup, opId, tempDir } from '../support/hub';

const initAdmin = (dataDir: string, password: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'main/hub/cli.ts', '--data', dataDir, '--port', '0', 'init-admin', ...args], {
    input: `${password}\n`,
    encoding: 'utf8',
  });

describe('a new hall (not the demo)', () => {
  it('ships no staff and no password; init-admin makes the administrator and a manager terminal, once', async () => {
    const dataDir = tempDir();
    const short = initAdmin(dataDir, 'short');
    expect(short).toMatchObject({ status: 2, stderr: expect.stringContaining('密码至少 8 位') });
    // Refused before the data dir is opened: nothing was made.
    expect(existsSync(path.join(dataDir, 'hall.db'))).toBe(false);
    const db = () => new Database(path.join(dataDir, 'hall.db'), { readonly: true });

    const made = initAdmin(dataDir, 'a-good-password', '--login', 'zhang', '--name', '张主任');
    expect(made.status).toBe(0);
    const token = /token: (\S+)/.exec(made.stdout)![1]!;
    expect(initAdmin(dataDir, 'another-password')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('already has an administrator'),
    });
    const after = db();
    expect(after.prepare('SELECT login, role FROM staff').all()).toEqual([{ login: 'zhang', role: 'admin' }]);
    expect(String(after.prepare('SELECT password_hash FROM staff').pluck().get())).not.toContain('a-good-password');
    after.close();

    const hub = await startHub({ dataDir, port: 0 });
    onCleanup(() => hub.close());
    const manager = { terminalId: token.split('.')[0]!, role: 'manager' as const, counterId: null };
    const run = (type: string, payload: unknown) => hub.execute(manager, { opId: opId(), type, payload });
    expect(run('hall.setNotice', { text: '开业' })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(run('session.signIn', { login: 'zhang', password: 'wrong-password' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    });
    expect(run('session.signIn', { login: 'zhang', password: 'a-good-password' })).toMatchObject({ ok: true });
    expect(
      run('staff.create', {
        staffId: 'u-1',
        login: 'c01',
        name: '第一位窗口人员',
        role: 'clerk',
        departmentId: null,
        password: 'clerk-password',
      }),
    ).toMatchObject({ ok: true });
    expect(run('hall.setNotice', { text: '开业' })).toMatchObject({ ok: true });
  });
});
