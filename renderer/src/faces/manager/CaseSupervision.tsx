import { useCallback, useEffect, useState } from 'react';
import { rowsOf } from '../../../../shared/protocol';
import { type ReportResult, type SupervisionResult } from '../../../../shared/cases/queries';
import { type TodayResult } from '../../../../shared/hall/queries';
import { ErrorLine } from '../../ui/components';
import { useHall, useHallDay, useNow } from '../../app/hall';
import { useI18n } from '../../i18n';

/**
 * Asks the hub a query again whenever cases change (as the feed shows), every minute (signals
 * change with the day, not only with writes), and on request.
 */
function useHubQuery<R>(
  ask: () => Promise<{ ok: true; result: R } | { ok: false; error: { message: string } }>,
  deps: unknown[],
  tick: number,
) {
  const { replica, connection } = useHall();
  const minute = Math.floor(useNow(60_000) / 60_000);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cases = rowsOf(replica, 'cases');
  // Any case written (a step, a part decided, a new case) moves one of these.
  const casesVersion = `${cases.length}:${cases.reduce((m, c) => Math.max(m, c.updated_at), 0)}:${rowsOf(replica, 'case_parts').length}`;
  const online = connection.status === 'connected';
  // `ask` is rebuilt on each render; `deps` say what it really depends on.
  const run = useCallback(async () => {
    const r = await ask();
    if (r.ok) {
      setResult(r.result);
      setError(null);
    } else setError(r.error.message);
  }, deps);
  useEffect(() => {
    if (online) void run();
  }, [run, casesVersion, minute, online, tick]);
  return { result, error };
}

/** Today, the supervision list (by department and handler) and the time-limit report. */
export function CaseSupervision() {
  const { api } = useHall();
  const { t } = useI18n();
  // One refresh asks everything on this tab again.
  const [tick, setTick] = useState(0);
  const today = useHubQuery<TodayResult>(() => api.query('hall.today', {}), [api], tick);
  const sup = useHubQuery<SupervisionResult>(() => api.query('cases.supervision', {}), [api], tick);
  const [group, setGroup] = useState<'department' | 'handler'>('department');
  const [filter, setFilter] = useState('');
  const rows = (sup.result?.rows ?? []).filter((r) => !filter || (group === 'department' ? r.departmentName : r.handlerName) === filter);
  const groups = [...new Set((sup.result?.rows ?? []).map((r) => (group === 'department' ? r.departmentName : r.handlerName)))];

  return (
    <>
      {today.result && (
        <section className="card today" aria-label={t('sup.today')}>
          <h2>{t('sup.today')}</h2>
          <dl className="kpis">
            <div>
              <dt>{t('sup.ticketsIssued')}</dt>
              <dd>{today.result.tickets.issued}</dd>
            </div>
            <div>
              <dt>{t('sup.ticketsWaiting')}</dt>
              <dd>{today.result.tickets.waiting}</dd>
            </div>
            <div>
              <dt>{t('sup.avgWait')}</dt>
              <dd>{today.result.tickets.avgWaitMin ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('sup.casesReceived')}</dt>
              <dd>{today.result.cases.received}</dd>
            </div>
            <div>
              <dt>{t('sup.casesConcluded')}</dt>
              <dd>{today.result.cases.concluded}</dd>
            </div>
            <div>
              <dt>{t('sup.casesRunning')}</dt>
              <dd>{today.result.cases.running}</dd>
            </div>
            <div className="yellow">
              <dt>{t('case.signal.yellow')}</dt>
              <dd>{today.result.cases.yellow}</dd>
            </div>
            <div className="red">
              <dt>{t('case.signal.red')}</dt>
              <dd>{today.result.cases.red}</dd>
            </div>
          </dl>
        </section>
      )}
      <section className="card" aria-label={t('sup.title')}>
        <div className="case-head">
          <h2>{t('sup.title')}</h2>
          <span className="muted">{sup.result ? t('sup.asOf', { d: sup.result.today }) : ''}</span>
          <button type="button" className="btn small" onClick={() => setTick(tick + 1)}>
            {t('sup.refresh')}
          </button>
        </div>
        <ErrorLine error={sup.error} />
        {sup.result?.missingYears.map((m) => (
          <p key={m.year} className="alert" role="alert">
            {t('sup.missingYear', { year: m.year, n: m.cases })}
          </p>
        ))}
        <div className="row">
          <label className="inline">
            {t('sup.groupBy')}
            <select value={group} onChange={(e) => (setGroup(e.target.value as 'department' | 'handler'), setFilter(''))}>
              <option value="department">{t('sup.byDepartment')}</option>
              <option value="handler">{t('sup.byHandler')}</option>
            </select>
          </label>
          <label className="inline">
            {t(group === 'department' ? 'sup.department' : 'sup.handler')}
            <select value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="">{t('sup.all')}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
        </div>
        <table className="service-table" aria-label={t('sup.list')}>
          <thead>
            <tr>
              <th>{t('sup.signal')}</th>
              <th>{t('sup.number')}</th>
              <th>{t('case.item')}</th>
              <th>{t('sup.department')}</th>
              <th>{t('sup.handler')}</th>
              <th>{t('case.applicant')}</th>
              <th>{t('sup.promisedDue')}</th>
              <th>{t('sup.daysLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`signal-${r.signal}`}>
                <td>
                  <span className={`badge signal-${r.signal}`}>{t(`case.signal.${r.signal}`)}</span>
                  {r.green && <span className="badge green">{t('case.greenShort')}</span>}
                </td>
                <td className="mono">{r.number}</td>
                <td>{r.itemName}</td>
                <td>{r.departmentName}</td>
                <td>{r.handlerName}</td>
                <td>{r.applicantName}</td>
                <td>
                  {r.promisedDue}
                  {r.overStatutory && <span className="why"> {t('sup.overStatutory')}</span>}
                  {r.partsOverdue > 0 && <span className="why"> {t('sup.partsOverdue', { n: r.partsOverdue })}</span>}
                </td>
                <td>{r.daysLeft < 0 ? t('sup.overdue', { n: -r.daysLeft }) : t('sup.left', { n: r.daysLeft })}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('sup.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {sup.result && <h3 className="subhead">{t('sup.byDepartment')}</h3>}
        {sup.result && (
          <table className="service-table" aria-label={t('sup.byDepartment')}>
            <thead>
              <tr>
                <th>{t('sup.department')}</th>
                <th>{t('sup.casesRunning')}</th>
                <th>{t('case.signal.yellow')}</th>
                <th>{t('case.signal.red')}</th>
              </tr>
            </thead>
            <tbody>
              {sup.result.departments.map((d) => (
                <tr key={d.departmentId}>
                  <td>{d.name}</td>
                  <td>{d.running}</td>
                  <td>{d.yellow}</td>
                  <td>{d.red}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <TimeLimitReport tick={tick} />
    </>
  );
}

/** Average statutory vs promised limits over the catalog, the compression, and what cases really took. */
function TimeLimitReport({ tick }: { tick: number }) {
  const { api } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [year, setYear] = useState(Number(day.slice(0, 4)));
  const report = useHubQuery<ReportResult>(
    () => api.query('cases.report', { from: `${year}-01-01`, to: `${year}-12-31` }),
    [api, year],
    tick,
  );
  const r = report.result;
  return (
    <section className="card" aria-label={t('rep.title')}>
      <div className="case-head">
        <h2>{t('rep.title')}</h2>
        <label className="inline">
          {t('rep.year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
      </div>
      <ErrorLine error={report.error} />
      {r && (
        <>
          <p className="report-line" aria-label={t('rep.compression')}>
            {t('rep.catalogLine', {
              items: r.catalog.items,
              st: r.catalog.avgStatutory ?? '—',
              pr: r.catalog.avgPromised ?? '—',
              pct: r.catalog.compressionPct ?? '—',
            })}
          </p>
          <p className="report-line">
            {r.concluded.cases === 0
              ? t('rep.noCases')
              : t('rep.actualLine', {
                  n: r.concluded.cases,
                  used: r.concluded.avgUsedDays ?? '—',
                  pr: r.concluded.avgPromised ?? '—',
                  st: r.concluded.avgStatutory ?? '—',
                  ok: r.concluded.onTimePct ?? '—',
                })}
          </p>
          {r.joint.cases > 0 && <p className="report-line">{t('rep.jointLine', { n: r.joint.cases, ok: r.joint.onTimePct ?? '—' })}</p>}
          {r.departments.length > 0 && (
            <table className="service-table" aria-label={t('rep.byDepartment')}>
              <thead>
                <tr>
                  <th>{t('sup.department')}</th>
                  <th>{t('rep.cases')}</th>
                  <th>{t('rep.avgUsed')}</th>
                  <th>{t('rep.onTime')}</th>
                </tr>
              </thead>
              <tbody>
                {r.departments.map((d) => (
                  <tr key={d.name}>
                    <td>{d.name}</td>
                    <td>{d.cases}</td>
                    <td>{d.avgUsedDays ?? '—'}</td>
                    <td>{d.onTimePct === null ? '—' : `${d.onTimePct}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
