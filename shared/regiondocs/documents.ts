import { z } from 'zod';
import { YearSchedule } from '../calendar/schemas';
import { ms } from '../kernel/table';
import { PROXY_LEVELS, type DocKind } from './enums';

/** A catalog item's code as the catalog has it (shared/catalog/sheet). */
export const ItemCode = z.string().regex(/^[A-Za-z0-9-]{4,40}$/, '事项编码应为 4–40 位字母、数字或 -');

const codes = z
  .array(ItemCode)
  .max(500)
  .refine((list) => new Set(list).size === list.length, '同一事项编码列了两次');

/** For each level that carries cases up, the catalog item codes its points may take in for a higher hall. */
export const ProxyCatalog = z.strictObject({
  levels: z.strictObject(Object.fromEntries(PROXY_LEVELS.map((l) => [l, codes])) as Record<(typeof PROXY_LEVELS)[number], typeof codes>),
});
export type ProxyCatalog = z.infer<typeof ProxyCatalog>;

/** The version number the region gives each new version of a document, from 1. */
export const DocVersion = z.number().int().min(1).max(1_000_000);

/** A version of a document as the region sends it to a hall. */
export const RegionDocument = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendar'), version: DocVersion, publishedAt: ms, content: YearSchedule }),
  z.strictObject({ kind: z.literal('proxy_catalog'), version: DocVersion, publishedAt: ms, content: ProxyCatalog }),
]);
export type RegionDocument = z.infer<typeof RegionDocument>;

/** The proxy catalog is one document; a calendar is one per year, keyed by it. */
export const PROXY_CATALOG_KEY = 'levels';
/** The id of the hall's row of a document (region_documents): one per hall, kind and key. */
export const regionDocId = (hallId: string, kind: DocKind, key: string) => `${hallId}:${kind}:${key}`;

export const docKey = (d: RegionDocument): string => (d.kind === 'calendar' ? String(d.content.year) : PROXY_CATALOG_KEY);

const sortedSet = (list: readonly string[]) => [...new Set(list)].sort();

/**
 * The content in one canonical form (lists sorted, no repeats, keys in one order), so that the same
 * version sent again compares equal wherever it was stored (PostgreSQL's jsonb reorders keys).
 */
export function canonicalContent(d: RegionDocument): string {
  if (d.kind === 'calendar')
    return JSON.stringify({ year: d.content.year, holidays: sortedSet(d.content.holidays), workdays: sortedSet(d.content.workdays) });
  return JSON.stringify({ levels: Object.fromEntries(PROXY_LEVELS.map((l) => [l, sortedSet(d.content.levels[l])])) });
}
