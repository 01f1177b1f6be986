import { useState, type ComponentType } from 'react';
import { NO_SHOW_RULES, type NoShowRule } from '../../../../shared/queue/enums';
import type { AuditReport } from '../../../../shared/hall/commands';
import { rowById, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, hallNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Options } from '../../ui/Options';
import { useDraft } from '../../ui/useDraft';
import { allows, whoMay, type Gated } from './access';
import { StaffAdmin } from './StaffAdmin';
import { Terminals } from './Terminals';

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
    key: 'priorityStreak' | 'normalStreak' | 'noShowAfter' | 'recallLimit' | 'parkMinutes' | 'announceRepeat',
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

/** Ends the hall day: asks first, then says how many open tickets were ended. */
function DayClose() {
  const { api } = useHall();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [ended, setEnded] = useState<number | null>(null);
  const { error, check } = useCommandError();
  return (
    <section className="card audit-check" aria-label={t('day.title')}>
      {confirming ? (
        <>
          <span className="error">{t('day.confirm')}</span>
          <button
            type="button"
            className="btn btn-danger"
            onClick={async () => {
              const outcome = await api.command('day.close', {});
              setConfirming(false);
              if (check(outcome) && outcome.ok === true) setEnded(outcome.result.ended);
            }}
          >
            {t('day.yes')}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t('app.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          {t('day.close')}
        </button>
      )}
      {ended !== null && <span role="status">{t('day.done', { n: ended })}</span>}
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
