import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a catalog item is refused. */
export const catalogRefusals = defineRefusals('catalog', {
  codeTaken: { code: ErrorCode.CATALOG_CONFLICT, zh: '事项编码 {code} 已被“{item}”使用' },
});
