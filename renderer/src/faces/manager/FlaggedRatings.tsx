import { useMemo, useState } from 'react';
import { FLAGGED_LIMIT, type FlaggedRatings as Flagged } from '../../../../shared/ratings/queries';
import type { ReviewDecision } from '../../../../shared/ratings/enums';
import { isBad } from '../../../../shared/ratings/rules';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { groupName, ratedSubject } from './ratingNames';

type Row = Flagged['rows'][number];

/** Where a flagged rating stands: reviewed (how, by whom, when, why), out of the rates on an appeal, or waiting. */
function reviewWords(row: Row, t: Translate, staffName: (id: string) => string): string {
  if (row.review)
    return t('rt.reviewed', {
      decision: t(`rt.decision.${row.review.decision}`),
      who: staffName(row.review.staffId),
      at: formatDateTime(row.review.at),
      note: row.review.note,
    });
  return row.excluded ? t('rt.excludedOnAppeal') : t('rt.reviewPending');
}

/**
 * 待复核评价: the period's flagged ratings of any level (a burst of 5s pressed on one evaluator is
 * the classic abuse), each reviewed here once: it stands, or it leaves the rates and stays in the
 * record. A 差评 leaves them only through its follow-up's appeal, so its form offers no exclusion.
 */
export function FlaggedRatings({ from, to, tick, onReviewed }: { from: string; to: string; tick: number; onReviewed: () => void }) {
  const { replica, api } = useHall();
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { error, check, setError } = useCommandError();
  const flagged = useHubQuery(
    'ratings.flagged',
    useMemo(() => ({ from, to }), [from, to]),
    tick,
  );
  const list = flagged.result;
  const staffName = (id: string) => groupName(replica, 'staff', id);
  const review = async (id: string, decision: ReviewDecision) => {
    if (!check(await api.command('rating.review', { ratingId: id, decision, note }))) return;
    setOpen(null);
    setNote('');
    // An exclusion changes the tab's figures too: the tab asks again, this list with them.
    onReviewed();
  };
  const toggle = (id: string) => {
    setOpen(open === id ? null : id);
    setNote('');
    setError(null);
  };
  return (
    <section className="card" aria-label={t('rt.flagged')}>
      <h2>{t('rt.flagged')}</h2>
      <ErrorLine error={flagged.error} />
      {list && (
        <>
          <p className="report-line">{t('rt.flaggedCount', { total: list.total, pending: list.pending, limit: FLAGGED_LIMIT })}</p>
          <DataTable
            label={t('rt.flagged')}
            rows={list.rows}
            rowKey={(r) => r.id}
            empty={t('rt.noFlagged')}
            detail={(r) =>
              open === r.id ? (
                <form
                  aria-label={t('rt.reviewForm')}
                  onSubmit={(e) => {
                    e.preventDefault();
                    const decision = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') as ReviewDecision;
                    void review(r.id, decision);
                  }}
                >
                  <label>
                    {t('rt.reviewNote')}
                    <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} required />
                  </label>
                  <div className="row">
                    <button type="submit" className="btn btn-primary" value="stands">
                      {t('rt.decide.stands')}
                    </button>
                    {!isBad(r.level) && (
                      <button type="submit" className="btn" value="excluded">
                        {t('rt.decide.excluded')}
                      </button>
                    )}
                    <button type="button" className="btn" onClick={() => toggle(r.id)}>
                      {t('rt.reviewCancel')}
                    </button>
                  </div>
                  {isBad(r.level) && <p className="muted">{t('rt.reviewBadHelp')}</p>}
                  <ErrorLine error={error} />
                </form>
              ) : null
            }
            columns={[
              { header: t('rt.at'), cell: (r) => formatDateTime(r.at, true) },
              { header: t('rt.level'), cell: (r) => t(`eval.level.${r.level as 1 | 2 | 3 | 4 | 5}`) },
              { header: t('rt.group.counter'), cell: (r) => groupName(replica, 'counter', r.counterId) },
              { header: t('rt.group.staff'), cell: (r) => groupName(replica, 'staff', r.staffId) },
              { header: t('rx.subject'), cell: (r) => ratedSubject(replica, r) },
              { header: t('rt.flags'), cell: (r) => r.flags.map((f) => t(`rt.flag.${f}`)).join(t('list.separator')) },
              { header: t('rt.reviewResult'), cell: (r) => reviewWords(r, t, staffName) },
              {
                cell: (r) =>
                  r.review || r.excluded ? null : (
                    <button
                      type="button"
                      className="btn small"
                      aria-expanded={open === r.id}
                      aria-label={t('rt.reviewOf', { at: formatDateTime(r.at), counter: groupName(replica, 'counter', r.counterId) })}
                      onClick={() => toggle(r.id)}
                    >
                      {t('rt.review')}
                    </button>
                  ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
