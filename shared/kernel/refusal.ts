import { CommandError, type ErrorCode, type HallError, type ReasonParams } from './errors';

/**
 * Why the hub refused, said once for every language. A feature lists its refusals here: each with
 * its code, its words in Chinese with `{name}` places, and the places filled with a code the faces
 * label (a case status, a step). The hub fills the Chinese words into the refusal's `message` (for
 * logs and the audit trail) and sends the reason's key and values; a face words the reason in its
 * reader's language from its `reason.<key>` label, so no Chinese reaches an English screen.
 */
export interface RefusalSpec {
  readonly code: ErrorCode;
  readonly zh: string;
  /**
   * Places whose value is a code: the face shows its label `<prefix>.<code>`, the hub's message the
   * Chinese word given here.
   */
  readonly labels?: Readonly<Record<string, { readonly prefix: string; readonly zh: Readonly<Record<string, string>> }>>;
}

export type Refusal<R extends string = string> = RefusalSpec & { readonly reason: R };

/** A feature's refusals, keyed `<feature>.<name>`. */
export function defineRefusals<const P extends string, const T extends Record<string, RefusalSpec>>(
  prefix: P,
  specs: T,
): { readonly [K in keyof T & string]: T[K] & { readonly reason: `${P}.${K}` } } {
  return Object.fromEntries(Object.entries(specs).map(([k, spec]) => [k, { ...spec, reason: `${prefix}.${k}` }])) as never;
}

/** Fills `{name}` places; a place with no value stays empty. */
export const fillPlaces = (text: string, vars?: ReasonParams): string =>
  text.replace(/\{(\w+)\}/g, (_, v: string) => String(vars?.[v] ?? ''));

/** The Chinese words of a refusal, its labelled places in Chinese. */
export function refusalMessage(r: Refusal, params: ReasonParams = {}): string {
  const labelled = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, r.labels?.[k]?.zh[String(v)] ?? v]));
  return fillPlaces(r.zh, labelled);
}

/** The refusal as a wire error, for the places that answer without throwing. */
export const refusalError = (r: Refusal, params?: ReasonParams): HallError => ({
  code: r.code,
  message: refusalMessage(r, params),
  reason: r.reason,
  ...(params && Object.keys(params).length ? { params } : {}),
});

/** The refusal thrown inside a command handler (`keepChanges`: see CommandError). */
export function refuse(r: Refusal, params?: ReasonParams, keepChanges = false): CommandError {
  const e = refusalError(r, params);
  return new CommandError(r.code, e.message, keepChanges, { reason: r.reason, ...(e.params ? { params: e.params } : {}) });
}

/**
 * The zh-CN faces' labels of a set of refusals, `reason.<key>` → the Chinese words, so that a face
 * words a refusal exactly as the hub's message does; other languages give each key their own words.
 */
export function reasonLabels<const T extends Record<string, Refusal>>(
  set: T,
): { readonly [K in keyof T as `reason.${T[K]['reason']}`]: string } {
  return Object.fromEntries(Object.values(set).map((r) => [`reason.${r.reason}`, r.zh])) as never;
}
