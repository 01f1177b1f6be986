import { sendCommand, welcomed } from './sockets';

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
  const sockets = await Promise.all(Array.from({ length: opts.sockets }, () => welcomed(url, managerToken)));
  const outcomes: Record<string, number> = {};
  let running = true;
  const loops = sockets.map(async (s, i) => {
    for (let n = i; running; n++) {
      const login = opts.logins[n % opts.logins.length]!;
      const a = await sendCommand(s, 'session.signIn', { login, password: opts.password });
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
