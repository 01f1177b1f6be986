import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { callerOf, demoHub, opId, tempDir, terminal } from '../support/hub';

describe('account and terminal rules at the hub', () => {
  it('a weak or login-bearing password is refused for a new staff member and for a reset, and changes nothing', async () => {
    const hub = await demoHub();
    const admin = (type: string, payload: unknown) => hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type, payload });
    const staff = { staffId: 'H3301-u-new', login: 'wangwu', name: '王五', role: 'clerk', departmentId: null };
    const count = () => hub.db.prepare('SELECT count(*) FROM staff').pluck().get();
    const before = count();
    for (const password of ['12345678', 'password', '11111111', 'wangwu2026'])
      expect(admin('staff.create', { ...staff, password })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(count()).toBe(before);
    expect(admin('staff.create', { ...staff, password: 'Hall#Counter7' })).toMatchObject({ ok: true });
    const hash = () => hub.db.prepare("SELECT password_hash FROM staff WHERE login = 'wangwu'").pluck().get();
    const stored = hash();
    expect(admin('staff.setPassword', { staffId: 'H3301-u-new', password: 'xx-wangwu-xx' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(admin('staff.setPassword', { staffId: 'H3301-u-new', password: 'qwerty123' })).toMatchObject({ ok: false });
    expect(hash()).toBe(stored);
  });

  it('a clerk PC or an evaluator is bound to a counter: created without one, it is refused', async () => {
    const hub = await demoHub();
    const admin = (payload: unknown) => hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'terminal.create', payload });
    for (const role of ['clerk', 'evaluator'])
      expect(admin({ role, name: '新窗口电脑', counterId: null, zone: '' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    expect(admin({ role: 'clerk', name: '新窗口电脑', counterId: 'H3301-c-02', zone: '' })).toMatchObject({ ok: true });
    expect(admin({ role: 'display', name: '二楼叫号屏', counterId: null, zone: '' })).toMatchObject({ ok: true });

    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'main/hub/cli.ts',
        '--data',
        tempDir(),
        '--port',
        '0',
        '--demo',
        'create-terminal',
        '--role',
        'clerk',
        '--name',
        'x',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--counter/);
  });
});
