import { PROXY_LEVELS } from './enums';
import type { NodeLevel } from '../region/board';
import { ProxyCatalog } from './documents';
import type { YearSchedule } from '../calendar/schemas';

/**
 * The year a hall works by: the city's schedule with the hall's own extra days off. A local day off
 * that falls on a city 调休 working day is a day off all the same (the hall is closed).
 */
export function effectiveYear(city: YearSchedule, extraHolidays: readonly string[]): { holidays: string[]; workdays: string[] } {
  const off = new Set([...city.holidays, ...extraHolidays]);
  return { holidays: [...off].sort(), workdays: [...new Set(city.workdays)].filter((d) => !off.has(d)).sort() };
}

/** The items a point at `level` may take in by proxy, but those its hall has refused; none at the city level or unplaced. */
export function proxyItems(catalog: ProxyCatalog, level: NodeLevel | null, refused: readonly string[]): string[] {
  if (!level || !(PROXY_LEVELS as readonly string[]).includes(level)) return [];
  return catalog.levels[level as (typeof PROXY_LEVELS)[number]].filter((c) => !refused.includes(c));
}

/**
 * The items a hall's points may take in, from its proxy-catalog row (as the hall applied it) and its
 * administrator's overrides: its level's list less the items live `refuse_item` overrides refused.
 * None without a readable catalog (not sent yet, or not replicated to this terminal).
 */
export function takenProxyItems(
  doc: { content: string; hall_level: NodeLevel | null } | undefined,
  overrides: readonly { type: string; value: string; revoked_at: number | null }[],
): string[] {
  if (!doc) return [];
  let content: unknown;
  try {
    content = JSON.parse(doc.content);
  } catch {
    return [];
  }
  const catalog = ProxyCatalog.safeParse(content);
  const refused = overrides.filter((o) => o.type === 'refuse_item' && o.revoked_at === null).map((o) => o.value);
  return catalog.success ? proxyItems(catalog.data, doc.hall_level, refused) : [];
}
