import { z } from 'zod';
import { ErrorCode, HallErrorSchema, type HallError } from '../../../shared/kernel/errors';

type Answer<T> = { ok: true; result: T } | { ok: false; error: HallError };
const Refused = z.object({ error: HallErrorSchema });

/**
 * A call to one of the HTTP routes outside the socket (the hub's anonymous phone routes, the region's
 * board API), answered as its result or its refusal; an unreachable server and an unreadable answer
 * are refusals too.
 */
export async function httpCall<T>(path: string, init: RequestInit, result: z.ZodType<T>): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    return { ok: false, error: { code: ErrorCode.HUB_UNREACHABLE, message: '' } };
  }
  const json: unknown = await res.json().catch(() => null);
  const good = res.ok ? result.safeParse(json) : null;
  if (good?.success) return { ok: true, result: good.data };
  const refused = Refused.safeParse(json);
  return { ok: false, error: refused.success ? refused.data.error : { code: ErrorCode.INTERNAL, message: `HTTP ${res.status}` } };
}

/** A JSON POST of an applicant's phone page to the hub's anonymous routes (http/rate.ts, http/book.ts). */
export const phonePost = <T>(path: string, body: unknown, result: z.ZodType<T>): Promise<Answer<T>> =>
  httpCall(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, result);
