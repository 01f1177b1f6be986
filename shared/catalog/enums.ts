import { z } from 'zod';

/** 许可, 非许可, 公共服务. */
export const ITEM_KINDS = ['licensing', 'non_licensing', 'public'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

/** 即办件 (handled on the spot) or 承诺件 (a promised number of days). */
export const ITEM_MODES = ['instant', 'promised'] as const;
export const ItemMode = z.enum(ITEM_MODES);
export type ItemMode = z.infer<typeof ItemMode>;
