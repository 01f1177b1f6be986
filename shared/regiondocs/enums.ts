import { z } from 'zod';

/**
 * The documents the region sends down to every hall: a year's holiday schedule (one document per
 * year), and the catalog of items each level's points may take in by proxy (全程代办, one document).
 */
export const DOC_KINDS = ['calendar', 'proxy_catalog'] as const;
export const DocKind = z.enum(DOC_KINDS);
export type DocKind = z.infer<typeof DocKind>;

/**
 * A hall administrator's local exception to a document: a day the hall is closed beside the
 * city's holidays (a local festival), or an item of its level's list the hall does not take in.
 */
export const OVERRIDE_TYPES = ['extra_holiday', 'refuse_item'] as const;
export const OverrideType = z.enum(OVERRIDE_TYPES);
export type OverrideType = z.infer<typeof OverrideType>;

/** The levels whose points take in cases for a higher hall (the city's hall decides, it does not carry). */
export const PROXY_LEVELS = ['county', 'township', 'village'] as const;
