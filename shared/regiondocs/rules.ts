import { PROXY_LEVELS } from './enums';
import type { NodeLevel } from '../region/board';
import type { ProxyCatalog } from './documents';
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
