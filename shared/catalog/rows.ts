import { z } from 'zod';
import { rowId as id, table } from '../kernel/table';
import { LimitUnit } from '../calendar/enums';
import { ItemKind, ItemMode } from './enums';

/** The columns of an item's service guide (办事指南), which public terminals see. */
export const GUIDE_COLUMNS = ['statutory_limit', 'promised_limit', 'limit_unit', 'fee_cents', 'materials', 'legal_basis', 'steps'] as const;

/** The catalog tables a terminal may replicate, and who sees which columns. */
export const catalogTables = {
  /** The service catalog (事项目录); `materials` is a JSON array of the required materials. */
  catalog_items: table(
    z.object({
      id,
      hall_id: id,
      department_id: id,
      code: z.string(),
      name: z.string(),
      kind: ItemKind,
      mode: ItemMode,
      statutory_limit: z.number().int(),
      promised_limit: z.number().int(),
      limit_unit: LimitUnit,
      fee_cents: z.number().int(),
      materials: z.string(),
      legal_basis: z.string(),
      service_id: id.nullable(),
      active: z.number().int(),
      /** Other names people use for the item (结婚 for 婚姻登记), separated by spaces or 、. */
      keywords: z.string(),
      /** The hub's pinyin keys of the name and keywords (see catalog/search); never edited by hand. */
      pinyin: z.string(),
      /** The steps of the service guide (办理流程), a JSON array of lines in order. */
      steps: z.string(),
    }),
    // The kiosk searches the items by name, keyword and pinyin to find their queue service, and
    // shows each item's service guide (catalog/guide): the published catalog, nothing personal or
    // internal (the item's kind and mode are the hall's own filing).
    {
      public: ['id', 'hall_id', 'department_id', 'code', 'name', 'service_id', 'active', 'keywords', 'pinyin', ...GUIDE_COLUMNS],
      staff: 'all',
      region: 'all',
    },
  ),
};
