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
  const res = await reach(path, init);
  if ('code' in res) return { ok: false, error: res };
  const json: unknown = await res.json().catch(() => null);
  const good = res.ok ? result.safeParse(json) : null;
  if (good?.success) return { ok: true, result: good.data };
  return { ok: false, error: refusal(json, res.status) };
}

/** The same for a route answering a file (the region's report PDF): its bytes, or its refusal. */
export async function httpFile(path: string, init: RequestInit): Promise<Answer<Blob>> {
  const res = await reach(path, init);
  if ('code' in res) return { ok: false, error: res };
  if (res.ok) return { ok: true, result: await res.blob() };
  return { ok: false, error: refusal(await res.json().catch(() => null), res.status) };
}

const reach = (path: string, init: RequestInit): Promise<Response | HallError> =>
  fetch(path, init).catch(() => ({ code: ErrorCode.HUB_UNREACHABLE, message: '' }));

function refusal(json: unknown, status: number): HallError {
  const refused = Refused.safeParse(json);
  return refused.success ? refused.data.error : { code: ErrorCode.INTERNAL, message: `HTTP ${status}` };
}

/** A JSON POST of an applicant's phone page to the hub's anonymous routes (http/rate.ts, http/book.ts). */
export const phonePost = <T>(path: string, body: unknown, result: z.ZodType<T>): Promise<Answer<T>> =>
  httpCall(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, result);
