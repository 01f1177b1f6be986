import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { callerOf, demoHub, manualClock, onCleanup, opId, signInManager, terminal } from '../support/hub';

const MIN = 60_000;

async function createTerminal(hub: Hub, payload: Record<string, unknown> = {}) {
  const answer = hub.execute(callerOf(terminal(hub, 'manager')), {
    opId: opId(),
    type: 'terminal.create',
    payload: { role: 'display', name: '二楼叫号屏', counterId: null, zone: '二楼', ...payload },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result as { terminal: { id: string }; code: string; expiresAt: number };
}

const post = (hub: Hub, body: unknown, method = 'POST') =>
  fetch(`${hub.url}/enroll`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'POST' ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
  });

function connect(hub: Hub, token: string) {
  const s: Socket = io(hub.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  onCleanup(() => void s.close());
  const outcome = new Promise<string>((resolve) => {
    s.once('welcome', (w: { role: string }) => resolve(`welcome ${w.role}`));
    s.once('connect_error', (e) => resolve(`refused ${e.message}`));
  });
  return { socket: s, outcome };
}

describe('terminal enrollment', () => {
  it('a manager creates a terminal; its one-time code becomes a token once; the token connects', async () => {
    const hub = await demoHub();
    const { terminal: t, code, expiresAt } = await createTerminal(hub);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(expiresAt - Date.now()).toBeGreaterThan(55 * MIN);
    expect(hub.snapshot(terminal(hub, 'manager').id).tables.terminals?.some((r) => r.id === t.id && !('token_hash' in r))).toBe(true);
    expect(hub.snapshot(terminal(hub, 'display').id).tables.terminals).toBeUndefined();

    const res = await post(hub, { code: code.toLowerCase().replace(/-/g, ' ') }); // typed loosely at the terminal
    expect(res.status).toBe(200);
    const enrolled = (await res.json()) as { terminalId: string; role: string; token: string; hallName: string };
    expect(enrolled).toMatchObject({ terminalId: t.id, role: 'display', hallName: '示范市政务服务中心' });
    expect(enrolled.token.startsWith(`${t.id}.`)).toBe(true);
    expect(await connect(hub, enrolled.token).outcome).toBe('welcome display');

    const again = await post(hub, { code });
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({
      error: { code: 'ENROLLMENT_INVALID', message: '注册码无效、已使用或已过期，请向大厅管理员重新获取' },
    });
    // The code never rests in the database: a replay of the command answers without it.
    const stored = String(hub.db.prepare("SELECT answer FROM applied_ops WHERE type = 'terminal.create'").pluck().get());
    expect(stored).not.toContain(code);
    expect(hub.db.prepare('SELECT count(*) FROM enrollments WHERE code_hash = ?').pluck().get(code)).toBe(0);
    expect(hub.verifyAudit()).toMatchObject({ ok: true });
    expect(hub.db.prepare("SELECT outcome FROM audit WHERE type = 'terminal.enroll' ORDER BY id").pluck().all()).toEqual([
      'ok',
      'ENROLLMENT_INVALID',
    ]);
  });

  it('an expired code, and a code replaced by a newer one, are refused', async () => {
    const clock = manualClock();
    const hub = await demoHub({ clock });
    const { terminal: t, code } = await createTerminal(hub);
    clock.advance(60 * MIN);
    expect((await post(hub, { code })).status).toBe(401);
    signInManager(hub); // an hour idle ended the board's session
    const first = hub.execute(callerOf(terminal(hub, 'manager')), {
      opId: opId(),
      type: 'terminal.newCode',
      payload: { terminalId: t.id },
    });
    const second = hub.execute(callerOf(terminal(hub, 'manager')), {
      opId: opId(),
      type: 'terminal.newCode',
      payload: { terminalId: t.id },
    });
    expect((await post(hub, { code: (first as unknown as { result: { code: string } }).result.code })).status).toBe(401);
    expect((await post(hub, { code: (second as unknown as { result: { code: string } }).result.code })).status).toBe(200);
  });

  it('revoking disconnects the terminal at once, and its token stops working', async () => {
    const hub = await demoHub();
    const display = terminal(hub, 'display');
    const { socket, outcome } = connect(hub, display.token);
    expect(await outcome).toBe('welcome display');
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect(
      hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'terminal.revoke', payload: { terminalId: display.id } }),
    ).toMatchObject({ ok: true });
    expect(await gone).toBe('io server disconnect');
    expect(await connect(hub, display.token).outcome).toBe('refused UNAUTHENTICATED');
    expect(
      hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'terminal.newCode', payload: { terminalId: display.id } }),
    ).toMatchObject({ ok: false, error: { code: 'TERMINAL_REVOKED' } });
    expect(
      hub.execute(callerOf(terminal(hub, 'manager')), {
        opId: opId(),
        type: 'terminal.revoke',
        payload: { terminalId: terminal(hub, 'manager').id },
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('a token presented under another terminal id is refused', async () => {
    const hub = await demoHub();
    const [kiosk, display] = [terminal(hub, 'kiosk'), terminal(hub, 'display')];
    const secret = kiosk.token.slice(kiosk.token.lastIndexOf('.') + 1);
    expect(await connect(hub, `${display.id}.${secret}`).outcome).toBe('refused UNAUTHENTICATED');
    expect(await connect(hub, secret).outcome).toBe('refused UNAUTHENTICATED');
    expect(await connect(hub, kiosk.token).outcome).toBe('welcome kiosk');
  });

  it.each([
    ['GET', 'GET', null, 405],
    ['not JSON', 'POST', '{code:', 400],
    ['no code', 'POST', { token: 'x' }, 400],
    ['a huge body', 'POST', { code: 'x'.repeat(5000) }, 413],
  ] as const)('bad enrollment requests: %s → %i, nothing changes', async (_name, method, body, status) => {
    const hub = await demoHub();
    const before = hub.db.prepare('SELECT count(*) FROM audit').pluck().get();
    expect((await post(hub, body, method)).status).toBe(status);
    expect(hub.db.prepare('SELECT count(*) FROM audit').pluck().get()).toBe(before);
  });
});
