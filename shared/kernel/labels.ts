/** Label tables keyed by code, and filling a text's places: pure, for the faces' dictionaries and the hub's own Chinese words. */

import { fillPlaces } from './refusal';

/** Fills a text's `{name}` places; one with no value given stays empty (the refusals' own filling). */
export const fill = fillPlaces;

/** Words by key, their places filled: what the pure table builders take (a face's `t`, the hub's Chinese). */
export type Wording = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * The label keys of every code of a `const` array: `codeLabels('case.status', CASE_STATUSES, {…})`
 * gives `{ 'case.status.received': …, … }`. The labels name exactly the array's codes, so a code
 * added to the array without a label (or a label left for a code that is gone) fails the typecheck.
 */
export function codeLabels<const P extends string, const C extends string>(
  prefix: P,
  codes: readonly C[],
  labels: NoInfer<Record<C, string>>,
): { readonly [K in C as `${P}.${K}`]: string } {
  return Object.fromEntries(codes.map((code) => [`${prefix}.${code}`, labels[code]])) as never;
}

/** Labels under a prefix from a table keyed by code: `prefixed('thing', { case: '办件' })` gives `{ 'thing.case': '办件' }`. */
export function prefixed<const P extends string, const T extends Record<string, string>>(
  prefix: P,
  table: T,
): { readonly [K in keyof T & string as `${P}.${K}`]: string } {
  return Object.fromEntries(Object.entries(table).map(([code, label]) => [`${prefix}.${code}`, label])) as never;
}
