import { useState } from 'react';
import { RATING_LEVELS } from '../../../../shared/ratings/enums';
import { followupSignal } from '../../../../shared/followups/rules';
import { figures } from '../../../../shared/ratings/figures';
import type { MyRatingsResult } from '../../../../shared/ratings/queries';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { rowById } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { CallbackPhone, FollowupSteps } from '../../features/followups/FollowupWork';
import { FigureCell } from '../manager/RatingFigures';
import { useHubQuery } from '../../app/useHubQuery';

const NO_PARAMS = {};

/** A follow-up the clerk works here: assigned to them, and not waiting on an appeal's review (the board decides that). */
const workable = (o: MyRatingsResult['open'][number]) => o.assigned && o.appeal !== 'pending';

/**
 * The clerk's own month of ratings (counts per level, 满意率 with its count) and the follow-ups
 * about them or assigned to them that are still open. The hub answers for the clerk signed in at
 * this counter only, and with nothing of who rated or complained. One assigned to them (a
 * department head's) they work here with the board's forms and its callback phone; one about them
 * is only listed.
 */
export function MyRatings() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  // The clerk's replica holds no follow-ups: after each step the list is asked for again.
  const [asked, setAsked] = useState(0);
  const { result, error } = useHubQuery('ratings.mine', NO_PARAMS, asked);
  const [open, setOpen] = useState<string | null>(null);
  const worked = useCommandError();
  const check = worked.check;
  const minCount = parseRatingSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.rating_settings ?? '{}').minCount;
  if (!result) return <ErrorLine error={error} />;
  const byLevel = new Map(result.levels.map((l) => [l.level, l.n]));
  return (
    <section className="my-ratings" aria-label={t('mine.tab')}>
      <h3>{t('mine.title', { month: result.month })}</h3>
      <ErrorLine error={error ?? worked.error} />
      <p>
        {t('mine.satisfaction')}
        <FigureCell rate={figures(result.counts, minCount).satisfaction} t={t} />
      </p>
      <DataTable
        label={t('mine.levels')}
        rows={RATING_LEVELS.map(Number)}
        rowKey={String}
        columns={[
          { header: t('mine.level'), rowHeader: true, cell: (level) => t(`eval.level.${String(level) as '5'}`) },
          { header: t('mine.count'), cell: (level) => byLevel.get(level) ?? 0 },
        ]}
      />
      <h3>{t('mine.open')}</h3>
      <DataTable
        label={t('mine.open')}
        rows={result.open}
        rowKey={(o) => o.id}
        empty={t('mine.noOpen')}
        rowClass={(o) => `signal-${followupSignal.ts(o, day)}`}
        detail={(o) =>
          open === o.id && workable(o) ? (
            <div className="followup-work">
              <FollowupSteps
                // A fresh form for each step: what was written for the last one is not carried over.
                key={o.status}
                f={{ id: o.id, status: o.status, complaint: o.source === 'complaint' }}
                check={check}
                onDone={() => setAsked((n) => n + 1)}
              />
              <CallbackPhone f={o} check={check} />
            </div>
          ) : null
        }
        columns={[
          {
            header: t('fu.signal'),
            cell: (o) => {
              const signal = followupSignal.ts(o, day);
              return <span className={`chip signal-${signal}`}>{t(`fu.signal.${signal}`)}</span>;
            },
          },
          { header: t('fu.source'), cell: (o) => t(`fu.source.${o.source}`) },
          { header: t('mine.role'), cell: (o) => t(o.assigned ? 'mine.role.assigned' : 'mine.role.about') },
          { header: t('fu.openedOn'), cell: (o) => o.opened_day },
          { header: t('fu.due'), cell: (o) => o.due_day },
          { header: t('fu.status'), cell: (o) => (o.appeal === 'pending' ? t('fu.appealing') : t(`fu.status.${o.status}`)) },
          { header: t('rt.reasons'), cell: (o) => o.reasons.map((r) => t(`eval.reason.${r}`)).join(t('list.separator')) },
          {
            cell: (o) =>
              workable(o) && (
                <button
                  type="button"
                  className="btn small"
                  aria-expanded={open === o.id}
                  aria-label={t(o.source === 'complaint' ? 'fu.workComplaint' : 'fu.work', { day: o.opened_day })}
                  onClick={() => setOpen(open === o.id ? null : o.id)}
                >
                  {t('fu.workButton')}
                </button>
              ),
          },
        ]}
      />
    </section>
  );
}
