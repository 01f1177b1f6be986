import { useMemo, useState } from 'react';
import { rowById, type ReplicaState } from '../../../../shared/protocol';
import { addFigureCounts, emptyFigureCounts, FIGURES, figures, type FigureCounts } from '../../../../shared/ratings/figures';
import { FIGURE_DIMENSIONS, FIGURE_PERIODS, type FigureDimension, type FigurePeriod } from '../../../../shared/ratings/queries';
import type { Rate } from '../../../../shared/ratings/rules';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n, type Translate } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { useHubQuery } from '../../app/useHubQuery';
import { DateRange } from '../../ui/DateRange';
import { percentText } from '../../../../shared/kernel/percent';

/**
 * A rate as a percentage in `words` (with what it was computed from), flagged when its count is
 * below the hall's minimum; '—' with nothing to divide by. The ratings' figures and board share it.
 */
export function RateCell({ rate, t, words }: { rate: Rate; t: Translate; words: (pct: string) => string }) {
  if (rate.value === null) return <span className="muted">—</span>;
  const text = words(percentText(rate.value));
  return rate.few ? (
    <span className="muted" title={t('rt.few')}>
      {text} {t('rt.fewMark')}
    </span>
  ) : (
    <span>{text}</span>
  );
}

/** A figure with its numerator and denominator (`fig.rate`). */
export const FigureCell = ({ rate, t }: { rate: Rate; t: Translate }) => (
  <RateCell rate={rate} t={t} words={(pct) => t('fig.rate', { pct, num: rate.num, of: rate.of })} />
);

/** A group's name as the board's replica knows it. */
function groupName(replica: ReplicaState, by: FigureDimension, id: string | null, t: Translate): string {
  if (by === 'hall') return t('fig.dim.hall');
  if (id === null) return t('fig.noneGroup');
  const table = ({ department: 'departments', counter: 'counters', staff: 'staff', service: 'services', item: 'catalog_items' } as const)[
    by
  ];
  return rowById(replica, table, id)?.name ?? id;
}

type Line = { key: string; name: string; period: string; counts: FigureCounts; total?: boolean };

/**
 * The 好差评 figures by a dimension and period the manager chooses: each rate with its count, and
 * a total row that adds the groups' counts (never averages their rates). Asked again on its own
 * 刷新 and whenever the tab's `tick` moves (a review excluded a rating).
 */
export function RatingFigures({ tick: tabTick }: { tick: number }) {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [from, setFrom] = useState(`${day.slice(0, 8)}01`);
  const [to, setTo] = useState(day);
  const [by, setBy] = useState<FigureDimension>('department');
  const [period, setPeriod] = useState<FigurePeriod>('whole');
  const [tick, setTick] = useState(0);
  const answer = useHubQuery(
    'ratings.figures',
    useMemo(() => ({ from, to, by, period }), [from, to, by, period]),
    tick + tabTick,
  );
  const settings = parseRatingSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.rating_settings ?? '{}');
  const minCount = settings.minCount;
  const rows = answer.result?.rows ?? [];
  // The default rule's columns only where it applies: the hall has it, or the period counted defaults under it.
  const withDefaults = settings.defaultAfterDays > 0 || rows.some((r) => r.counts.defaulted > 0);
  const shown = FIGURES.filter((f) => withDefaults || f !== 'satisfactionWithDefaults');
  const lines: Line[] = rows.map((r) => ({
    key: `${r.id ?? ''}|${r.period}`,
    name: groupName(replica, by, r.id, t),
    period: r.period === 'whole' ? t('fig.whole', { from, to }) : r.period,
    counts: r.counts,
  }));
  if (rows.length > 1)
    lines.push({
      key: 'total',
      name: t('fig.total'),
      period: t('fig.whole', { from, to }),
      counts: rows.reduce((sum, r) => addFigureCounts(sum, r.counts), emptyFigureCounts()),
      total: true,
    });
  return (
    <section className="card" aria-label={t('fig.title')}>
      <div className="case-head">
        <h2>{t('fig.title')}</h2>
        <DateRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <label className="inline">
          {t('fig.by')}
          <select value={by} onChange={(e) => setBy(e.target.value as FigureDimension)}>
            <Options items={FIGURE_DIMENSIONS} label={(d) => t(`fig.dim.${d}`)} />
          </select>
        </label>
        <label className="inline">
          {t('fig.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as FigurePeriod)}>
            <Options items={FIGURE_PERIODS} label={(p) => t(`fig.period.${p}`)} />
          </select>
        </label>
        <button type="button" className="btn small" onClick={() => setTick(tick + 1)}>
          {t('rt.refresh')}
        </button>
      </div>
      <ErrorLine error={answer.error} />
      <p className="muted">{t('fig.help')}</p>
      <DataTable
        label={t('fig.table')}
        rows={lines}
        rowKey={(l) => l.key}
        rowClass={(l) => (l.total ? 'total-row' : '')}
        empty={t('fig.none')}
        columns={[
          { header: t(`fig.dim.${by}`), rowHeader: true, cell: (l) => l.name },
          { header: t('fig.when'), cell: (l) => l.period },
          ...shown.map((f) => ({
            header: t(`fig.figure.${f}`),
            cell: (l: Line) => <FigureCell rate={figures(l.counts, minCount)[f]} t={t} />,
          })),
          ...(withDefaults ? [{ header: t('fig.defaulted'), cell: (l: Line) => l.counts.defaulted }] : []),
          {
            header: t('fig.complaints'),
            cell: (l: Line) => t('fig.complaintsCell', { n: l.counts.complaints, s: l.counts.substantiated }),
          },
        ]}
      />
    </section>
  );
}
