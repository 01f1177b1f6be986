import { useMemo, useState } from 'react';
import { rowById } from '../../../../shared/protocol';
import { RATING_GROUPS, type RatingSummary } from '../../../../shared/ratings/queries';
import { ratingRates, type Rate, type RatingTally } from '../../../../shared/ratings/rules';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, useNow } from '../../app/time';
import { useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { Complaints } from './Complaints';
import { Followups } from './Followups';
import { useHubQuery } from '../../app/useHubQuery';
import { RatingsPublication } from '../../features/ratings/RatingsPublication';
import { RateCell, RatingFigures } from './RatingFigures';
import { DateRange } from '../../ui/DateRange';
import { FlaggedRatings } from './FlaggedRatings';
import { groupName, ratedSubject, type RatingGroupKey } from './ratingNames';

type Group = RatingGroupKey;

/** A rate beside its count of ratings (`rt.rate`). */
const CountedRate = ({ rate, t }: { rate: Rate; t: Translate }) => (
  <RateCell rate={rate} t={t} words={(pct) => t('rt.rate', { pct, n: rate.of })} />
);

/** 好差评: the month's (or a period's) satisfaction by department, counter, clerk or service, and its 差评. */
export function RatingsBoard() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [from, setFrom] = useState(`${day.slice(0, 8)}01`);
  const [to, setTo] = useState(day);
  const [by, setBy] = useState<Group>('department');
  const [tick, setTick] = useState(0);
  const summary = useHubQuery(
    'ratings.summary',
    useMemo(() => ({ from, to, by }), [from, to, by]),
    tick,
  );
  const minCount = parseRatingSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.rating_settings ?? '{}').minCount;
  const s: RatingSummary | null = summary.result;
  const figures = (tally: RatingTally) => ratingRates(tally, minCount);
  return (
    <>
      <Followups />
      <Complaints />
      <RatingFigures tick={tick} />
      <section className="card" aria-label={t('rt.title')}>
        <div className="case-head">
          <h2>{t('rt.title')}</h2>
          <DateRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
          <label className="inline">
            {t('rt.by')}
            <select value={by} onChange={(e) => setBy(e.target.value as Group)}>
              <Options items={RATING_GROUPS} label={(g) => t(`rt.group.${g}`)} />
            </select>
          </label>
          <button type="button" className="btn small" onClick={() => setTick(tick + 1)}>
            {t('rt.refresh')}
          </button>
        </div>
        <ErrorLine error={summary.error} />
        {s && (
          <>
            <p className="report-line" aria-label={t('rt.hall')}>
              {t('rt.hallLine', { services: s.hall.services, active: s.hall.active, unrated: s.hall.unrated, bad: s.hall.bad })}{' '}
              <CountedRate rate={figures(s.hall).satisfaction} t={t} />
            </p>
            <DataTable
              label={t('rt.byGroup')}
              rows={s.groups}
              rowKey={(g) => g.id ?? '—'}
              empty={t('rt.none')}
              columns={[
                { header: t(`rt.group.${by}`), rowHeader: true, cell: (g) => groupName(replica, by, g.id) },
                { header: t('rt.services'), cell: (g) => g.tally.services },
                { header: t('rt.participation'), cell: (g) => <CountedRate rate={figures(g.tally).participation} t={t} /> },
                { header: t('rt.satisfaction'), cell: (g) => <CountedRate rate={figures(g.tally).satisfaction} t={t} /> },
                { header: t('rt.bad'), cell: (g) => g.tally.bad },
                { header: t('rt.badRate'), cell: (g) => <CountedRate rate={figures(g.tally).bad} t={t} /> },
              ]}
            />
          </>
        )}
      </section>
      {s && (
        <section className="card" aria-label={t('rt.badList')}>
          <h2>{t('rt.badList')}</h2>
          <DataTable
            label={t('rt.badList')}
            rows={s.bad}
            rowKey={(b) => b.id}
            empty={t('rt.noBad')}
            columns={[
              { header: t('rt.at'), cell: (b) => formatDateTime(b.at) },
              { header: t('rt.level'), cell: (b) => t(`eval.level.${b.level as 1 | 2}`) },
              { header: t('rt.group.counter'), cell: (b) => groupName(replica, 'counter', b.counterId) },
              { header: t('rt.group.staff'), cell: (b) => groupName(replica, 'staff', b.staffId) },
              { header: t('rx.subject'), cell: (b) => ratedSubject(replica, b) },
              { header: t('rt.reasons'), cell: (b) => b.reasons.map((r) => t(`eval.reason.${r}`)).join(t('list.separator')) },
              { header: t('rt.comment'), cell: (b) => b.comment },
              {
                header: t('rt.flags'),
                cell: (b) =>
                  b.flags
                    ? b.flags
                        .split(',')
                        .map((f) => t(`rt.flag.${f as 'fast' | 'burst'}`))
                        .join(t('list.separator'))
                    : '',
              },
            ]}
          />
        </section>
      )}
      <FlaggedRatings from={from} to={to} tick={tick} onReviewed={() => setTick((n) => n + 1)} />
      <RatingsPublication today={day} />
    </>
  );
}
