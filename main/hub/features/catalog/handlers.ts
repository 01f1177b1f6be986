import { refuse } from '../../../../shared/kernel/refusal';
import { sheetPlace, sheetRefusals } from '../../../../shared/kernel/sheetProblem';
import { catalogRefusals } from '../../../../shared/catalog/refusals';
import { parseCatalogSheet, type CatalogItemInput } from '../../../../shared/catalog/sheet';
import { splitKeywords } from '../../../../shared/catalog/search';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { type catalogCommandSpecs } from '../../../../shared/catalog/commands';
import { notFound, type HandlerContext, type FeatureHandlers } from '../../commands/context';
import { withPinyin } from './pinyinKeys';

type Ctx = HandlerContext<CommandType>;

function itemRow(ctx: Ctx, id: string, i: CatalogItemInput): Row<'catalog_items'> {
  return withPinyin({
    id,
    hall_id: ctx.hallId,
    department_id: i.departmentId,
    code: i.code,
    name: i.name,
    kind: i.kind,
    mode: i.mode,
    statutory_limit: i.statutoryLimit,
    promised_limit: i.promisedLimit,
    limit_unit: i.limitUnit,
    fee_cents: i.feeCents,
    materials: JSON.stringify(i.materials),
    legal_basis: i.legalBasis,
    service_id: i.serviceId,
    active: i.active ? 1 : 0,
    keywords: splitKeywords(i.keywords ?? '').join(' '),
    pinyin: '',
    steps: i.steps === undefined ? (ctx.store.get('catalog_items', id)?.steps ?? '[]') : JSON.stringify(i.steps),
  });
}

/** The hall's departments by name and queue services by name and prefix: how a sheet names them. */
function lookups(ctx: Ctx) {
  return {
    departmentByName: new Map(ctx.store.all('departments').map((d) => [d.name, d.id])),
    serviceByKey: new Map(ctx.store.all('services').flatMap((s) => [[s.name, s.id] as const, [s.prefix, s.id] as const])),
  };
}

export const catalogHandlers = {
  /** All or nothing: one bad row and the hall's catalog stays as it was; the message lists every problem. */
  'catalog.import': (ctx) => {
    const { items, problems } = parseCatalogSheet(ctx.payload.rows, lookups(ctx));
    if (problems.length) {
      // The page listed every problem before sending; the refusal says how many, and where the first is.
      const first = problems[0]!;
      throw refuse(sheetRefusals.file, { n: problems.length, first: `${sheetPlace(first)}：${first.message}` });
    }
    const byCode = new Map(ctx.store.where('catalog_items', 'hall_id = ?', ctx.hallId).map((r) => [r.code, r.id]));
    let created = 0;
    for (const item of items) {
      const existing = byCode.get(item.code);
      if (!existing) created++;
      ctx.store.upsert('catalog_items', itemRow(ctx, existing ?? `${ctx.hallId}-item-${item.code}`, item));
    }
    return { created, updated: items.length - created };
  },

  'catalog.save': (ctx) => {
    const { itemId, item } = ctx.payload;
    if (!ctx.store.get('departments', item.departmentId)) throw notFound('department');
    if (item.serviceId !== null && !ctx.store.get('services', item.serviceId)) throw notFound('service');
    const clash = ctx.store.where('catalog_items', 'hall_id = ? AND code = ? AND id <> ?', ctx.hallId, item.code, itemId)[0];
    if (clash) throw refuse(catalogRefusals.codeTaken, { code: item.code, item: clash.name });
    return { item: ctx.store.upsert('catalog_items', itemRow(ctx, itemId, item)) };
  },
} satisfies FeatureHandlers<typeof catalogCommandSpecs>;
