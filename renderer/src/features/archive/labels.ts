import type { ScoreFact } from '../../../../shared/archive/enums';
import { DEFAULT_RULES, DEFAULT_RULES_VERSION, type ScoreRules } from '../../../../shared/archive/rules';
import { rowsOf, type ReplicaState } from '../../../../shared/protocol';
import type { Key, Translate } from '../../i18n';

/**
 * The score sheet's names in the reader's language: a section or item the hall kept as the default
 * sheet has it (ar.section.*, ar.item.*); one the administrator added or renamed is shown as named.
 */
export function sectionName(t: Translate, rules: ScoreRules, code: string): string {
  const own = rules.sections.find((s) => s.code === code);
  const builtIn = DEFAULT_RULES.sections.find((s) => s.code === code);
  return builtIn && (!own || own.name === builtIn.name) ? t(`ar.section.${code}` as Key) : (own?.name ?? code);
}
export function itemName(t: Translate, rules: ScoreRules, code: string): string {
  const own = rules.items.find((i) => i.code === code);
  const builtIn = DEFAULT_RULES.items.find((i) => i.code === code);
  return builtIn && (!own || own.name === builtIn.name) ? t(`ar.item.${code}` as Key) : (own?.name ?? code);
}
export const factName = (t: Translate, fact: ScoreFact): string => t(`ar.fact.${fact}`);

/** The sheet in force as the board's replica holds it: the newest saved version, or the built-in one. */
export function currentSheet(replica: ReplicaState): { version: number; rules: ScoreRules } {
  const newest = rowsOf(replica, 'score_rules').reduce<{ version: number; rules: string } | null>(
    (best, r) => (best === null || r.version > best.version ? r : best),
    null,
  );
  return newest
    ? { version: newest.version, rules: JSON.parse(newest.rules) as ScoreRules }
    : { version: DEFAULT_RULES_VERSION, rules: DEFAULT_RULES };
}
