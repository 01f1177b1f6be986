import { z } from 'zod';
import { HallErrorSchema } from '../kernel/errors';
import { YearSchedule } from '../calendar/schemas';
import { DocKind, OverrideType } from './enums';
import { ProxyCatalog, RegionDocument } from './documents';

/** What a city supervisor publishes: a year's schedule, or the proxy catalog; the region numbers the version. */
export const PublishRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendar'), content: YearSchedule }),
  z.strictObject({ kind: z.literal('proxy_catalog'), content: ProxyCatalog }),
]);
export type PublishRequest = z.infer<typeof PublishRequest>;

export const Published = z.object({ kind: DocKind, key: z.string(), version: z.number().int(), created: z.boolean() });
export type Published = z.infer<typeof Published>;

/** One document at one hall: the version it applied (its own record, come up its feed), the region's record of its answer. */
export const HallDocState = z.object({
  kind: DocKind,
  key: z.string(),
  applied: z.object({ version: z.number().int(), appliedAt: z.number() }).nullable(),
  acked: z.object({ version: z.number().int(), ackedAt: z.number() }).nullable(),
  refused: z.object({ version: z.number().int(), error: HallErrorSchema }).nullable(),
});
export type HallDocState = z.infer<typeof HallDocState>;

export const HallOverride = z.object({
  id: z.string(),
  kind: DocKind,
  key: z.string(),
  type: OverrideType,
  value: z.string(),
  note: z.string(),
  madeAt: z.number(),
});
export type HallOverride = z.infer<typeof HallOverride>;

/** The documents page of the regional board: the latest version of each document, and every hall of the supervisor's subtree. */
export const DocumentsBoard = z.object({
  /** Whether this supervisor may publish (the city's alone). */
  mayPublish: z.boolean(),
  latest: z.array(z.object({ key: z.string(), publishedBy: z.string(), document: RegionDocument })),
  halls: z.array(
    z.object({
      hallId: z.string(),
      name: z.string(),
      path: z.array(z.string()),
      docs: z.array(HallDocState),
      overrides: z.array(HallOverride),
    }),
  ),
});
export type DocumentsBoard = z.infer<typeof DocumentsBoard>;
