import { z } from 'zod';
import { spec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { catalogTables } from './rows';
import { CatalogItemInput } from './sheet';

export const catalogCommandSpecs = {
  /** Imports a catalog sheet (rows of cells): all rows or none; the answer lists every problem. */
  'catalog.import': spec({
    payload: z.strictObject({
      fileName: z.string().max(200),
      rows: z
        .array(z.array(z.string().max(4000)).max(40))
        .min(1)
        .max(5000),
    }),
    result: z.object({ created: z.number().int().nonnegative(), updated: z.number().int().nonnegative() }),
    roles: ['manager'],
    offline: false,
    maxBytes: 1024 * 1024,
  }),
  'catalog.save': spec({
    payload: z.strictObject({ itemId: entityId, item: CatalogItemInput }),
    result: z.object({ item: catalogTables.catalog_items.row }),
    roles: ['manager'],
    offline: false,
    maxBytes: 64 * 1024,
  }),
} as const;
