import { z } from 'zod/mini';

/**
 * The kernel's schemas in zod/mini, for what the lobby display loads: classic zod's schemas carry
 * every method (JSON Schema among them) into the page, about 27 KB gzip; zod/mini keeps only what
 * is used. Same checks, same inferred types; everything else keeps classic zod.
 */

export const ENTITY_ID_MAX = 64;
/** An id of any row (kernel/zod entityId). */
export const entityIdMini = z.string().check(z.minLength(1), z.maxLength(ENTITY_ID_MAX));

/**
 * A hall's stored settings over the defaults; a stored value that no longer validates falls back.
 * Settings change rarely and are read on hot paths (every call, every render): the last parse of
 * each kind is reused while the stored JSON is the same. Callers must not mutate the result.
 */
export function settingsParser<T extends object>(schema: z.core.$ZodType<T>, defaults: T): (json: string) => T {
  let last: { json: string; value: T } | undefined;
  return (json) => {
    if (last?.json === json) return last.value;
    let stored: unknown;
    try {
      stored = JSON.parse(json);
    } catch {
      stored = {};
    }
    const merged = z.safeParse(schema, { ...defaults, ...(stored as object) });
    last = { json, value: merged.success ? merged.data : defaults };
    return last.value;
  };
}
