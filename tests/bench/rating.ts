import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { nowMs } from './stats';

/**
 * The 好差评 round trip (issue 13): the window's evaluator submits the applicant's rating and waits
 * for the hub's answer, while `listeners` (100 subscribed terminals) stay connected. Each sample
 * needs a fresh token: a ticket issued, called, started and finished at the evaluator's counter
 * (untimed), whose request the evaluator learns from its own feed as the face does. One rating in
 * ten is a 差评 with a reason, which opens its follow-up in the same transaction.
 */
export async function ratingRoundTrips(
  sockets: { kiosk: Socket; clerk: Socket; evaluator: Socket },
  counterId: string,
  n: number,
): Promise<number[]> {
  const { kiosk, clerk, evaluator } = sockets;
  const pending: string[] = [];
  let arrived: (() => void) | null = null;
  evaluator.on('feed', (batch: { entries: { table: string; row: { id: string; status: string } | null }[] }) => {
    for (const e of batch.entries)
      if (e.table === 'rating_requests' && e.row?.status === 'pending' && !pending.includes(e.row.id)) pending.push(e.row.id);
    arrived?.();
  });
  await evaluator.emitWithAck('subscribe', { since: 1e12 });
  const send = async (s: Socket, type: string, payload: unknown) => {
    const a = (await s.emitWithAck('command', { opId: randomUUID(), type, payload })) as { ok: boolean };
    if (!a.ok) throw new Error(`${type}: ${JSON.stringify(a)}`);
    return a;
  };
  const nextToken = async (): Promise<string> => {
    await send(kiosk, 'ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null });
    for (const type of ['ticket.callNext', 'ticket.start'] as const) await send(clerk, type, { counterId });
    await send(clerk, 'ticket.finish', { counterId, handledServiceIds: ['H3301-s-A'] });
    while (pending.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
    arrived = null;
    // The finish ended any earlier prompt at the counter: the newest request is the live token.
    const token = pending.at(-1)!;
    pending.length = 0;
    return token;
  };
  const samples: number[] = [];
  const warmUp = Math.min(100, n);
  for (let i = -warmUp; i < n; i++) {
    const requestId = await nextToken();
    const bad = i % 10 === 0;
    const t0 = nowMs();
    await send(evaluator, 'rating.submit', {
      requestId,
      level: bad ? 2 : 5,
      subScores: { efficiency: bad ? 2 : 5 },
      reasons: bad ? ['slow'] : [],
      comment: '',
    });
    if (i >= 0) samples.push(nowMs() - t0);
  }
  return samples;
}
