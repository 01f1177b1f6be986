import { useId, useState, type ComponentType } from 'react';
import { NO_SHOW_RULES, TICKET_STATUSES, type NoShowRule } from '../../../../shared/queue/enums';
import { dayCloseOutcome, hallClockTime, pastClosingTime } from '../../../../shared/queue/rules';
import type { AuditReport } from '../../../../shared/hall/commands';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, hallNow, useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { useDraft } from '../../ui/useDraft';
import { allows, whoMay, type Gated } from './access';
import { StaffAdmin } from './StaffAdmin';
import { Terminals } from './Terminals';
import { BackupPanel } from '../../features/backup/BackupPanel';
import { PackSettings } from '../../features/reports/PackSettings';

/** A part of the settings tab, shown to those the hub lets make its changes. */
interface Section extends Gated {
  id: string;
  component: ComponentType;
}

const SECTIONS: readonly Section[] = [
  { id: 'notice', component: NoticeEditor, staffRoles: whoMay('hall.setNotice') },
  { id: 'queue', component: QueueSettingsForm, staffRoles: whoMay('hall.setQueueSettings') },
  { id: 'day', component: DayClose, staffRoles: whoMay('day.close') },
  { id: 'terminals', component: Terminals, staffRoles: whoMay('terminal.create') },
  { id: 'staff', component: StaffAdmin, staffRoles: whoMay('staff.create') },
  { id: 'audit', component: AuditCheck, staffRoles: whoMay('audit.verify') },
  { id: 'backup', component: BackupPanel, staffRoles: whoMay('backup.run') },
  { id: 'reportPack', component: PackSettings, staffRoles: whoMay('reports.setPackSettings') },
];

/** 管理与设置: the hall's settings; what only the administrator may change says so where it would be. */
export function HallSettingsTab({ staff }: { staff: Row<'staff'> }) {
  const { t } = useI18n();
  const firstHidden = SECTIONS.findIndex((s) => !allows(s, staff.role));
  return SECTIONS.map(({ id, component: Section, ...gate }, i) =>
    allows(gate, staff.role) ? (
      <Section key={id} />
    ) : i === firstHidden ? (
      <p key={id} className="muted">
        {t('mgr.adminOnly')}
      </p>
    ) : null,
  );
}

/** The lobby screens' running notice. */
function NoticeEditor() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const [text, setText] = useDraft(rowById(replica, 'halls', connection.welcome?.hallId)?.notice ?? '');
  const { error, check } = useCommandError();
  const [done, setDone] = useState(false);
  return (
    <form
      className="card notice-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(check(await api.command('hall.setNotice', { text })));
      }}
    >
      <label>
        {t('board.notice')}
        <textarea value={text} maxLength={500} rows={2} onChange={(e) => (setText(e.target.value), setDone(false))} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('board.publish')}
      </button>
      {done && <span className="info">{t('board.published')}</span>}
      <ErrorLine error={error} />
    </form>
  );
}

/** The hall's queue rules, as the manager sets them (validated again at the hub). */
function QueueSettingsForm() {
  const { api } = useHall();
  const { t } = useI18n();
  const [values, setValues] = useDraft(useHallDay(hallNow()).settings);
  const { error, check } = useCommandError();
  const [saved, setSaved] = useState(false);
  const num = (
    key:
      | 'priorityStreak'
      | 'normalStreak'
      | 'noShowAfter'
      | 'recallLimit'
      | 'parkMinutes'
      | 'announceRepeat'
      | 'announceMaxLagSeconds'
      | 'kioskIdleSeconds',
    min: number,
    max: number,
  ) => (
    <label className="inline">
      {t(`qs.${key}`)}
      <input
        type="number"
        min={min}
        max={max}
        value={values[key]}
        onChange={(e) => setValues({ ...values, [key]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <form
      className="card threshold-form"
      aria-label={t('qs.title')}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(check(await api.command('hall.setQueueSettings', values)));
      }}
    >
      <strong>{t('qs.title')}</strong>
      {/* The interleave both ways: 2 then 1 calls two priority tickets per standard one, 1 then 2 the reverse. */}
      {num('priorityStreak', 1, 10)}
      {num('normalStreak', 1, 10)}
      <label className="inline">
        {t('qs.noShowRule')}
        <select value={values.noShowRule} onChange={(e) => setValues({ ...values, noShowRule: e.target.value as NoShowRule })}>
          <Options items={NO_SHOW_RULES} label={(r) => t(`qs.rule.${r}`)} />
        </select>
      </label>
      {num('noShowAfter', 0, 50)}
      {num('recallLimit', 0, 10)}
      {num('parkMinutes', 1, 240)}
      {num('announceRepeat', 1, 3)}
      <label className="inline">
        {t('qs.closingTime')}
        <input type="time" required value={values.closingTime} onChange={(e) => setValues({ ...values, closingTime: e.target.value })} />
      </label>
      {num('announceMaxLagSeconds', 5, 120)}
      {num('kioskIdleSeconds', 15, 600)}
      <button type="submit" className="btn btn-primary small">
        {t('board.save')}
      </button>
      {saved && (
        <span className="info" role="status">
          {t('board.saved')}
        </span>
      )}
      <ErrorLine error={error} />
    </form>
  );
}

/** The most ticket numbers listed per status; the count says the rest. */
const LISTED_NUMBERS = 40;

/**
 * Ends the hall day. Nothing ends on the first click: the board first lists what the close will
 * end (each open ticket status with its numbers and what it becomes, the counters still signed in)
 * and, before the hall's closing time, asks for the reason the hub requires (DAY_NOT_OVER without
 * it) and keeps in the audit log.
 */
function DayClose() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const now = useNow(15_000);
  const { settings, day } = useHallDay(now);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<{ ended: number; signedOut: number } | null>(null);
  const { error, check } = useCommandError();
  const early = !pastClosingTime(now, settings);
  // What the hub's day.close ends: every ticket of today or before not yet in a final state.
  const open = rowsOf(replica, 'tickets').filter((tk) => tk.day <= day && dayCloseOutcome(tk.status) !== null);
  const groups = TICKET_STATUSES.map((status) => ({
    status,
    numbers: open
      .filter((tk) => tk.status === status)
      .map((tk) => tk.number)
      .sort(),
  })).filter((g) => g.numbers.length > 0);
  const counters = rowsOf(replica, 'counters')
    .filter((c) => c.state !== 'closed')
    .sort((a, b) => a.number - b.number);
  const cancel = () => (setConfirming(false), setReason(''));
  const ids = useId();
  return (
    <section className="card day-close" aria-label={t('day.title')}>
      <strong>{t('day.title')}</strong>
      {confirming ? (
        <div className="day-close-preview">
          <p className={early ? 'error' : 'info'}>
            {early
              ? t('day.early', { now: hallClockTime(now, settings.utcOffsetMinutes), closing: settings.closingTime })
              : t('day.afterClosing', { closing: settings.closingTime })}
          </p>
          <p>{t('day.confirm')}</p>
          {groups.length === 0 ? (
            <p className="muted">{t('day.noTickets')}</p>
          ) : (
            <>
              <h4 id={`${ids}-tickets`}>{t('day.tickets', { n: open.length })}</h4>
              <ul aria-labelledby={`${ids}-tickets`}>
                {groups.map(({ status, numbers }) => (
                  <li key={status}>
                    {t('day.group', {
                      status: t(`ticket.status.${status}`),
                      n: numbers.length,
                      becomes: t(`ticket.status.${dayCloseOutcome(status)!.status}`),
                    })}{' '}
                    <span className="numbers">
                      {numbers.slice(0, LISTED_NUMBERS).join(' ')}
                      {numbers.length > LISTED_NUMBERS && ` ${t('day.more', { n: numbers.length - LISTED_NUMBERS })}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {counters.length === 0 ? (
            <p className="muted">{t('day.noCounters')}</p>
          ) : (
            <>
              <h4 id={`${ids}-counters`}>{t('day.counters', { n: counters.length })}</h4>
              <ul aria-labelledby={`${ids}-counters`}>
                {counters.map((c) => (
                  <li key={c.id}>
                    {t('clerk.counter', { n: c.number })} · {rowById(replica, 'staff', c.staff_id)?.name ?? ''} ·{' '}
                    {t(`board.tile.${c.state}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {early && (
            <label>
              {t('day.reason')}
              <textarea value={reason} maxLength={200} rows={2} required onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          <div className="row">
            <button
              type="button"
              className="btn btn-danger"
              disabled={early && reason.trim() === ''}
              onClick={async () => {
                const outcome = await api.command('day.close', early ? { reason: reason.trim() } : {});
                cancel();
                if (check(outcome) && outcome.ok === true) setDone(outcome.result);
              }}
            >
              {t('day.yes', { n: open.length })}
            </button>
            <button type="button" className="btn" onClick={cancel}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => (setConfirming(true), setDone(null))}>
          {t('day.close')}
        </button>
      )}
      {done && <span role="status">{t('day.done', { n: done.ended, c: done.signedOut })}</span>}
      <ErrorLine error={error} />
    </section>
  );
}

/** 责任倒查 starts from a trustworthy log: the manager can check the audit chain at any time. */
function AuditCheck() {
  const { api } = useHall();
  const { t, language } = useI18n();
  const [report, setReport] = useState<AuditReport | null>(null);
  const { error, check } = useCommandError();
  return (
    <section className="card audit-check" aria-label={t('audit.title')}>
      <button
        type="button"
        className="btn"
        onClick={async () => {
          const outcome = await api.command('audit.verify', {});
          if (check(outcome) && outcome.ok === true) setReport(outcome.result.report);
        }}
      >
        {t('audit.verify')}
      </button>
      {report && (
        <div role="status" className={report.ok ? 'info' : 'error'}>
          {report.ok
            ? t('audit.ok', { n: report.rows })
            : // The hub says each problem in Chinese; other languages say its kind and where.
              report.problems.map((p) => (
                <div key={p.message}>{language === 'zh-CN' ? p.message : t(`audit.problem.${p.kind}`, { at: p.at })}</div>
              ))}
        </div>
      )}
      {report?.head && (
        <p className="audit-head">
          {t('audit.head', { t: formatDateTime(report.head.at) })} <code>{`${report.head.id}:${report.head.hash}`}</code>
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
