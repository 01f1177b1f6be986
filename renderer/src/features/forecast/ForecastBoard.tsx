import { useMemo, useState } from 'react';
import { addDays } from '../../../../shared/calendar/rules';
import type { ForecastDay } from '../../../../shared/forecast/queries';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n, type Translate } from '../../i18n';
import { DataTable, type Column } from '../../ui/DataTable';
import { ErrorLine } from '../../ui/ErrorLine';

const TARGETS = [0.7, 0.8, 0.9, 0.95] as const;
type ServiceRow = ForecastDay['services'][number];
/** A row of the table: a service's hours, or the hall's (counters needed in all, counters open). */
type Line =
  | { kind: 'service'; s: ServiceRow }
  | { kind: 'hall'; key: string; label: string; able: number | null; at: (hour: number) => number | null };

/** The hours worth a column: those with anyone expected (or open), else the working day's. */
function shownHours(f: ForecastDay): number[] {
  const busy = new Set<number>();
  for (const s of f.services) for (const h of s.hours) if (h.arrivals > 0) busy.add(h.hour);
  f.openByHour?.forEach((n, h) => n > 0 && busy.add(h));
  if (busy.size === 0) return [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
  const hours = [...busy].sort((a, b) => a - b);
  return Array.from({ length: hours.at(-1)! - hours[0]! + 1 }, (_, i) => hours[0]! + i);
}

const needed = (t: Translate, n: number | null) => (n === null ? t('fc.unknown') : t('fc.needed', { n }));

/** 客流预测: expected arrivals per service and hour for a chosen day, the counters Erlang C says each hour needs, beside those planned. */
export function ForecastBoard() {
  const { replica } = useHall();
  const { t } = useI18n();
  const { day: today } = useHallDay(useNow(60_000));
  const [day, setDay] = useState(addDays(today, 1));
  const [targetShare, setTarget] = useState(0.8);
  const [tick, setTick] = useState(0);
  const q = useHubQuery(
    'forecast.day',
    useMemo(() => ({ day, targetShare }), [day, targetShare]),
    tick,
  );
  const f = q.result;
  const hours = f ? shownHours(f) : [];
  const services = f ? f.services.filter((s) => s.hours.some((h) => h.arrivals > 0)) : [];
  const counters = rowsOf(replica, 'counters').length;
  const hallNeeded = (h: number) => {
    const all = services.map((s) => s.hours[h]!.needed);
    return all.includes(null) ? null : all.reduce<number>((n, x) => n + x!, 0);
  };
  // One table, so that the hall's rows line up under the services' hours.
  const rows: Line[] = [
    ...services.map((s) => ({ kind: 'service' as const, s })),
    { kind: 'hall', key: 'needed', label: t('fc.hallNeeded'), able: counters, at: (h) => hallNeeded(h) },
    ...(f?.openByHour
      ? [{ kind: 'hall' as const, key: 'open', label: t('fc.open'), able: null, at: (h: number) => f.openByHour![h]! }]
      : []),
  ];
  const hourColumns: Column<Line>[] = hours.map((h) => ({
    header: t('fc.hour', { h }),
    cell: (line) => {
      if (line.kind === 'hall') {
        const n = line.at(h);
        return line.key === 'needed' ? <span className={n === null || n > counters ? 'forecast-over' : undefined}>{needed(t, n)}</span> : n;
      }
      const x = line.s.hours[h]!;
      if (x.arrivals === 0) return <span className="muted">·</span>;
      const over = x.needed === null || x.needed > line.s.assigned;
      return (
        <span
          className={over ? 'forecast-over' : undefined}
          title={t('fc.cell', { arrivals: x.arrivals.toFixed(1), needed: x.needed ?? t('fc.unknown') })}
        >
          {x.arrivals.toFixed(1)}
          <br />
          <small>{needed(t, x.needed)}</small>
        </span>
      );
    },
  }));
  return (
    <section className="card" aria-label={t('fc.title')}>
      <div className="case-head">
        <h2>{t('fc.title')}</h2>
        <label className="inline">
          {t('fc.day')}
          <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
        <label className="inline">
          {t('fc.target')}
          <select value={targetShare} onChange={(e) => setTarget(Number(e.target.value))}>
            {TARGETS.map((x) => (
              <option key={x} value={x}>
                {t('fc.targetShare', { pct: Math.round(x * 100) })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn small" onClick={() => setTick(tick + 1)}>
          {t('fc.refresh')}
        </button>
      </div>
      <ErrorLine error={q.error} />
      {f && (
        <>
          <p className="report-line">{f.sampleDays === 0 ? t('fc.noHistory') : t(`fc.basis.${f.basis}`, { n: f.sampleDays })}</p>
          <div className="table-scroll">
            <DataTable
              label={t('fc.arrivalsTable')}
              rows={rows}
              rowKey={(line) => (line.kind === 'service' ? line.s.serviceId : line.key)}
              rowClass={(line) => (line.kind === 'hall' ? 'forecast-hall' : '')}
              columns={[
                {
                  header: t('fc.service'),
                  rowHeader: true,
                  cell: (line) => (line.kind === 'hall' ? line.label : (rowById(replica, 'services', line.s.serviceId)?.name ?? '—')),
                },
                {
                  header: t('fc.serviceMin'),
                  cell: (line) =>
                    line.kind === 'hall'
                      ? ''
                      : line.s.serviceMin === null
                        ? t('fc.unknown')
                        : t('ar.minutes', { n: line.s.serviceMin.toFixed(1) }),
                },
                { header: t('fc.assigned'), cell: (line) => (line.kind === 'hall' ? (line.able ?? '') : line.s.assigned) },
                ...hourColumns,
              ]}
            />
          </div>
          <p className="muted">{t('fc.note')}</p>
        </>
      )}
    </section>
  );
}
