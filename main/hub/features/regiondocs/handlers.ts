import { YearSchedule } from '../../../../shared/calendar/schemas';
import { canonicalContent, docKey, PROXY_CATALOG_KEY, regionDocId } from '../../../../shared/regiondocs/documents';
import type { DocKind } from '../../../../shared/regiondocs/enums';
import { type regionDocCommandSpecs } from '../../../../shared/regiondocs/commands';
import { regionDocRefusals as R } from '../../../../shared/regiondocs/refusals';
import { effectiveYear, takenProxyItems } from '../../../../shared/regiondocs/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType, Row } from '../../../../shared/protocol';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { calendarChanged } from '../calendar/calendar';
import { recomputeDeadlines } from '../cases/deadlines';

type Ctx = HandlerContext<CommandType>;

const docId = (ctx: Ctx, kind: DocKind, key: string) => regionDocId(ctx.hallId, kind, key);

const liveOverrides = (ctx: Ctx, type: Row<'region_overrides'>['type'], key?: string) =>
  ctx.store
    .where('region_overrides', 'hall_id = ? AND type = ? AND revoked_at IS NULL', ctx.hallId, type)
    .filter((o) => key === undefined || o.doc_key === key);

/**
 * Writes the calendar year the hall works by from the region's schedule for it and the hall's own
 * extra days off, and moves the running cases' due days with it. Nothing when the region sent no
 * schedule for the year (a year of the package or the administrator stays as it is).
 */
function writeRegionYear(ctx: Ctx, year: number): number {
  const doc = ctx.store.get('region_documents', docId(ctx, 'calendar', String(year)));
  if (!doc) return 0;
  const city = YearSchedule.parse(JSON.parse(doc.content));
  const days = effectiveYear(
    city,
    liveOverrides(ctx, 'extra_holiday', String(year)).map((o) => o.value),
  );
  ctx.store.upsert('calendar_years', {
    id: `${ctx.hallId}:${year}`,
    hall_id: ctx.hallId,
    year,
    source: 'region',
    holidays: JSON.stringify(days.holidays),
    workdays: JSON.stringify(days.workdays),
  });
  calendarChanged(ctx.store.db);
  return recomputeDeadlines(ctx);
}

function addOverride(ctx: Ctx, o: Omit<Row<'region_overrides'>, 'id' | 'hall_id' | 'made_by' | 'made_at' | 'revoked_at'>) {
  const { n } = sql(ctx, 'SELECT count(*) AS n FROM region_overrides WHERE hall_id = ?').get(ctx.hallId) as { n: number };
  return ctx.store.upsert('region_overrides', {
    ...o,
    // Overrides are revoked, never deleted: the count numbers them for good.
    id: `${ctx.hallId}-ro-${n + 1}`,
    hall_id: ctx.hallId,
    made_by: ctx.sessionStaff!.id,
    made_at: ctx.now,
    revoked_at: null,
  });
}

export const regionDocHandlers = {
  /**
   * The region's new version replaces the hall's; the same version again is acknowledged as it is
   * (the region sends again whenever it is not sure the hall has it: after a reconnect, or an answer
   * lost on the way); an older one is refused, so a late delivery never undoes a newer schedule.
   */
  'regionDoc.apply': (ctx) => {
    const { document, level } = ctx.payload;
    const key = docKey(document);
    const content = canonicalContent(document);
    const have = ctx.store.get('region_documents', docId(ctx, document.kind, key));
    const answer = { kind: document.kind, key, version: document.version };
    if (have && have.version > document.version) throw refuse(R.older, { applied: have.version, given: document.version });
    if (have && have.version === document.version) {
      if (have.content !== content) throw refuse(R.sameVersionDiffers, { version: document.version });
      // The same version, sent again because the region placed the hall at another level: its proxy list is another.
      if (have.hall_level !== level) ctx.store.patch('region_documents', have.id, { hall_level: level });
      return { ...answer, appliedAt: have.applied_at, already: have.hall_level === level, recomputed: 0 };
    }
    ctx.store.upsert('region_documents', {
      id: docId(ctx, document.kind, key),
      hall_id: ctx.hallId,
      kind: document.kind,
      doc_key: key,
      version: document.version,
      content,
      hall_level: level,
      published_at: document.publishedAt,
      applied_at: ctx.now,
    });
    const recomputed = document.kind === 'calendar' ? writeRegionYear(ctx, document.content.year) : 0;
    return { ...answer, appliedAt: ctx.now, already: false, recomputed };
  },

  /** A local day off in a year the city scheduled, or an item of the hall's proxy list it does not take in. */
  'regionDoc.addOverride': (ctx) => {
    const p = ctx.payload;
    if (p.type === 'extra_holiday') {
      const doc = ctx.store.get('region_documents', docId(ctx, 'calendar', String(p.year)));
      if (!doc) throw refuse(R.noCalendar, { year: p.year });
      const city = YearSchedule.parse(JSON.parse(doc.content));
      if (city.holidays.includes(p.day) || liveOverrides(ctx, 'extra_holiday').some((o) => o.value === p.day))
        throw refuse(R.alreadyOff, { day: p.day });
      const override = addOverride(ctx, { kind: 'calendar', doc_key: String(p.year), type: p.type, value: p.day, note: p.note });
      return { override, recomputed: writeRegionYear(ctx, p.year) };
    }
    const doc = ctx.store.get('region_documents', docId(ctx, 'proxy_catalog', PROXY_CATALOG_KEY));
    if (!doc) throw refuse(R.noCatalog);
    const live = liveOverrides(ctx, 'refuse_item');
    if (live.some((o) => o.value === p.code)) throw refuse(R.alreadyRefused, { code: p.code });
    if (!takenProxyItems(doc, live).includes(p.code)) throw refuse(R.itemNotListed, { code: p.code });
    const override = addOverride(ctx, { kind: 'proxy_catalog', doc_key: PROXY_CATALOG_KEY, type: p.type, value: p.code, note: p.note });
    return { override, recomputed: 0 };
  },

  /** The exception ends (the row stays, for the region's board and the audit); a day off counts as the city's again. */
  'regionDoc.revokeOverride': (ctx) => {
    const o = ctx.store.get('region_overrides', ctx.payload.id);
    if (!o) throw notFound('regionOverride');
    if (o.revoked_at !== null) throw refuse(R.revoked);
    ctx.store.patch('region_overrides', o.id, { revoked_at: ctx.now });
    if (o.type === 'extra_holiday') writeRegionYear(ctx, Number(o.doc_key));
    return {};
  },
} satisfies FeatureHandlers<typeof regionDocCommandSpecs>;
