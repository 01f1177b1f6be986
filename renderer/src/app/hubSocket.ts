import type { HubSocketLike, SentCommand } from '../../../shared/protocol/syncClient';

/**
 * A browser terminal's link to the hub: socket.io's own wire (Engine.IO 4 carrying Socket.IO 5 text
 * packets) over one WebSocket, and only what the sync client uses of a socket.io socket
 * (HubSocketLike). socket.io-client brings long-polling, WebTransport, transport upgrades and binary
 * packets besides, 13 KB gzip that the lobby display's page cannot carry (issue 9: ≤ 100 KB); the
 * hub accepts WebSocket and sends only JSON. It behaves as socket.io-client does for the sync
 * client: it connects at once with `auth`, reconnects with a jittered backoff after a lost link but
 * not after the hub hung up or refused it, buffers emits while disconnected, and fails an answer it
 * waits for when the link drops after sending.
 */

/** Engine.IO packet types (the first character of each WebSocket frame). */
const ENGINE = { open: '0', close: '1', ping: '2', pong: '3', message: '4' } as const;
/** Socket.IO packet types (the first character of an Engine.IO message). */
const PACKET = { connect: '0', disconnect: '1', event: '2', ack: '3', connectError: '4' } as const;

/** socket.io-client's defaults for what the terminal does not set. */
const CONNECT_TIMEOUT_MS = 20_000;
const RANDOMIZATION = 0.5;

export interface HubSocketOptions {
  /** Sent with the Socket.IO connect packet, as socket.io-client's `auth`. */
  auth: { token: string };
  reconnectionDelay: number;
  reconnectionDelayMax: number;
  /** The WebSocket class: the browser's (tests under Node pass the `ws` package's). */
  WebSocket?: typeof WebSocket;
}

type Listener = (...args: never[]) => void;

/** What `parsed` gives for text that is not JSON. */
const BROKEN = Symbol('not JSON');
const parsed = (json: string): unknown => {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return BROKEN;
  }
};
interface PendingAck {
  answer: (args: unknown[]) => void;
  /** Fails the wait (the link dropped after the packet left); unset for a plain emit's callback. */
  fail?: (e: Error) => void;
}

export class HubSocket implements HubSocketLike {
  connected = false;
  private ws: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly acks = new Map<number, PendingAck>();
  /** Packets emitted while disconnected, sent once connected (socket.io's send buffer). */
  private buffer: { id: number | null; frame: string }[] = [];
  private nextAckId = 0;
  /** Failed opens since the last link: the backoff's exponent. */
  private attempts = 0;
  /** Set by `close()`, a hub's disconnect or its refusal: no reconnecting until `connect()`. */
  private stopped = false;
  /** The open's deadline, the next ping's deadline, or the next open's start. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** How long the link may be silent: the hub's `pingInterval` and `pingTimeout` (from its open packet). */
  private heartbeat = CONNECT_TIMEOUT_MS;

  constructor(
    private readonly url: string,
    private readonly options: HubSocketOptions,
  ) {
    this.open();
  }

  on(event: string, fn: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn);
    return this;
  }

  connect(): this {
    this.stopped = false;
    if (!this.ws && this.timer === undefined) this.open();
    return this;
  }

  close(): void {
    this.stopped = true;
    if (this.connected) this.ws?.send(ENGINE.message + PACKET.disconnect);
    this.lost('io client disconnect');
  }

  emit(event: string, ...args: unknown[]): this {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (...a: unknown[]) => void) : undefined;
    this.send(event, args, ack && { answer: (a) => ack(...a) });
    return this;
  }

  timeout(ms: number): { emitWithAck(event: string, arg: SentCommand | { name: string; params: unknown }): Promise<unknown> } {
    return {
      emitWithAck: (event, arg) =>
        new Promise((resolve, reject) => {
          const id = this.send(event, [arg], {
            answer: (a) => {
              clearTimeout(timer);
              resolve(a[0]);
            },
            fail: (e) => {
              clearTimeout(timer);
              reject(e);
            },
          });
          const timer = setTimeout(() => {
            this.acks.delete(id);
            this.buffer = this.buffer.filter((p) => p.id !== id);
            reject(new Error('operation has timed out'));
          }, ms);
        }),
    };
  }

  private send(event: string, args: unknown[], ack: PendingAck): number;
  private send(event: string, args: unknown[], ack: PendingAck | undefined): number | null;
  private send(event: string, args: unknown[], ack: PendingAck | undefined): number | null {
    const id = ack ? this.nextAckId++ : null;
    if (ack) this.acks.set(id!, ack);
    const frame = ENGINE.message + PACKET.event + (id ?? '') + JSON.stringify([event, ...args]);
    if (this.connected) this.ws!.send(frame);
    else this.buffer.push({ id, frame });
    return id;
  }

  private open(): void {
    this.timer = undefined;
    const url = new URL('/socket.io/', this.url);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '?EIO=4&transport=websocket';
    const ws = new (this.options.WebSocket ?? WebSocket)(url.href);
    this.ws = ws;
    // The browser knows first that the network is gone (a WebSocket may take a ping timeout to
    // notice): the link is lost then, as socket.io-client has it, except to this machine itself.
    if (url.hostname !== 'localhost') globalThis.addEventListener?.('offline', this.offline);
    this.timer = setTimeout(() => this.lost('timeout'), CONNECT_TIMEOUT_MS);
    ws.onmessage = (e) => {
      if (this.ws === ws) this.onFrame(String(e.data));
    };
    ws.onclose = ws.onerror = () => {
      if (this.ws === ws) this.lost(this.connected ? 'transport close' : 'websocket error');
    };
  }

  private readonly offline = () => this.lost(this.connected ? 'transport close' : 'websocket error');

  private onFrame(frame: string): void {
    const body = frame.slice(1);
    switch (frame[0]) {
      case ENGINE.open: {
        const { pingInterval, pingTimeout } = (parsed(body) ?? {}) as { pingInterval?: unknown; pingTimeout?: unknown };
        if (typeof pingInterval !== 'number' || typeof pingTimeout !== 'number') return this.lost('parse error');
        this.heartbeat = pingInterval + pingTimeout;
        this.awaitPing();
        this.ws!.send(ENGINE.message + PACKET.connect + JSON.stringify(this.options.auth));
        return;
      }
      case ENGINE.ping:
        this.awaitPing();
        this.ws!.send(ENGINE.pong);
        return;
      case ENGINE.close:
        return this.lost('transport close');
      case ENGINE.message:
        return this.onPacket(body);
    }
  }

  /** The hub pings every `pingInterval`; a link silent for longer than that and `pingTimeout` is dead. */
  private awaitPing(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lost('ping timeout'), this.heartbeat);
  }

  private onPacket(packet: string): void {
    const [, type, id, json] = /^(\d)(\d*)(.*)$/s.exec(packet) ?? [];
    const data = json ? parsed(json) : undefined;
    if (data === BROKEN) return this.lost('parse error');
    switch (type) {
      case PACKET.connect: {
        this.connected = true;
        this.attempts = 0;
        this.fire('connect');
        const buffered = this.buffer;
        this.buffer = [];
        for (const p of buffered) this.ws!.send(p.frame);
        return;
      }
      case PACKET.disconnect:
        this.stopped = true;
        return this.lost('io server disconnect');
      case PACKET.event:
        if (Array.isArray(data) && typeof data[0] === 'string') this.fire(data[0], ...(data.slice(1) as never[]));
        return;
      case PACKET.ack: {
        const ack = this.acks.get(Number(id));
        this.acks.delete(Number(id));
        if (ack && Array.isArray(data)) ack.answer(data);
        return;
      }
      case PACKET.connectError: {
        this.stopped = true;
        const refusal = data as { message?: string; data?: unknown } | undefined;
        this.lost(null);
        this.fire('connect_error', Object.assign(new Error(String(refusal?.message)), { data: refusal?.data }) as never);
        return;
      }
      default:
        // Binary packets: the hub sends none (JSON only), so one is a broken link, as socket.io treats it.
        return this.lost('parse error');
    }
  }

  /**
   * The link is gone (`reason`), or refused (`null`: the caller reports it). Answers awaited for
   * packets that had left fail now, as socket.io-client's do; buffered ones wait for the next link.
   */
  private lost(reason: string | null): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Its handlers stay: they answer only while it is `this.ws`.
    this.ws?.close();
    this.ws = null;
    globalThis.removeEventListener?.('offline', this.offline);
    const wasConnected = this.connected;
    this.connected = false;
    const waiting = new Set(this.buffer.map((p) => p.id));
    for (const [id, ack] of this.acks)
      if (!waiting.has(id)) {
        this.acks.delete(id);
        ack.fail?.(new Error('socket has been disconnected'));
      }
    // Scheduled before anyone hears of it, so that a listener's own connect() finds it under way.
    if (!this.stopped) this.timer = setTimeout(() => this.open(), this.backoff(wasConnected));
    if (reason !== null) {
      if (wasConnected) this.fire('disconnect', reason as never);
      else if (reason !== 'io client disconnect') this.fire('connect_error', new Error(reason) as never);
    }
  }

  /** socket.io's backoff: the delay doubles per failed open up to the maximum, ± half at random. */
  private backoff(afterLink: boolean): number {
    if (afterLink) this.attempts = 0;
    const { reconnectionDelay: min, reconnectionDelayMax: max } = this.options;
    const ms = min * 2 ** this.attempts++;
    const deviation = Math.random() * RANDOMIZATION * ms;
    return Math.min(Math.random() < 0.5 ? ms - deviation : ms + deviation, max);
  }

  private fire(event: string, ...args: never[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}
