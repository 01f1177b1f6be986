import { z } from 'zod';

/** Text a person typed: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** An id of any row: text, unique across halls. */
export const entityId = z.string().min(1).max(64);
/** A password as typed at sign-in (any length the hash accepts); new passwords have their own rules. */
export const password = z.string().min(1).max(256);

/**
 * A hall's stored settings over the defaults; a stored value that no longer validates falls back.
 * Settings change rarely and are read on hot paths (every call, every render): the last parse of
 * each kind is reused while the stored JSON is the same. Callers must not mutate the result.
 */
export function settingsParser<T extends object>(schema: z.ZodType<T>, defaults: T): (json: string) => T {
  let last: { json: string; value: T } | undefined;
  return (json) => {
    if (last?.json === json) return last.value;
    let stored: unknown;
    try {
      stored = JSON.parse(json);
    } catch {
      stored = {};
    }
    const merged = schema.safeParse({ ...defaults, ...(stored as object) });
    last = { json, value: merged.success ? merged.data : defaults };
    return last.value;
  };
}
