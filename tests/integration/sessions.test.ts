import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import { demoHub, manualClock, onCleanup, opId, tempDir } from '../support/hub';

/**
 * Sessions at manager terminals (issue 11, item 7): they end by themselves (idle, absolute, on the
 * hub's clock, across restarts), on the person's new password, and with their terminal's
 * revocation or new enrollment, which also closes its connections.
 */
const MIN = 60_000;
const MGR_A = 'H3301-t-manager-1';
const MGR_B = 'H3301-t-mgr-b';

/** The demo hall with the administrator at the demo manager terminal and the manager at a second one. */
async function hall() {
  const dataDir = tempDir(),
    clock = manualClock();
  const hub = await demoHub({ dataDir, clock });
  const token = hub.store.transaction(() =>
    createTerminal(hub.store, hub.hallId, { id: MGR_B, role: 'manager', name: '副看板', counterId: null }, clock()),
  ).result;
  const as = (terminalId: string) => (type: string, payload: unknown) =>
    hub.execute({ terminalId, role: 'manager', counterId: null }, { opId: opId(), type, payload });
  const admin = as(MGR_A),
    manager = as(MGR_B);
  return { hub, clock, admin, manager, token, dataDir };
}

const code = (a: { ok: boolean; error?: { code: string } }) => (a.ok ? 'ok' : a.error!.code);
const notice = (send: (type: string, payload: unknown) => { ok: boolean }) => code(send('hall.setNotice', { text: 'x' }));

describe('manager sessions end', () => {
  it('after 30 minutes without a command; the end is fed and audited, and the board signs in again', async () => {
    const { hub, clock, admin } = await hall();
    clock.advance(29 * MIN);
    expect(notice(admin)).toBe('ok');
    clock.advance(29 * MIN); // 58 minutes after the sign-in, 29 after the last command
    expect(notice(admin)).toBe('ok');
    clock.advance(30 * MIN);
    const asks = await hub.query({ terminalId: MGR_A, role: 'manager', counterId: null }, { name: 'hall.today', params: {} });
    expect(asks).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(admin('hall.setNotice', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED', message: '长时间未操作，已自动退出，请重新登录' },
    });
    expect(hub.store.get('staff_sessions', MGR_A)).toMatchObject({ staff_id: null, started_at: null });
    expect(hub.db.prepare("SELECT terminal_id, outcome, detail FROM audit WHERE type = 'session.expire'").all()).toEqual([
      { terminal_id: MGR_A, outcome: 'ok', detail: '{"staffId":"H3301-u-admin","lapse":"idle"}' },
    ]);
    expect(hub.verifyAudit()).toMatchObject({ ok: true });
    expect(admin('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(notice(admin)).toBe('ok');
  });

  it('12 hours after the sign-in however busy, a restart of the hub in between; both limits are settings', async () => {
    const first = await hall();
    const { clock, dataDir } = first;
    for (let i = 0; i < 6 * 12 - 1; i++) {
      clock.advance(10 * MIN);
      expect(notice(first.admin), `after ${(i + 1) * 10} minutes`).toBe('ok');
    }
    await first.hub.close();
    const hub = await demoHub({ dataDir, clock }, { managerSession: false });
    const admin = (type: string, payload: unknown) =>
      hub.execute({ terminalId: MGR_A, role: 'manager', counterId: null }, { opId: opId(), type, payload });
    clock.advance(5 * MIN);
    expect(notice(admin)).toBe('ok'); // 11 h 55: the session outlived the restart
    clock.advance(5 * MIN);
    expect(admin('hall.setNotice', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED', message: '登录已到时限，请重新登录' },
    });

    expect(admin('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(admin('hall.setSecuritySettings', { sessionIdleMinutes: 5, sessionHours: 1 })).toMatchObject({ ok: true });
    clock.advance(5 * MIN);
    expect(notice(admin)).toBe('SIGN_IN_REQUIRED');
    expect(admin('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(admin('hall.setSecuritySettings', { sessionIdleMinutes: 4 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('on a new password for its person, at every terminal', async () => {
    const { hub, admin, manager } = await hall();
    expect(manager('session.signIn', { login: 'manager', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(admin('staff.setPassword', { staffId: 'H3301-u-mgr', password: 'another-password' })).toMatchObject({ ok: true });
    expect(notice(manager)).toBe('SIGN_IN_REQUIRED');
    expect(hub.store.get('staff_sessions', MGR_B)).toMatchObject({ staff_id: null });
    expect(notice(admin)).toBe('ok'); // someone else's session goes on
    expect(manager('session.signIn', { login: 'manager', password: 'another-password' })).toMatchObject({ ok: true });
  });

  it('when its terminal is enrolled again (its token and connections end at once) or revoked', async () => {
    const { hub, admin, manager, token } = await hall();
    expect(manager('session.signIn', { login: 'manager', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    const socket = await connected(hub, token);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect(admin('terminal.newCode', { terminalId: MGR_B })).toMatchObject({ ok: true, result: { code: expect.any(String) } });
    expect(await gone).toBe('io server disconnect');
    expect(await refused(hub, token)).toBe('UNAUTHENTICATED');
    expect(hub.store.get('staff_sessions', MGR_B)).toMatchObject({ staff_id: null });
    expect(notice(manager)).toBe('SIGN_IN_REQUIRED');
    expect(admin('terminal.newCode', { terminalId: MGR_A })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '不能重新注册本终端' },
    });

    expect(manager('session.signIn', { login: 'manager', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(admin('terminal.revoke', { terminalId: MGR_B })).toMatchObject({ ok: true });
    expect(hub.store.get('staff_sessions', MGR_B)).toMatchObject({ staff_id: null });
  });
});

async function connected(hub: Hub, token: string): Promise<Socket> {
  const s = io(hub.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  onCleanup(() => void s.close());
  await new Promise<void>((resolve, reject) => {
    s.once('welcome', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

async function refused(hub: Hub, token: string): Promise<string> {
  const s = io(hub.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  onCleanup(() => void s.close());
  return new Promise((resolve) => s.once('connect_error', (e) => resolve(e.message)));
}
