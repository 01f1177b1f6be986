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
  const hourColumns: Column<ServiceRow>[] = hours.map((h) => ({
    header: t('fc.hour', { h }),
    cell: (s) => {
      const x = s.hours[h]!;
      if (x.arrivals === 0) return <span className="muted">·</span>;
      const over = x.needed === null || x.needed > s.assigned;
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
  const hallNeeded = (h: number) => {
    const all = services.map((s) => s.hours[h]!.needed);
    return all.includes(null) ? null : all.reduce<number>((n, x) => n + x!, 0);
  };
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
              rows={services}
              rowKey={(s) => s.serviceId}
              columns={[
                { header: t('fc.service'), rowHeader: true, cell: (s) => rowById(replica, 'services', s.serviceId)?.name ?? '—' },
                {
                  header: t('fc.serviceMin'),
                  cell: (s) => (s.serviceMin === null ? t('fc.unknown') : t('ar.minutes', { n: s.serviceMin.toFixed(1) })),
                },
                { header: t('fc.assigned'), cell: (s) => s.assigned },
                ...hourColumns,
              ]}
            />
          </div>
          <DataTable
            label={t('fc.hall')}
            rows={[
              { key: 'needed', label: t('fc.hallNeeded'), value: (h: number) => needed(t, hallNeeded(h)) },
              ...(f.openByHour ? [{ key: 'open', label: t('fc.open'), value: (h: number) => String(f.openByHour![h]) }] : []),
              { key: 'counters', label: t('fc.counters'), value: () => String(counters) },
            ]}
            rowKey={(r) => r.key}
            columns={[
              { header: t('fc.hall'), rowHeader: true, cell: (r) => r.label },
              ...hours.map((h) => ({ header: t('fc.hour', { h }), cell: (r: { value: (h: number) => string }) => r.value(h) })),
            ]}
          />
          <p className="muted">{t('fc.note')}</p>
        </>
      )}
    </section>
  );
}
