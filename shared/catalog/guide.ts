import { z } from 'zod';
import { LimitUnit } from '../calendar/enums';
import { entityId } from '../kernel/zod';
import type { RowOf } from '../kernel/table';
import type { catalogTables, GUIDE_COLUMNS } from './rows';

/**
 * The service guide (办事指南): what a person should know of an item before queueing or booking —
 * its materials, its time limits (statutory and promised), its fee, its legal basis and its steps.
 * Read from the published catalog only; the kiosk builds it from its replica, the booking page
 * gets it from the hub (POST /book/guide), both through `guideOf`.
 */
export const ServiceGuide = z.object({
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  statutoryLimit: z.number().int(),
  /** 0: settled on the spot (即办件). */
  promisedLimit: z.number().int(),
  limitUnit: LimitUnit,
  feeCents: z.number().int(),
  materials: z.array(z.string()),
  legalBasis: z.string(),
  steps: z.array(z.string()),
});
export type ServiceGuide = z.infer<typeof ServiceGuide>;

/** What a guide is made of: the item's public columns. */
export type GuideSource = Pick<
  RowOf<typeof catalogTables.catalog_items>,
  'id' | 'code' | 'name' | 'service_id' | 'active' | (typeof GUIDE_COLUMNS)[number]
>;

/** A catalog list column (materials, steps: JSON arrays of lines); a damaged one reads as empty rather than breaking a public screen. */
export function listColumn(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export const guideOf = (i: GuideSource): ServiceGuide => ({
  itemId: i.id,
  code: i.code,
  name: i.name,
  statutoryLimit: i.statutory_limit,
  promisedLimit: i.promised_limit,
  limitUnit: i.limit_unit,
  feeCents: i.fee_cents,
  materials: listColumn(i.materials),
  legalBasis: i.legal_basis,
  steps: listColumn(i.steps),
});

/** The guides of a queue service: its active items, by code (a withdrawn item guides nobody). */
export const guidesOfService = (items: readonly GuideSource[], serviceId: string): ServiceGuide[] =>
  items
    .filter((i) => i.service_id === serviceId && i.active === 1)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(guideOf);

/** POST /book/guide: the guides of a service that takes bookings. */
export const GuideRequest = z.strictObject({ serviceId: entityId });
export const GuideAnswer = z.object({ items: z.array(ServiceGuide) });
export type GuideAnswer = z.infer<typeof GuideAnswer>;
