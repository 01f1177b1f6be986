import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { callerOf, demoHub, onCleanup, opId, terminal, until } from '../support/hub';

/** Status and body of a GET to the hub with the Host header `host` (and a bearer token). */
function get(hub: Hub, path: string, host: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: hub.port, path, headers: { host, ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject).end();
  });
}

/** What the socket handshake with the Host header `host` comes to. */
function handshake(hub: Hub, host: string): Promise<string> {
  const s = io(`http://127.0.0.1:${hub.port}`, {
    auth: { token: terminal(hub, 'display').token },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { host },
  });
  onCleanup(() => void s.close());
  return new Promise((resolve) => {
    s.once('welcome', () => resolve('welcome'));
    s.once('connect_error', (e) => resolve(`refused ${e.message}`));
  });
}

describe('what public terminals and strangers learn', () => {
  it('kiosks, displays and evaluators never receive the hall’s security settings, in snapshots or in the feed', async () => {
    const hub = await demoHub();
    const manager = callerOf(terminal(hub, 'manager'));
    expect(hub.execute(manager, { opId: opId(), type: 'hall.setSecuritySettings', payload: { lockoutAttempts: 7 } })).toMatchObject({
      ok: true,
    });
    for (const role of ['kiosk', 'display', 'evaluator'] as const) {
      const [hall] = hub.snapshot(terminal(hub, role).id).tables.halls!;
      expect(hall).toMatchObject({ id: 'H3301', name: '示范市政务服务中心' });
      expect(hall).not.toHaveProperty('security_settings');
    }
    for (const role of ['clerk', 'manager'] as const) {
      expect(JSON.parse(hub.snapshot(terminal(hub, role).id).tables.halls![0]!.security_settings as string)).toMatchObject({
        lockoutAttempts: 7,
      });
    }

    const display = io(hub.url, { auth: { token: terminal(hub, 'display').token }, transports: ['websocket'], reconnection: false });
    onCleanup(() => void display.close());
    const halls: Record<string, unknown>[] = [];
    display.on('feed', (b: { entries: { table: string; row: Record<string, unknown> | null }[] }) =>
      halls.push(...b.entries.filter((e) => e.table === 'halls').map((e) => e.row!)),
    );
    await until(() => display.connected, 'display connected');
    await display.emitWithAck('subscribe', { since: 0 });
    hub.execute(manager, { opId: opId(), type: 'hall.setSecuritySettings', payload: { lockoutMinutes: 30 } });
    await until(() => halls.length >= 3, 'the backlog and the live change');
    expect(halls.filter((h) => 'security_settings' in h)).toEqual([]);
  });

  it('/health tells anyone only up or degraded; a manager terminal’s token gets the rest', async () => {
    const hub = await demoHub();
    const host = `127.0.0.1:${hub.port}`;
    for (const token of [undefined, terminal(hub, 'display').token, terminal(hub, 'kiosk').token, 'H3301-t-manager-1.forged']) {
      expect(JSON.parse((await get(hub, '/health', host, token)).body)).toEqual({ status: 'up', tlsFingerprint: null });
    }
    expect(JSON.parse((await get(hub, '/health', host, terminal(hub, 'manager').token)).body)).toMatchObject({
      status: 'up',
      hallId: 'H3301',
      terminals: { clerk: 0, kiosk: 0, display: 0, evaluator: 0, manager: 0 },
    });
  });

  it('answers only the names it was configured with (DNS rebinding), over HTTP and on the socket handshake', async () => {
    const hub = await demoHub({ allowedHosts: ['hall.example'] });
    for (const host of [
      `127.0.0.1:${hub.port}`,
      `localhost:${hub.port}`,
      `[::1]:${hub.port}`,
      'hall.example',
      `HALL.example:${hub.port}`,
    ]) {
      expect((await get(hub, '/health', host)).status, host).toBe(200);
    }
    for (const host of [`evil.example:${hub.port}`, 'hall.example.evil.example', `evil.example@127.0.0.1:${hub.port}`]) {
      expect((await get(hub, '/health', host)).status, host).toBe(421);
      expect((await get(hub, '/', host)).status, host).toBe(421);
    }
    expect(await handshake(hub, `127.0.0.1:${hub.port}`)).toBe('welcome');
    expect(await handshake(hub, 'hall.example')).toBe('welcome');
    expect(await handshake(hub, `evil.example:${hub.port}`)).toMatch(/^refused/);

    // This PC's own addresses count only for a hub bound to all of them.
    const own = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    if (own) {
      expect((await get(hub, '/health', own)).status).toBe(421);
      const everywhere = await demoHub({ host: '0.0.0.0' });
      expect((await get(everywhere, '/health', `${own}:${everywhere.port}`)).status).toBe(200);
      expect((await get(everywhere, '/health', 'evil.example')).status).toBe(421);
    }
  });
});
