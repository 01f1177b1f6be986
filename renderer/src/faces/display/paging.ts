/**
 * The page of a list shown at `now`, when `perPage` items fit on the screen: pages turn every
 * `pageMs` on the clock, so every display of the hall shows the same page and no timer is needed.
 */
export function pageAt<T>(items: readonly T[], perPage: number, now: number, pageMs: number): { items: T[]; page: number; pages: number } {
  const size = Math.max(1, perPage);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.floor(now / pageMs) % pages;
  return { items: items.slice(page * size, (page + 1) * size), page, pages };
}
