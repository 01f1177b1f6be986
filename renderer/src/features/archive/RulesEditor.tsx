import { useState } from 'react';
import { SCORE_FACTS } from '../../../../shared/archive/enums';
import { DEFAULT_RULES, type ScoreRules } from '../../../../shared/archive/rules';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { currentSheet, factName, itemName, sectionName } from './labels';
import { useDraft } from '../../ui/useDraft';

/**
 * Every fact the system counts, as the sheet deducts for it: a fact a saved sheet lacks (one kept
 * from before complaints were counted) shows at 0 points, in the section the built-in sheet gives it.
 */
function allFacts(rules: ScoreRules): ScoreRules['facts'] {
  return SCORE_FACTS.map((fact) => {
    const own = rules.facts.find((f) => f.fact === fact);
    if (own) return own;
    const section = DEFAULT_RULES.facts.find((f) => f.fact === fact)!.section;
    return { fact, section: rules.sections.some((s) => s.code === section) ? section : rules.sections[0]!.code, points: 0 };
  });
}

/** The administrator's score sheet: each section's full marks and each deduction's points; saving makes the next version. */
export function RulesEditor() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const sheet = currentSheet(replica);
  // Follows the current version (another administrator's save) until edited.
  const [draft, setDraft] = useDraft<ScoreRules>({ ...sheet.rules, facts: allFacts(sheet.rules) }, String(sheet.version));
  const [saved, setSaved] = useState<number | null>(null);
  const { error, check } = useCommandError();
  const total = draft.sections.reduce((n, s) => n + s.max, 0);
  const number = (label: string, value: number, set: (n: number) => void) => (
    <label key={label}>
      {label}
      <input type="number" min={0} max={100} value={value} onChange={(e) => set(Number(e.target.value))} />
    </label>
  );
  return (
    <section className="card" aria-label={t('ar.rules')}>
      <h2>
        {t('ar.rules')} <span className="muted">{t('ar.rulesVersion', { version: sheet.version })}</span>
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // A fact at 0 points is left off the sheet (a line takes at least one point).
          void api.command('archive.setRules', { rules: { ...draft, facts: draft.facts.filter((f) => f.points > 0) } }).then((o) => {
            if (check(o) && o.ok === true) setSaved(o.result.version);
          });
        }}
      >
        <div className="row">
          {draft.sections.map((s, i) =>
            number(t('ar.sectionMax', { name: sectionName(t, draft, s.code) }), s.max, (n) =>
              setDraft({ ...draft, sections: draft.sections.map((x, j) => (j === i ? { ...x, max: n } : x)) }),
            ),
          )}
        </div>
        <div className="row">
          {draft.items.map((it, i) =>
            number(t('ar.itemPoints', { name: itemName(t, draft, it.code) }), it.points, (n) =>
              setDraft({ ...draft, items: draft.items.map((x, j) => (j === i ? { ...x, points: n } : x)) }),
            ),
          )}
          {draft.facts.map((f, i) =>
            number(t('ar.factPoints', { name: factName(t, f.fact) }), f.points, (n) =>
              setDraft({ ...draft, facts: draft.facts.map((x, j) => (j === i ? { ...x, points: n } : x)) }),
            ),
          )}
        </div>
        <p className={total === 100 ? 'muted' : 'error'}>{t('ar.rulesTotal', { total })}</p>
        <button type="submit" className="btn btn-primary">
          {t('ar.saveRules')}
        </button>
        {saved !== null && <span role="status"> {t('ar.rulesSaved', { version: saved })}</span>}
        <ErrorLine error={error} />
      </form>
    </section>
  );
}
