import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { HubSocket } from '../../renderer/src/app/hubSocket';
import { SyncClient, type ReplicaSink } from '../../shared/protocol/syncClient';
import { actors, ok } from '../support/actors';
import { demoHub, onCleanup, opId, terminal, until } from '../support/hub';

/** Every WebSocket the client opens, so a test sees its attempts. */
const opened: string[] = [];
class CountedWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url);
    opened.push(url);
  }
}

function client(url: string, token: string, delays = { reconnectionDelay: 1, reconnectionDelayMax: 5 }) {
  const socket = new HubSocket(url, { auth: { token }, ...delays, WebSocket: CountedWebSocket as unknown as typeof WebSocket });
  onCleanup(() => socket.close());
  const seen: string[] = [];
  socket.on('connect', () => seen.push('connect'));
  socket.on('disconnect', (reason: string) => seen.push(`disconnect: ${reason}`));
  socket.on('connect_error', (e: Error) => seen.push(`connect_error: ${e.message}`));
  return { socket, seen };
}

/** A plain socket.io server (the hub's library and defaults) whose every move the test makes. */
async function ioServer(options: { pingInterval?: number; pingTimeout?: number } = {}) {
  const http = createServer();
  const io = new Server(http, { serveClient: false, ...options });
  const sockets: ServerSocket[] = [];
  io.use((s, next) => next(s.handshake.auth.token === 'good' ? undefined : new Error('UNAUTHENTICATED')));
  io.on('connection', (s) => {
    sockets.push(s);
    s.emit('welcome', { n: sockets.length });
    s.on('echo', (arg: unknown, ack: (a: unknown) => void) => ack({ echoed: arg }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, sockets, io };
}

describe('the browser terminal’s hub socket (socket.io’s wire over a WebSocket)', () => {
  it('connects with its token, hears events, gets answers, and fails a wait the hub never answers', async () => {
    const server = await ioServer();
    const { socket, seen } = client(server.url, 'good');
    const welcomes: unknown[] = [];
    socket.on('welcome', (w: unknown) => welcomes.push(w));
    await until(() => welcomes.length === 1, 'welcome');
    expect(seen).toEqual(['connect']);
    expect(socket.connected).toBe(true);
    expect(opened.at(-1)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/socket\.io\/\?EIO=4&transport=websocket$/);
    expect(await socket.timeout(5000).emitWithAck('echo' as never, { name: '叫号', params: [1] })).toEqual({
      echoed: { name: '叫号', params: [1] },
    });
    const plain = new Promise((resolve) => socket.emit('echo', 2, resolve));
    expect(await plain).toEqual({ echoed: 2 });
    await expect(socket.timeout(30).emitWithAck('silence' as never, { name: 'x', params: null })).rejects.toThrow(
      'operation has timed out',
    );
  });

  it('answers the hub’s pings, so a quiet link stays up past the ping timeout', async () => {
    const server = await ioServer({ pingInterval: 20, pingTimeout: 20 });
    const { socket, seen } = client(server.url, 'good');
    await until(() => server.sockets.length === 1, 'connection');
    let pongs = 0;
    server.sockets[0]!.conn.on('packet', (p: { type: string }) => void (p.type === 'pong' && pongs++));
    // Ten rounds of ping: well past 40 ms of silence, which would end a link that does not answer.
    await until(() => pongs >= 10, 'ten pongs');
    expect(socket.connected).toBe(true);
    expect(seen).toEqual(['connect']);
  });

  it('reconnects after a lost link and sends what was emitted meanwhile; a wait whose packet had left fails at once', async () => {
    const server = await ioServer();
    const { socket, seen } = client(server.url, 'good', { reconnectionDelay: 200, reconnectionDelayMax: 200 });
    await until(() => socket.connected, 'connected');
    // The hub holds this one unanswered; the link then drops under it.
    const waiting = socket.timeout(10_000).emitWithAck('silence' as never, { name: 'x', params: null });
    server.sockets[0]!.conn.close();
    await expect(waiting).rejects.toThrow('socket has been disconnected');
    expect(seen).toEqual(['connect', 'disconnect: transport close']);
    expect(socket.connected).toBe(false);
    // Emitted while down: buffered, sent on the next link, answered there.
    const later = socket.timeout(10_000).emitWithAck('echo' as never, { name: 'later', params: null });
    expect(await later).toEqual({ echoed: { name: 'later', params: null } });
    expect(server.sockets).toHaveLength(2);
    expect(seen).toEqual(['connect', 'disconnect: transport close', 'connect']);
  });

  it('takes the browser’s word that the network is gone, and reconnects', async () => {
    // The page's `offline` event, as a browser fires it (Node has no window to fire one).
    const page = new EventTarget();
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
    vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
    onCleanup(() => void vi.unstubAllGlobals());
    const server = await ioServer();
    const { socket, seen } = client(server.url, 'good');
    await until(() => socket.connected, 'connected');
    page.dispatchEvent(new Event('offline'));
    expect(seen).toEqual(['connect', 'disconnect: transport close']);
    await until(() => socket.connected, 'connected again');
    expect(server.sockets).toHaveLength(2);
    // The link it left is no longer listening: another offline ends only the current one, once.
    page.dispatchEvent(new Event('offline'));
    expect(seen).toEqual(['connect', 'disconnect: transport close', 'connect', 'disconnect: transport close']);
  });

  it('does not reconnect by itself after the hub hung up or refused it; connect() asks again', async () => {
    const server = await ioServer();
    const { socket, seen } = client(server.url, 'good');
    await until(() => socket.connected, 'connected');
    const before = opened.length;
    server.sockets[0]!.disconnect(true);
    await until(() => seen.length === 2, 'disconnect');
    expect(seen[1]).toBe('disconnect: io server disconnect');
    // Another client's whole connection takes longer than this one's 1–5 ms backoff would.
    const other = client(server.url, 'good');
    await until(() => other.socket.connected, 'other connected');
    expect(opened.length).toBe(before + 1);
    socket.connect();
    await until(() => socket.connected, 'connected again');
    expect(server.sockets).toHaveLength(3);

    const refused = client(server.url, 'bad');
    await until(() => refused.seen.length === 1, 'refusal');
    expect(refused.seen).toEqual(['connect_error: UNAUTHENTICATED']);
    const third = client(server.url, 'good');
    await until(() => third.socket.connected, 'third connected');
    expect(refused.seen).toEqual(['connect_error: UNAUTHENTICATED']);
    expect(refused.socket.connected).toBe(false);
  });

  it('drops a link that sends what the hub never sends (a binary packet, a broken open) and tries again', async () => {
    // A peer speaking the wire by hand: the first link sends a binary event, the next a broken open.
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await new Promise((resolve) => server.once('listening', resolve));
    let links = 0;
    server.on('connection', (ws) => {
      if (++links > 1) return ws.send('0{not json');
      ws.send('0' + JSON.stringify({ sid: 's', upgrades: [], pingInterval: 25_000, pingTimeout: 20_000, maxPayload: 1e6 }));
      ws.on('message', (m) => {
        if (!String(m).startsWith('40')) return;
        ws.send('40{"sid":"x"}');
        ws.send('451-["feed",{"_placeholder":true,"num":0}]');
      });
    });
    const { seen } = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'good');
    await until(() => seen.length >= 3, 'three outcomes');
    expect(seen.slice(0, 3)).toEqual(['connect', 'disconnect: parse error', 'connect_error: parse error']);
  });

  it('reports a hub that cannot be reached as a connect error and keeps trying', async () => {
    const server = await ioServer();
    const url = server.url;
    await new Promise<void>((resolve) => void server.io.close(() => resolve()));
    const { seen } = client(url, 'good');
    await until(() => seen.length >= 3, 'three attempts');
    expect(seen.slice(0, 3)).toEqual([
      'connect_error: websocket error',
      'connect_error: websocket error',
      'connect_error: websocket error',
    ]);
  });
});

describe('the sync client on the hub socket, against the hub', () => {
  it('is welcomed, subscribes, sends a command and asks a question; a revoked terminal ends unauthenticated', async () => {
    const hub = await demoHub();
    const display = terminal(hub, 'display');
    const kiosk = terminal(hub, 'kiosk');
    let seq = 0;
    let epoch: string | null = null;
    const sink: ReplicaSink = {
      cursor: () => ({ seq, epoch }),
      reset: (e) => void ((epoch = e), (seq = 0)),
      applySnapshot: (s) => void (seq = s.seq),
      applyBatch: (b) => {
        if (b.from > seq + 1) return false;
        seq = Math.max(seq, b.to);
        return true;
      },
    };
    const problems: string[] = [];
    const { socket } = client(hub.url, kiosk.token);
    const sync = new SyncClient(
      socket,
      sink,
      () => Date.now(),
      (w) => problems.push(w),
    );
    await until(() => sync.connection.status === 'connected', 'subscribed');
    expect(sync.connection.welcome).toMatchObject({ terminalId: kiosk.id, role: 'kiosk' });

    const issued = await sync.send(
      { opId: opId(), type: 'ticket.issue', payload: { serviceId: 'H3301-s-A', priority: 'normal', confirm: null } },
      8000,
    );
    expect(issued).toMatchObject({ ok: true, result: { ticket: { service_id: 'H3301-s-A', number: 'A001' } } });
    await until(() => seq >= (issued.ok ? issued.seq : Infinity), 'the ticket in the feed');

    const shown = client(hub.url, display.token);
    const board = new SyncClient(shown.socket, { ...sink, cursor: () => ({ seq: 0, epoch: null }), reset: () => {} }, () => Date.now());
    await until(() => board.connection.status === 'connected', 'display subscribed');
    expect(await board.query('ratings.board', {}, 8000)).toMatchObject({ ok: true, result: { departments: expect.any(Array) } });

    ok(actors(hub).manager('terminal.revoke', { terminalId: kiosk.id }));
    await until(() => sync.connection.status === 'unauthenticated', 'unauthenticated');
    expect(problems).toEqual([]);
  });
});
