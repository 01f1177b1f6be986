/**
 * The kiosk's item search: people look for what they came for by the item's name (营业执照 is what
 * they say, not 企业设立登记: the item's keywords), or type its pinyin initials on the on-screen
 * keyboard (gjj for 公积金). The pinyin keys are computed by the hub (the dictionary is large and
 * stays there) and replicated with the item; this side only matches.
 */

/** An item's keywords as the catalog stores them: separated by spaces, 、 or commas. */
export const splitKeywords = (keywords: string): string[] =>
  keywords
    .split(/[\s、,，;；]+/)
    .map((k) => k.trim())
    .filter(Boolean);

/** Lower-case Latin letters and digits only: how pinyin keys and typed letters are compared. */
export const latinKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface SearchItem {
  id: string;
  name: string;
  keywords: string;
  pinyin: string;
  service_id: string | null;
  active: number;
}
export interface SearchService {
  id: string;
  name: string;
  department_id: string;
  sort: number;
}
export interface SearchDepartment {
  id: string;
  name: string;
}

/** One thing to tap: an item (or a service or department named in the query) and the queue service that serves it. */
export interface SearchHit {
  key: string;
  label: string;
  serviceId: string;
}

const MAX_HITS = 24;

/**
 * What a query finds, best first: letters match the items' pinyin keys (initials or whole
 * syllables, from their start first), anything else the items' names and keywords and the names of
 * services and departments. Only active items with a queue service are offered (the kiosk issues
 * tickets for services).
 */
export function searchCatalog(
  query: string,
  items: readonly SearchItem[],
  services: readonly SearchService[],
  departments: readonly SearchDepartment[],
): SearchHit[] {
  const q = query.trim();
  if (!q) return [];
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const hits: (SearchHit & { rank: number; sort: number })[] = [];
  const add = (key: string, label: string, serviceId: string, rank: number) => {
    const service = serviceById.get(serviceId);
    if (service) hits.push({ key, label, serviceId, rank, sort: service.sort });
  };
  const letters = /^[A-Za-z]+$/.test(q) ? latinKey(q) : null;
  for (const item of items) {
    if (!item.active || item.service_id === null) continue;
    const rank = letters
      ? best(item.pinyin.split(' ').filter(Boolean), letters)
      : Math.min(best([item.name], q), best(splitKeywords(item.keywords), q) + 1);
    if (rank < Infinity) add(`item:${item.id}`, item.name, item.service_id, rank);
  }
  if (!letters) {
    for (const s of services) {
      const dept = departments.find((d) => d.id === s.department_id);
      const rank = Math.min(best([s.name], q), dept ? best([dept.name], q) + 1 : Infinity);
      if (rank < Infinity) add(`service:${s.id}`, s.name, s.id, rank);
    }
  }
  // An item named as its service (婚姻登记) is offered once.
  const seen = new Set<string>();
  return hits
    .sort((a, b) => a.rank - b.rank || a.sort - b.sort || a.label.localeCompare(b.label, 'zh-CN'))
    .filter((h) => !seen.has(`${h.serviceId}|${h.label}`) && seen.add(`${h.serviceId}|${h.label}`))
    .slice(0, MAX_HITS)
    .map(({ key, label, serviceId }) => ({ key, label, serviceId }));
}

/** 0 for a term that is the query, 1 for one that starts with it, 2 for one that holds it; Infinity for none. */
function best(terms: readonly string[], q: string): number {
  let rank = Infinity;
  for (const term of terms) rank = Math.min(rank, term === q ? 0 : term.startsWith(q) ? 1 : term.includes(q) ? 2 : Infinity);
  return rank;
}
