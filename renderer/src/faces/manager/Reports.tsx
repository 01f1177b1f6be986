import { useEffect, useMemo, useState } from 'react';
import type { HallError } from '../../../../shared/kernel/errors';
import { rowById, type ReplicaState } from '../../../../shared/protocol';
import {
  BUCKETS_OF,
  DIMENSIONS_OF,
  LIVE_REPORTS,
  REPORT_KINDS,
  REPORT_VIEWS,
  type ReportDimension,
  type ReportKind,
  type ReportView,
} from '../../../../shared/reports/enums';
import { FIGURES, HEADLINE } from '../../../../shared/reports/figures';
import type { ReportResult } from '../../../../shared/reports/queries';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, useNow } from '../../app/time';
import { useI18n, type Translate } from '../../i18n';
import { exportName, reportCsv, reportXlsx } from '../../features/reports/exports';
import { ReportChart } from '../../features/reports/ReportChart';
import { pageAsks, pageTables, pageTitle, viewSetup, type ReportPage } from '../../features/reports/pages';
import { arrivalsChart, chartModel, type ReportSetup, type ReportTable } from '../../../../shared/reports/table';
import { useSlow } from '../../features/reports/useSlow';
import { ErrorLine } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { csvBlob, download } from '../../ui/download';

/** A group's name as the board's replica knows it; the id itself when the replica does not. */
function nameOf(replica: ReplicaState, t: Translate) {
  return (dimension: ReportDimension, key: string): string => {
    if (!key) return t('rp.unknown');
    const named = (row: { name: string } | undefined) => row?.name ?? key;
    switch (dimension) {
      case 'department':
        return named(rowById(replica, 'departments', key));
      case 'service':
        return named(rowById(replica, 'services', key));
      case 'counter':
        return named(rowById(replica, 'counters', key));
      case 'staff':
        return named(rowById(replica, 'staff', key));
      case 'item':
        return named(rowById(replica, 'catalog_items', key));
      default:
        return t('rp.hall');
    }
  };
}

/**
 * Asks the hub for the reports a page needs, all at once. The answers stay on screen, with the page
 * they answer, while the next page's are counted: what is shown is always one page's answer.
 */
function useReports(page: ReportPage) {
  const { api } = useHall();
  const [answer, setAnswer] = useState<{ key: string; page: ReportPage; results: ReportResult[] | null; error: HallError | null }>({
    key: '',
    page,
    results: null,
    error: null,
  });
  const key = JSON.stringify(page);
  useEffect(() => {
    let current = true;
    void Promise.all(pageAsks(page).map((p) => api.query('reports.kpi', p))).then((answers) => {
      if (!current) return;
      const failed = answers.find((a) => !a.ok);
      setAnswer(
        failed && !failed.ok
          ? { key, page, results: null, error: failed.error }
          : { key, page, results: answers.map((a) => (a.ok ? a.result : null)!), error: null },
      );
    });
    return () => {
      current = false;
    };
    // `key` stands for the page: a new object for the same page asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return { ...answer, busy: answer.key !== key };
}

/** 报表: a report, its dimension and period; a chart and the table under it; the same table as CSV, Excel or PDF. */
export function ReportsTab() {
  const { replica, api } = useHall();
  const { t, tError } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [view, setView] = useState<ReportView>('custom');
  const [custom, setCustom] = useState<ReportSetup>({ report: 'queue', dimension: 'service', bucket: 'total' });
  const [from, setFrom] = useState(`${day.slice(0, 8)}01`);
  const [to, setTo] = useState(day);
  const setup = viewSetup(view, custom);
  // The chart's figure, chosen per report: each starts at its headline figure.
  const [figures, setFigures] = useState<Partial<Record<ReportKind, string>>>({});
  const [exporting, setExporting] = useState(false);
  // What the last export said, for the report it was of (another report, or the other language, drops it).
  const [note, setNote] = useState<{ title: string; text: string } | null>(null);

  const asked = useMemo<ReportPage>(() => ({ view, setup, from, to }), [view, setup.report, setup.dimension, setup.bucket, from, to]); // eslint-disable-line react-hooks/exhaustive-deps
  const { page, results, error, busy } = useReports(asked);
  const slow = useSlow(busy || exporting);

  // Everything below is of the page answered (the one asked, once its answer is in).
  const title = pageTitle(page, t);
  const tables: ReportTable[] = results ? pageTables(page, results, nameOf(replica, t), t) : [];
  const table = tables[0];
  const figure = figures[page.setup.report] ?? HEADLINE[page.setup.report];
  const figureColumn = table ? table.columns.findIndex((c) => c.figure?.id === figure) : -1;
  const column = table && figureColumn < 0 ? table.columns.findIndex((c) => c.figure) : figureColumn;
  const overTime = page.setup.bucket !== 'total';
  const drawn =
    table && page.view !== 'pack'
      ? page.view === 'arrivals'
        ? arrivalsChart(table)
        : chartModel(table, column, overTime, table.columns[column]?.header ?? '')
      : null;
  // The same chart keeps its identity from render to render: echarts draws again only when it changes.
  const drawnKey = JSON.stringify(drawn);
  const chart = useMemo(() => drawn, [drawnKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const period = t('rp.period', { from: page.from, to: page.to });
  const lastClosed = results?.[0]?.lastClosedDay;

  const save = async (kind: 'csv' | 'xlsx' | 'pdf') => {
    if (!table || busy) return;
    const { from, to } = page;
    setExporting(true);
    setNote(null);
    const lines = [period, t('rp.printedAt', { at: formatDateTime(Date.now()) })];
    try {
      if (kind === 'pdf') {
        const r = await api.savePdf(exportName(title, from, to, 'pdf').replace(/\.pdf$/, ''));
        if (!r.ok) setNote({ title, text: t('rp.exportFailed', { message: tError(r.error) }) });
        else if (r.path) setNote({ title, text: t('rp.exported', { file: r.path }) });
        return;
      }
      const doc = { title, lines, tables };
      const file = exportName(title, from, to, kind);
      download(file, kind === 'csv' ? csvBlob(reportCsv(doc)) : await reportXlsx(doc));
      setNote({ title, text: t('rp.exported', { file }) });
    } catch (e) {
      setNote({ title, text: t('rp.exportFailed', { message: (e as Error).message }) });
    } finally {
      setExporting(false);
    }
  };

  const pickReport = (report: ReportSetup['report']) =>
    setCustom((c) => ({
      report,
      dimension: DIMENSIONS_OF[report].includes(c.dimension) ? c.dimension : 'hall',
      bucket: BUCKETS_OF[report].includes(c.bucket) ? c.bucket : 'total',
    }));

  return (
    <section className="card reports" aria-label={t('rp.title')}>
      <div className="case-head report-controls">
        <h2>{t('rp.title')}</h2>
        <label className="inline">
          {t('rp.view')}
          <select value={view} onChange={(e) => setView(e.target.value as ReportView)}>
            <Options items={REPORT_VIEWS} label={(v) => t(`rp.view.${v}`)} />
          </select>
        </label>
        {view === 'custom' && (
          <>
            <label className="inline">
              {t('rp.kind')}
              <select value={custom.report} onChange={(e) => pickReport(e.target.value as ReportSetup['report'])}>
                <Options items={REPORT_KINDS} label={(k) => t(`rp.kind.${k}`)} />
              </select>
            </label>
            <label className="inline">
              {t('rp.dimension')}
              <select value={custom.dimension} onChange={(e) => setCustom({ ...custom, dimension: e.target.value as ReportDimension })}>
                <Options items={DIMENSIONS_OF[custom.report]} label={(d) => t(`rp.dim.${d}`)} />
              </select>
            </label>
            <label className="inline">
              {t('rp.bucket')}
              <select value={custom.bucket} onChange={(e) => setCustom({ ...custom, bucket: e.target.value as ReportSetup['bucket'] })}>
                <Options items={BUCKETS_OF[custom.report]} label={(b) => t(`rp.bucket.${b}`)} />
              </select>
            </label>
          </>
        )}
        <label className="inline">
          {t('rp.from')}
          <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label className="inline">
          {t('rp.to')}
          <input type="date" value={to} min={from} max={day} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        {view !== 'arrivals' && view !== 'pack' && (
          <label className="inline">
            {t('rp.chartFigure')}
            <select value={figure} onChange={(e) => setFigures({ ...figures, [setup.report]: e.target.value })}>
              <Options items={FIGURES[setup.report].map((f) => f.id)} label={(id) => t(`rp.figure.${id}` as 'rp.figure.issued')} />
            </select>
          </label>
        )}
      </div>
      <div className="report-actions">
        <button type="button" className="btn small" disabled={!table || exporting || busy} onClick={() => void save('csv')}>
          {t('rp.export.csv')}
        </button>
        <button type="button" className="btn small" disabled={!table || exporting || busy} onClick={() => void save('xlsx')}>
          {t('rp.export.xlsx')}
        </button>
        <button type="button" className="btn small" disabled={!table || exporting || busy} onClick={() => void save('pdf')}>
          {t('rp.export.pdf')}
        </button>
        {slow && <progress aria-label={exporting ? t('rp.exporting') : t('rp.loading')} />}
        {note?.title === title && <span role="status">{note.text}</span>}
      </div>
      <ErrorLine error={error} />
      <div className="report-sheet">
        <h3>{title}</h3>
        <p className="muted">
          {period}{' '}
          {page.setup.report === 'bookings'
            ? t('rp.bookingsLive')
            : LIVE_REPORTS.includes(page.setup.report)
              ? ''
              : lastClosed
                ? t('rp.closedThrough', { day: lastClosed })
                : t('rp.noClosedDay')}
        </p>
        {chart && table && table.rows.length > 0 && (
          <ReportChart model={chart} label={t('rp.chart', { report: title })} overTime={overTime} />
        )}
        {tables.map((tb) => (
          <div key={tb.title}>
            {tables.length > 1 && <h4>{tb.title}</h4>}
            <ReportGrid table={tb} t={t} />
          </div>
        ))}
      </div>
    </section>
  );
}

/** The table under the chart: the rows' names as row headers, figures aligned right. */
function ReportGrid({ table, t }: { table: ReportTable; t: Translate }) {
  const named = table.columns.filter((c) => !c.figure).length;
  return (
    <div className="report-table-wrap">
      <table className="service-table report-table" aria-label={t('rp.table', { report: table.title })}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.header} scope="col" className={c.figure ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length}>{t('rp.none')}</td>
            </tr>
          )}
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.cells.map((c, j) =>
                j < Math.max(1, named) && !table.columns[j]?.figure ? (
                  <th key={j} scope="row">
                    {c.text}
                  </th>
                ) : (
                  <td key={j} className="num">
                    {c.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
