import { z } from 'zod';
import { ErrorCode, HallErrorSchema } from '../../../shared/kernel/errors';
import type { Problem } from '../ui/ErrorLine';

export type PhoneAnswer<T> = { ok: true; result: T } | { ok: false; error: Problem };
const Refused = z.object({ error: HallErrorSchema });

/**
 * A call of an applicant's phone page to the hub's anonymous routes (http/rate.ts, http/book.ts),
 * answered as its result or its refusal; an unreachable hub and an unreadable answer are refusals too.
 */
export async function phonePost<T>(path: string, body: unknown, result: z.ZodType<T>): Promise<PhoneAnswer<T>> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: { code: ErrorCode.HUB_UNREACHABLE, message: '' } };
  }
  const json: unknown = await res.json().catch(() => null);
  const good = res.ok ? result.safeParse(json) : null;
  if (good?.success) return { ok: true, result: good.data };
  const refused = Refused.safeParse(json);
  return { ok: false, error: refused.success ? refused.data.error : { code: ErrorCode.INTERNAL, message: `HTTP ${res.status}` } };
}
