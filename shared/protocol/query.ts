// zod/mini, like everything the lobby display loads (kernel/zodMini says why).
import { z } from 'zod/mini';
import { HallErrorSchema, type HallError } from '../kernel/errors';
import type { QueryName, QueryResult } from './registry';

/** A read-only question on the wire; its params and result schemas live with its feature (see registry). */
export const QueryRequest = z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(64)), params: z.unknown() });
export type QueryAnswer<Q extends QueryName = QueryName> = { ok: true; result: QueryResult<Q> } | { ok: false; error: HallError };
export const QueryAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: HallErrorSchema }),
]);
