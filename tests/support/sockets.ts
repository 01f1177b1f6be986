import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

/** An answer as a raw socket sees it (before any schema). */
export type RawAnswer = { ok: boolean; error?: { code: string; message: string } };

/** A raw socket.io client of the terminal whose token this is, once the hub has welcomed it (rejects with the hub's refusal). */
export function welcomed(url: string, token: string): Promise<Socket> {
  const s = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    s.once('welcome', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Sends a command on a raw socket and waits (10 s at most) for its answer. */
export const sendCommand = (s: Socket, type: string, payload: unknown, opId: string = randomUUID()): Promise<RawAnswer> =>
  s.timeout(10_000).emitWithAck('command', { opId, type, payload }) as Promise<RawAnswer>;
