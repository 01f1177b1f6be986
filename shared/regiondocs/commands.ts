import { z } from 'zod';
import { Day } from '../calendar/schemas';
import { Done, spec } from '../kernel/command';
import { rowId } from '../kernel/table';
import { NodeLevel } from '../region/board';
import { DocKind } from './enums';
import { ItemCode, RegionDocument } from './documents';
import { regionDocTables } from './rows';

const note = z.string().trim().max(200);

/** An administrator's exception: a local day off in a year the city scheduled, or an item the hall does not take in by proxy. */
export const OverrideRequest = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('extra_holiday'), year: z.number().int().min(2000).max(2100), day: Day, note })
    .refine((p) => p.day.startsWith(`${p.year}-`), '日期应在该年份内'),
  z.strictObject({ type: z.literal('refuse_item'), code: ItemCode, note }),
]);
export type OverrideRequest = z.infer<typeof OverrideRequest>;

export const regionDocCommandSpecs = {
  /**
   * A version of a document from the region, applied by the hall: the answer is the region's
   * acknowledgement. The same version again is acknowledged without change; an older one is refused.
   * `level` is where the region placed this hall, so the hall knows which proxy list is its own.
   */
  'regionDoc.apply': spec({
    payload: z.strictObject({ document: RegionDocument, level: NodeLevel.nullable() }),
    result: z.object({
      kind: DocKind,
      key: z.string(),
      version: z.number().int(),
      appliedAt: z.number().int(),
      /** The hall had this very version already. */
      already: z.boolean(),
      /** Running cases whose due days moved. */
      recomputed: z.number().int().nonnegative(),
    }),
    roles: ['region'],
    offline: false,
    // A proxy catalog lists up to 500 codes for each of three levels.
    maxBytes: 64 * 1024,
  }),
  'regionDoc.addOverride': spec({
    payload: OverrideRequest,
    result: z.object({ override: regionDocTables.region_overrides.row, recomputed: z.number().int().nonnegative() }),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
  'regionDoc.revokeOverride': spec({
    payload: z.strictObject({ id: rowId }),
    result: Done,
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
} as const;
