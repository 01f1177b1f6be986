import { useState, type FormEvent } from 'react';
import type { Board } from '../../../../shared/region/board';
import { REGION_REPORT_KINDS, RegionReport, type RegionReportKind } from '../../../../shared/region/reports';
import { FIGURES } from '../../../../shared/reports/figures';
import { figureCell, type ReportTable } from '../../../../shared/reports/table';
import { httpCall, httpFile } from '../../app/phonePost';
import { formatDateTime } from '../../app/time';
import { useI18n, type Translate } from '../../i18n';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { csvBlob, download } from '../../ui/download';
import { exportName, reportCsv, reportXlsx, type ReportDocument } from '../../features/reports/exports';

/** The files a report is exported as, as the hall's reports tab offers them. */
const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/**
 * Reports by hall and by level (shared/region/reports): the supervisor picks what (the queue,
 * the counters' time, cases, 好差评 or 预约), the months and a node of their subtree; a row per hall below it and the total,
 * each figure the hall's own (reports/figures) computed from the row's summed counts. The exports
 * are the table on screen, as the hall's: CSV and Excel written here by the reports' one writer
 * (features/reports/exports), the PDF printed by the region server from the same document, as the
 * hub prints its monthly pack (main/kernel/reportPdf).
 */
export function RegionReports({ token, nodes }: { token: string; nodes: Board['nodes'] }) {
  const { t, language } = useI18n();
  const thisMonth = new Date().toISOString().slice(0, 7);
  const [kind, setKind] = useState<RegionReportKind>('queue');
  const [from, setFrom] = useState(`${thisMonth.slice(0, 4)}-01`);
  const [to, setTo] = useState(thisMonth);
  const [node, setNode] = useState(nodes[0]?.id ?? '');
  const [report, setReport] = useState<RegionReport | null>(null);
  const [error, setError] = useState<Problem | null>(null);

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const query = new URLSearchParams({ kind, from, to, node });
    const answer = await httpCall(`/api/report?${query}`, { headers: { authorization: `Bearer ${token}` } }, RegionReport);
    if (!answer.ok) return (setError(answer.error), setReport(null));
    setError(null);
    setReport(answer.result);
  };

  const table = report && regionTable(report, t);
  const [exporting, setExporting] = useState(false);
  const save = async (format: Format) => {
    if (!report || !table) return;
    const lines = [t('region.report.period', { from: report.from, to: report.to }), howFar(report, t)];
    const doc: ReportDocument = { title: table.title, lines, tables: [table] };
    const file = exportName(table.title, report.from, report.to, format);
    setExporting(true);
    try {
      if (format === 'csv') download(file, csvBlob(reportCsv(doc)));
      else if (format === 'xlsx') download(file, await reportXlsx(doc));
      else {
        const answer = await httpFile('/api/report/pdf', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ lang: language, document: doc }),
        });
        if (!answer.ok) return setError(answer.error);
        download(file, answer.result);
      }
      setError(null);
    } catch (e) {
      setError(t('rp.exportFailed', { message: (e as Error).message }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="card region-reports" aria-label={t('region.report.title')}>
      <h2>{t('region.report.title')}</h2>
      <form className="region-report-form" aria-label={t('region.report.setup')} onSubmit={(e) => void ask(e)}>
        <label>
          {t('rp.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as RegionReportKind)}>
            {REGION_REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`rp.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('region.report.from')}
          <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t('region.report.to')}
          <input type="month" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <label>
          {t('region.report.level')}
          <select value={node} onChange={(e) => setNode(e.target.value)}>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {t('region.report.node', { path: n.path.join(' › '), level: t(`region.level.${n.level}`) })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn primary">
          {t('region.report.show')}
        </button>
        {FORMATS.map((f) => (
          <button key={f} type="button" className="btn" disabled={!table || exporting} onClick={() => void save(f)}>
            {t(`rp.export.${f}`)}
          </button>
        ))}
      </form>
      <ErrorLine error={error} />
      {report && table && (
        <>
          <p className="region-path">
            {t('region.report.period', { from: report.from, to: report.to })}
            {' · '}
            {howFar(report, t)}
          </p>
          <div className="report-scroll">
            <table className="service-table" aria-label={table.title}>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.header} scope="col">
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.group} className={r.bucket === 'total' ? 'region-total' : ''}>
                    {r.cells.map((c, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">
                          {c.text}
                        </th>
                      ) : (
                        <td key={i}>{c.text}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** How far the figures go: the bookings as of the report's moment (预约 is live), or the halls' closed days. */
function howFar(report: RegionReport, t: Translate): string {
  if (report.asOf !== null) return t('region.report.asOf', { time: formatDateTime(report.asOf) });
  return report.closedThrough ? t('region.report.through', { day: report.closedThrough }) : t('region.report.noDays');
}

/** The report as a table: the hall (with its place in the network), every figure of the report; the total last. */
function regionTable(report: RegionReport, t: Translate): ReportTable {
  // A pause reason's column only when some hall used it, as the hall's reports show them (reports/table).
  const figures = FIGURES[report.kind].filter((f) => !f.id.startsWith('paused_') || (f.value(report.total as never) ?? 0) !== 0);
  const cells = (sums: Record<string, number>) => figures.map((f) => figureCell(f.value(sums as never), f.unit));
  return {
    title: t('region.report.named', { node: report.node.name, kind: t(`rp.kind.${report.kind}`) }),
    columns: [{ header: t('region.hall') }, ...figures.map((f) => ({ header: t(`rp.figure.${f.id}` as 'rp.figure.issued'), figure: f }))],
    rows: [
      ...report.halls.map((h) => ({
        group: h.hallId,
        bucket: '',
        cells: [{ text: t('region.report.hallAt', { hall: h.name, path: h.path.join(' › ') }), value: null }, ...cells(h.sums)],
      })),
      { group: '', bucket: 'total', cells: [{ text: t('region.report.total'), value: null }, ...cells(report.total)] },
    ],
  };
}
