import { describe, expect, it } from 'vitest';
import { SyncClient, type FeedBatch, type HubSocketLike, type ReplicaSink, type Snapshot } from '../../../shared/protocol';

/** A socket that the test drives by hand: what the hub "sends" and how it "answers". */
function fakeSocket(answer: unknown) {
  const handlers = new Map<string, (msg?: unknown) => void>();
  const emitted: unknown[][] = [];
  const socket = {
    connected: true,
    on: (event: string, fn: (msg?: unknown) => void) => handlers.set(event, fn),
    emit: (...args: unknown[]) => {
      emitted.push(args);
      (args[2] as (a: unknown) => void)({ ok: true, mode: 'backlog', seq: 0 });
    },
    timeout: () => ({ emitWithAck: async () => answer }),
    connects: 0,
    connect() {
      this.connects++;
    },
  };
  return {
    socket: socket as unknown as HubSocketLike,
    fire: (event: string, msg?: unknown) => handlers.get(event)!(msg),
    emitted,
    raw: socket,
  };
}

function memorySink() {
  const applied: (FeedBatch | Snapshot)[] = [];
  let seq = 0;
  const sink: ReplicaSink = {
    cursor: () => ({ seq, epoch: 'e1' }),
    reset: () => void (seq = 0),
    applySnapshot: (s) => void (applied.push(s), (seq = s.seq)),
    applyBatch: (b) => {
      if (b.from > seq + 1) return false;
      applied.push(b);
      seq = Math.max(seq, b.to);
      return true;
    },
  };
  return { sink, applied };
}

const welcome = { hallId: 'H', hallName: '大厅', epoch: 'e1', terminalId: 't', role: 'display', counterId: null, zone: '', serverTime: 0 };

describe('sync client', () => {
  it('validates answers: a malformed one is reported, never passed on as a result', async () => {
    const { socket, fire } = fakeSocket({ ok: true, result: 'everything is fine' });
    const errors: string[] = [];
    const client = new SyncClient(
      socket,
      memorySink().sink,
      () => 0,
      (w) => errors.push(w),
    );
    fire('welcome', welcome);
    const answer = await client.send({ opId: 'op-12345678', type: 'hall.setNotice', payload: {} }, 100);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errors).toEqual(['answer']);
  });

  it('drops malformed feed messages with a report, and resubscribes from its cursor on a gap', () => {
    const { socket, fire, emitted } = fakeSocket(null);
    const errors: string[] = [];
    const { sink, applied } = memorySink();
    new SyncClient(
      socket,
      sink,
      () => 0,
      (w) => errors.push(w),
    );
    fire('welcome', welcome);
    fire('feed', { from: 'one', to: 2, entries: [] });
    expect(errors).toEqual(['feed']);
    fire('feed', { from: 1, to: 2, entries: [] });
    fire('feed', { from: 5, to: 5, entries: [] }); // 3 and 4 missed
    expect(applied).toHaveLength(1);
    expect(emitted.map((e) => [e[0], e[1]])).toEqual([
      ['subscribe', { since: 0 }],
      ['subscribe', { since: 2 }],
    ]);
  });

  it('reconnects by itself after the hub hung up (socket.io would not)', () => {
    const { socket, fire, raw } = fakeSocket(null);
    const client = new SyncClient(socket, memorySink().sink, () => 42);
    fire('disconnect', 'transport close');
    expect(raw.connects).toBe(0); // socket.io retries this one itself
    fire('disconnect', 'io server disconnect');
    expect(raw.connects).toBe(1);
    expect(client.connection).toMatchObject({ status: 'reconnecting', since: 42 });
  });

  it('fails fast with HUB_UNREACHABLE when not connected', async () => {
    const { socket } = fakeSocket(null);
    const client = new SyncClient(socket, memorySink().sink, () => 0);
    expect(await client.send({ opId: 'op-12345678', type: 'counter.heartbeat', payload: {} }, 100)).toMatchObject({
      ok: false,
      error: { code: 'HUB_UNREACHABLE' },
    });
  });
});

describe('a command whose answer was lost', () => {
  /** A socket whose command acks are scripted: 'lost' times out, anything else is the answer. */
  function scripted(acks: unknown[]) {
    const f = fakeSocket(null);
    const sent: unknown[] = [];
    (f.raw as { timeout: unknown }).timeout = () => ({
      emitWithAck: async (_event: string, envelope: unknown) => {
        sent.push(envelope);
        const next = acks.shift();
        if (next === 'lost') throw new Error('operation has timed out');
        return next;
      },
    });
    return { ...f, sent };
  }
  const connectedClient = (socket: HubSocketLike, fire: (e: string, m?: unknown) => void, clock: () => number) => {
    const client = new SyncClient(socket, memorySink().sink, clock);
    fire('welcome', { hallId: 'h', hallName: 'H', epoch: 'e1', terminalId: 't', role: 'kiosk', counterId: null, zone: '', serverTime: 0 });
    return client;
  };

  it('is asked again with the same opId and gets the stored answer, showing “checking” meanwhile', async () => {
    const stored = {
      ok: true,
      result: {
        ticket: { id: 't1', number: 'A001', service_id: 's', issued_at: 1 },
        ahead: 0,
        estimatedWaitMinutes: null,
        ratingCode: 'ABCD2345EFGH6789',
        followToken: 'JKLM2345NPQR6789',
      },
      seq: 7,
    };
    const { socket, fire, sent } = scripted(['lost', 'lost', stored]);
    const client = connectedClient(socket, fire, () => 0);
    const checking: number[] = [];
    client.watch((c) => checking.push(c.checking));
    const envelope = { opId: 'op-kiosk-1', type: 'ticket.issue' as const, payload: { serviceId: 's', priority: 'normal', confirm: null } };
    expect(await client.send(envelope, 100)).toEqual(stored);
    expect(sent).toEqual([envelope, envelope, envelope]);
    expect(checking.at(-1)).toBe(0);
    expect(checking).toContain(1);
  });

  it('after the resend window the outcome is reported unknown, never guessed', async () => {
    let now = 0;
    const { socket, fire, sent } = scripted(['lost', 'lost', 'lost']);
    const client = connectedClient(socket, fire, () => (now += 20_000));
    expect(await client.send({ opId: 'op-kiosk-2', type: 'counter.heartbeat', payload: { counterId: 'c' } }, 100)).toMatchObject({
      ok: false,
      error: { code: 'HUB_TIMEOUT' },
    });
    expect(sent.length).toBe(2);
    expect(client.connection.checking).toBe(0);
  });
});
