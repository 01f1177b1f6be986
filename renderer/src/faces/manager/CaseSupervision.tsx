import { useMemo, useState } from 'react';
import { RUNNING } from '../../../../shared/cases/rules';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { hallNow } from '../../app/time';
import { ErrorLine as ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { useNow } from '../../app/time';
import type { SupervisionRow } from '../../../../shared/cases/queries';
import type { QueryResult } from '../../../../shared/protocol';
import { useI18n, type Key } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Options } from '../../ui/Options';
import { useHubQuery } from '../../app/useHubQuery';

/** The queries of this tab that take no parameters. */
const NONE = {};

/** Today, the supervision list (by department and handler) and the time-limit report. */
export function CaseSupervision() {
  const { t } = useI18n();
  // One refresh asks everything on this tab again.
  const [tick, setTick] = useState(0);
  const today = useHubQuery('hall.today', NONE, tick);
  const sup = useHubQuery('cases.supervision', NONE, tick);
  const [group, setGroup] = useState<'department' | 'handler'>('department');
  const [filter, setFilter] = useState('');
  const rows = (sup.result?.rows ?? []).filter((r) => !filter || (group === 'department' ? r.departmentName : r.handlerName) === filter);
  const groups = [...new Set((sup.result?.rows ?? []).map((r) => (group === 'department' ? r.departmentName : r.handlerName)))];

  return (
    <>
      {today.result && <TodayKpis today={today.result} />}
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
              <Options items={groups} label={(g) => g} />
            </select>
          </label>
        </div>
        <DataTable
          label={t('sup.list')}
          rows={rows}
          rowKey={(r) => r.id}
          rowClass={(r) => `signal-${r.signal}`}
          empty={t('sup.none')}
          columns={[
            {
              header: t('sup.signal'),
              cell: (r) => (
                <>
                  <span className={`badge signal-${r.signal}`}>{t(`case.signal.${r.signal}`)}</span>
                  {r.green && <span className="badge green">{t('case.greenShort')}</span>}
                </>
              ),
            },
            { header: t('sup.number'), className: 'mono', cell: (r) => r.number },
            { header: t('case.item'), cell: (r) => r.itemName },
            { header: t('sup.department'), cell: (r) => r.departmentName },
            { header: t('sup.handler'), cell: (r) => r.handlerName },
            { header: t('case.applicant'), cell: (r) => r.applicantName },
            {
              header: t('sup.promisedDue'),
              cell: (r) => (
                <>
                  {r.promisedDue ?? '—'}
                  {r.overStatutory && <span className="why"> {t('sup.overStatutory')}</span>}
                  {r.partsOverdue > 0 && <span className="why"> {t('sup.partsOverdue', { n: r.partsOverdue })}</span>}
                </>
              ),
            },
            {
              header: t('sup.daysLeft'),
              cell: (r) =>
                r.daysLeft === null ? '—' : r.daysLeft < 0 ? t('sup.overdue', { n: -r.daysLeft }) : t('sup.left', { n: r.daysLeft }),
            },
            { header: t('sup.flags'), cell: (r) => <Flags r={r} /> },
          ]}
        />
        {sup.result && <h3 className="subhead">{t('sup.byDepartment')}</h3>}
        {sup.result && (
          <DataTable
            label={t('sup.byDepartment')}
            rows={sup.result.departments}
            rowKey={(d) => d.departmentId}
            columns={[
              { header: t('sup.department'), cell: (d) => d.name },
              { header: t('sup.casesRunning'), cell: (d) => d.running },
              { header: t('case.signal.yellow'), cell: (d) => d.yellow },
              { header: t('case.signal.red'), cell: (d) => d.red },
            ]}
          />
        )}
      </section>
      <JointParts />
      <TimeLimitReport tick={tick} />
    </>
  );
}

const yuan = (cents: number) => (cents / 100).toFixed(2);

/**
 * What else supervision notes on a case: where it came from by proxy (全程代办, from the board's
 * replica of the case), a pause, 补正 notices, a late decision's card, the fee, the delivery due day.
 */
function Flags({ r }: { r: SupervisionRow }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const origin = rowById(replica, 'cases', r.id)?.origin_hall_name;
  return (
    <span className="flags">
      {origin && <span className="badge proxy-origin">{t('pxd.originShort', { hall: origin })}</span>}
      {r.paused && <span className="badge signal-paused">{t('sup.paused', { kind: t(`case.event.${r.paused}`) })}</span>}
      {r.card && <span className={`badge signal-${r.card}`}>{t(`sup.card.${r.card}`, { n: r.lateDays ?? 0 })}</span>}
      {r.supplements > 1 && <span className="why">{t('sup.supplements', { n: r.supplements })}</span>}
      {r.lateNotice && <span className="why">{t('sup.lateNotice')}</span>}
      {r.fee && <span className="why">{t('sup.fee', { charged: yuan(r.fee.chargedCents), standard: yuan(r.fee.standardCents) })}</span>}
      {r.selfApproved && <span className="why">{t('sup.selfApproved')}</span>}
      {r.deliveryDue && <span>{t('sup.deliveryDue', { d: r.deliveryDue })}</span>}
    </span>
  );
}

/**
 * Joint parts waiting for their department's opinion (联审). A part is decided by a member of its
 * department at their counter; when none can, the manager or administrator signed in here decides
 * it for the department, and the case's history says so.
 */
function JointParts() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const name = (table: 'departments' | 'catalog_items', id: string) => rowById(replica, table, id)?.name ?? id;
  const pending = rowsOf(replica, 'case_parts')
    .filter((p) => p.outcome === 'pending')
    .flatMap((p) => {
      const c = rowById(replica, 'cases', p.case_id);
      return c && RUNNING.includes(c.status) && !c.paused_kind ? [{ p, c }] : [];
    })
    .sort((a, b) => (a.p.due_day ?? '9').localeCompare(b.p.due_day ?? '9'));
  const decide = async (partId: string, caseId: string, outcome: 'approved' | 'denied') =>
    check(await api.command('case.decidePart', { caseId, counterId: null, at: hallNow(), partId, outcome, note: '' }));
  return (
    <section className="card" aria-label={t('sup.parts')}>
      <h2>{t('sup.parts')}</h2>
      <p className="muted">{t('sup.partsHint')}</p>
      <ErrorLine error={error} />
      <DataTable
        label={t('sup.parts')}
        rows={pending}
        rowKey={({ p }) => p.id}
        empty={t('sup.partsNone')}
        columns={[
          { header: t('sup.number'), className: 'mono', rowHeader: true, cell: ({ c }) => c.number },
          { header: t('case.item'), cell: ({ c }) => name('catalog_items', c.item_id) },
          { header: t('sup.partDepartment'), cell: ({ p }) => name('departments', p.department_id) },
          { header: t('sup.partDue'), cell: ({ p }) => p.due_day ?? '—' },
          {
            header: t('sup.partDecide'),
            cell: ({ p, c }) =>
              (['approved', 'denied'] as const).map((o) => (
                <button
                  key={o}
                  type="button"
                  className="btn small"
                  aria-label={t(`sup.partFor.${o}`, { d: name('departments', p.department_id), n: c.number })}
                  onClick={() => void decide(p.id, c.id, o)}
                >
                  {t(`case.part.${o}`)}
                </button>
              )),
          },
        ]}
      />
    </section>
  );
}

/** The day so far, at a glance. */
function TodayKpis({ today }: { today: QueryResult<'hall.today'> }) {
  const { t } = useI18n();
  // A rate with its count beside it; a count alone while the rate has no whole.
  const share = (pct: number | null, n: number, alone: number | string = '—') => (pct === null ? alone : t('board.share', { p: pct, n }));
  const kpis: [Key, number | string, string?][] = [
    ['sup.ticketsIssued', today.tickets.issued],
    ['sup.ticketsWaiting', today.tickets.waiting],
    ['sup.avgWait', today.tickets.avgWaitMin ?? '—'],
    ['q.today.serviceLevel', share(today.tickets.serviceLevelPct, today.tickets.called)],
    ['q.today.noShows', share(today.tickets.noShowPct, today.tickets.noShow, today.tickets.noShow)],
    ['q.today.avgService', today.tickets.avgServiceMin ?? '—'],
    ['q.today.uncalled', today.tickets.uncalled],
    ['sup.casesReceived', today.cases.received],
    ['sup.casesConcluded', today.cases.concluded],
    ['sup.casesRunning', today.cases.running],
    ['case.signal.yellow', today.cases.yellow, 'yellow'],
    ['case.signal.red', today.cases.red, 'red'],
  ];
  return (
    <section className="card today" aria-label={t('sup.today')}>
      <h2>{t('sup.today')}</h2>
      <dl className="kpis">
        {kpis.map(([label, value, className]) => (
          <div key={label} className={className}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Average statutory vs promised limits over the catalog, the compression, and what cases really took. */
function TimeLimitReport({ tick }: { tick: number }) {
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [year, setYear] = useState(Number(day.slice(0, 4)));
  const report = useHubQuery(
    'cases.report',
    useMemo(() => ({ from: `${year}-01-01`, to: `${year}-12-31` }), [year]),
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
          <p className="report-line">
            {t('rep.population', { from: r.from, to: r.to })}
            {r.otherUnits > 0 && ` ${t('rep.otherUnits', { n: r.otherUnits })}`}
          </p>
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
            <DataTable
              label={t('rep.byDepartment')}
              rows={r.departments}
              rowKey={(d) => d.name}
              columns={[
                { header: t('sup.department'), cell: (d) => d.name },
                { header: t('rep.cases'), cell: (d) => d.cases },
                { header: t('rep.avgUsed'), cell: (d) => d.avgUsedDays ?? '—' },
                { header: t('rep.onTime'), cell: (d) => (d.onTimePct === null ? '—' : `${d.onTimePct}%`) },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
