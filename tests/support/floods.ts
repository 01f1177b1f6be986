import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

/**
 * Password attempts as fast as `sockets` sockets of one manager terminal can send them (each
 * waiting for its answer before the next), over `logins` in turn, until stopped. Resolves with the
 * answers counted by outcome (ok, or the error's code).
 */
export async function signInFlood(
  url: string,
  managerToken: string,
  opts: { sockets: number; logins: string[]; password: string },
): Promise<{ stop: () => Promise<Record<string, number>> }> {
  const sockets: Socket[] = await Promise.all(
    Array.from(
      { length: opts.sockets },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const s = io(url, { auth: { token: managerToken }, transports: ['websocket'], reconnection: false });
          s.once('welcome', () => resolve(s)).once('connect_error', reject);
        }),
    ),
  );
  const outcomes: Record<string, number> = {};
  let running = true;
  const loops = sockets.map(async (s, i) => {
    for (let n = i; running; n++) {
      const login = opts.logins[n % opts.logins.length]!;
      const a = (await s
        .timeout(10_000)
        .emitWithAck('command', { opId: randomUUID(), type: 'session.signIn', payload: { login, password: opts.password } })) as {
        ok: boolean;
        error?: { code: string };
      };
      const outcome = a.ok ? 'ok' : a.error!.code;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      for (const s of sockets) s.close();
      return outcomes;
    },
  };
}
