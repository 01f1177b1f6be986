import { useState, type FormEvent } from 'react';
import type { Board } from '../../../../shared/region/board';
import { REGION_REPORT_KINDS, RegionReport, type RegionReportKind } from '../../../../shared/region/reports';
import { FIGURES, formatFigure } from '../../../../shared/reports/figures';
import { httpCall } from '../../app/phonePost';
import { useI18n, type Translate } from '../../i18n';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { exportName, reportCsv } from '../../features/reports/exports';
import type { ReportTable } from '../../../../shared/reports/table';

/**
 * Reports by hall and by level (shared/region/reports): the supervisor picks what (the queue,
 * cases or 好差评), the months and a node of their subtree; a row per hall below it and the total,
 * each figure the hall's own (reports/figures) computed from the row's summed counts. The CSV is
 * the table on screen, written by the reports' one writer (features/reports/exports).
 */
export function RegionReports({ token, nodes }: { token: string; nodes: Board['nodes'] }) {
  const { t } = useI18n();
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
  const save = () => {
    if (!report || !table) return;
    const period = t('region.report.period', { from: report.from, to: report.to });
    const text = reportCsv({ title: table.title, lines: [period], tables: [table] });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    link.download = exportName(table.title, report.from, report.to, 'csv');
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
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
        <button type="button" className="btn" disabled={!table} onClick={save}>
          {t('region.report.csv')}
        </button>
      </form>
      <ErrorLine error={error} />
      {report && table && (
        <>
          <p className="region-path">
            {t('region.report.period', { from: report.from, to: report.to })}
            {' · '}
            {report.closedThrough ? t('region.report.through', { day: report.closedThrough }) : t('region.report.noDays')}
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

/** The report as a table: the hall (with its place in the network), every figure of the report; the total last. */
function regionTable(report: RegionReport, t: Translate): ReportTable {
  const figures = FIGURES[report.kind];
  const cells = (sums: Record<string, number>) =>
    figures.map((f) => {
      const value = f.value(sums as never);
      return { text: formatFigure(value, f.unit), value };
    });
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
