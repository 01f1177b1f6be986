// zod/mini, like everything the lobby display loads (kernel/zodMini says why).
import { z } from 'zod/mini';
import { HallErrorSchema, type HallError } from '../kernel/errors';
import type { WireAnswer } from './envelope';
import type { QueryAnswer } from './query';
import type { FeedBatch, Snapshot, Welcome } from './feed';

/**
 * socket.io event maps. Arguments arrive as `unknown` at the hub and are parsed with the zod
 * schemas: the types here describe well-behaved peers, not what the wire guarantees.
 */
export const SubscribeAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), mode: z.enum(['backlog', 'snapshot']), seq: z.int().check(z.nonnegative()) }),
  z.object({ ok: z.literal(false), error: HallErrorSchema }),
]);
export type SubscribeAnswer = { ok: true; mode: 'backlog' | 'snapshot'; seq: number } | { ok: false; error: HallError };

export interface ServerToClientEvents {
  welcome: (w: Welcome) => void;
  feed: (batch: FeedBatch) => void;
  snapshot: (s: Snapshot) => void;
  /** The answer to a message that could not carry one: an unknown event, or one sent without an ack. */
  protocolError: (e: HallError & { event: string }) => void;
}

export interface ClientToServerEvents {
  command: (envelope: unknown, ack: (answer: WireAnswer) => void) => void;
  subscribe: (request: unknown, ack: (answer: SubscribeAnswer) => void) => void;
  query: (request: unknown, ack: (answer: QueryAnswer) => void) => void;
}
