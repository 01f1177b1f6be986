import { useState } from 'react';
import {
  caseSignal,
  checkDuty,
  checkExtension,
  checkPartTaker,
  checkPause,
  checkStep,
  DECIDED,
  heldDuties,
  standardFee,
} from '../../../../shared/cases/rules';
import { STEP_ACTIONS, type StepAction } from '../../../../shared/cases/enums';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { rowById, rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatDateTime, hallNow, useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { Field } from '../../ui/Field';
import { AskDialog, isAskedStep, type AskKind } from './AskDialog';
import { isCaseEventAction, parseList } from './caseView';
import { NoticeSheet } from './Notice';
import { SendBack } from '../proxy/SendBack';
import { SEND_BACK_STATUSES } from '../../../../shared/proxy/enums';

/**
 * One case: its data, its history, the steps it can take now, and its notices as issued. The steps
 * offered are those the clerk signed in here (`staffId`) may take by the hall's separation of
 * duties; the others are named, for someone else to take (the hub decides either way).
 */
export function CaseDetail({
  c,
  counterId,
  staffId,
  onClose,
}: {
  c: Row<'cases'>;
  counterId: string;
  staffId: string;
  onClose: () => void;
}) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow(60_000);
  const { day } = useHallDay(now);
  const { error, check } = useCommandError();
  const [asking, setAsking] = useState<AskKind | 'sendBack' | null>(null);
  const [noticeId, setNoticeId] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const item = rowById(replica, 'catalog_items', c.item_id);
  const parts = rowsOf(replica, 'case_parts').filter((p) => p.case_id === c.id);
  const events = rowsOf(replica, 'case_events')
    .filter((e) => e.case_id === c.id)
    .sort((a, b) => a.at - b.at);
  const staffName = (id: string | null) => (id ? (rowById(replica, 'staff', id)?.name ?? id) : '—');
  const deptName = (id: string) => rowById(replica, 'departments', id)?.name ?? id;
  const signal = caseSignal(c, day);
  const state = { status: c.status, paused_kind: c.paused_kind, extension_days: c.extension_days, parts, proxy_id: c.proxy_id };
  const online = connection.status === 'connected';
  const { steps: duties } = parseCaseSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.case_settings ?? '{}');
  const me = rowById(replica, 'staff', staffId);
  const taker = {
    id: staffId,
    duties: heldDuties(rowsOf(replica, 'staff_duties'), staffId),
    head: rowById(replica, 'departments', c.department_id)?.head_staff_id === staffId,
  };
  // A proxy case is not refused (checkStep) but sent back to its point with the reason (退回代办件).
  const possible = STEP_ACTIONS.filter((a) => checkStep(state, a).ok);
  const mine = possible.filter((a) => checkDuty(duties, a, taker, c).ok);
  const others = possible.filter((a) => !mine.includes(a));
  /** A joint part is its department's to decide, and never the first clerk's. */
  const mayDecide = (p: Row<'case_parts'>) => me?.department_id === p.department_id && checkPartTaker(c.first_clerk_id, staffId).ok;
  const notices = rowsOf(replica, 'case_notices')
    .filter((n) => n.case_id === c.id)
    .sort((a, b) => a.issued_at - b.issued_at || a.seq - b.seq);
  const notice = notices.find((n) => n.id === noticeId);
  const list = (items: string[]) => items.join(t('list.separator'));

  const done = (outcome: CommandOutcome) => {
    if (!check(outcome)) return false;
    setAsking(null);
    setInfo(outcome.ok === 'queued' ? t('case.queued') : null);
    if (outcome.ok === true && 'pausedDays' in outcome.result) setInfo(t('case.pausedTold', { n: outcome.result.pausedDays }));
    return true;
  };
  const base = () => ({ caseId: c.id, counterId, at: hallNow() });
  const take = async (action: StepAction) => {
    if (isAskedStep(action)) setAsking(action);
    else done(await api.command('case.step', { ...base(), action }));
  };

  return (
    <section className={`card case-detail signal-${signal}`} aria-label={t('case.detail', { n: c.number })}>
      <div className="case-head">
        <h3>{c.number}</h3>
        <span className={`badge signal-${signal}`}>{t(`case.signal.${signal}`)}</span>
        <span className="badge">{t(`case.status.${c.status}`)}</span>
        {c.green === 1 && <span className="badge green">{t('case.greenShort')}</span>}
        <button type="button" className="btn small" onClick={onClose}>
          {t('case.back')}
        </button>
      </div>
      <dl className="case-fields">
        <Field label={t('case.item')}>{item?.name}</Field>
        <Field label={t('case.applicant')}>
          {c.applicant_name}
          {c.credit_code && ` · ${c.credit_code}`}
        </Field>
        {c.id_masked && (
          <Field label={t('case.idNumber')}>
            <span className="mono">{revealed ?? c.id_masked}</span>{' '}
            {!revealed && (
              <button
                type="button"
                className="btn small"
                disabled={!online}
                onClick={async () => {
                  const r = await api.command('case.revealId', { caseId: c.id, counterId });
                  if (check(r) && r.ok === true) setRevealed(r.result.idNumber);
                }}
              >
                {t('case.reveal')}
              </button>
            )}
          </Field>
        )}
        <Field label={t('case.phone')}>{c.phone}</Field>
        {c.ticket_id && <Field label={t('case.ticket')}>{rowById(replica, 'tickets', c.ticket_id)?.number ?? '—'}</Field>}
        {c.origin_hall_name && (
          <Field label={t('pxd.origin')}>{t('pxd.originLine', { hall: c.origin_hall_name, agent: c.agent_name ?? '—' })}</Field>
        )}
        {c.proxy_refusal && (
          <Field label={t('pxd.sentBack')}>
            {t(`proxy.reason.${c.proxy_refusal}`)}
            {/* The words are the decision's reason too (shown below) when the hub recorded them there. */}
            {c.proxy_refusal_text && c.proxy_refusal_text !== c.decision_reason && ` · ${c.proxy_refusal_text}`}
          </Field>
        )}
        {c.agent_name && !c.origin_hall_name && <Field label={t('case.agent')}>{c.agent_name}</Field>}
        <Field label={t('case.firstClerk')}>{staffName(c.first_clerk_id)}</Field>
        <Field label={t('case.received')}>{formatDateTime(c.received_at)}</Field>
        {c.promised_due && (
          <Field label={t('case.due')}>
            <b>{c.promised_due}</b> {t('case.statutoryDue', { d: c.statutory_due ?? '' })}
            {c.paused_days > 0 && ` · ${t('case.pausedDays', { n: c.paused_days })}`}
            {c.extension_days > 0 && ` · ${t('case.extended', { n: c.extension_days })}`}
          </Field>
        )}
        {c.delivery_due && DECIDED.includes(c.status) && <Field label={t('case.deliveryDue')}>{c.delivery_due}</Field>}
        {c.calendar_warning && (
          <Field label={t('case.calendar')}>
            <span className="why">{t('case.calendarWarning', { years: c.calendar_warning })}</span>
          </Field>
        )}
        {c.paused_kind && (
          <Field label={t('case.paused')}>
            {t(`case.pause.${c.paused_kind}`)} · {t('case.since', { d: c.paused_since ?? '' })}
          </Field>
        )}
        {c.decision_reason && <Field label={t('case.reason')}>{c.decision_reason}</Field>}
        <Field label={t('case.materialsReceived')}>{list(parseList(c.materials_received))}</Field>
        {parseList(c.materials_missing).length > 0 && <Field label={t('case.missing')}>{list(parseList(c.materials_missing))}</Field>}
      </dl>
      {parts.length > 0 && <h4>{t('case.joint')}</h4>}
      {parts.length > 0 && (
        <DataTable
          label={t('case.joint')}
          rows={parts}
          rowKey={(p) => p.id}
          columns={[
            { rowHeader: true, cell: (p) => deptName(p.department_id) },
            { cell: (p) => p.due_day ?? t('case.daysN', { n: p.limit_days }) },
            { cell: (p) => t(`case.part.${p.outcome}`) },
            {
              cell: (p) =>
                p.outcome === 'pending' &&
                mayDecide(p) &&
                (['approved', 'denied'] as const).map((o) => (
                  <button
                    key={o}
                    type="button"
                    className="btn small"
                    aria-label={t(`case.partDo.${o}`, { d: deptName(p.department_id) })}
                    onClick={async () => done(await api.command('case.decidePart', { ...base(), partId: p.id, outcome: o, note: '' }))}
                  >
                    {t(`case.part.${o}`)}
                  </button>
                )),
            },
          ]}
        />
      )}
      <div className="actions">
        {mine.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${a === 'refuse' || a === 'deny' ? 'btn-danger' : 'btn-primary'}`}
            onClick={() => void take(a)}
          >
            {t(`case.step.${a}`)}
          </button>
        ))}
        {checkPause(state).ok && (
          <button type="button" className="btn" onClick={() => setAsking('pause')}>
            {t('case.pauseClock')}
          </button>
        )}
        {c.paused_kind && (
          <button type="button" className="btn btn-primary" onClick={async () => done(await api.command('case.resume', base()))}>
            {t('case.resume')}
          </button>
        )}
        {checkExtension(state, 1).ok && (
          <button type="button" className="btn" disabled={!online} onClick={() => setAsking('extend')}>
            {t('case.extend')}
          </button>
        )}
        {c.proxy_id && SEND_BACK_STATUSES.includes(c.status) && (
          <button type="button" className="btn btn-danger" disabled={!online} onClick={() => setAsking('sendBack')}>
            {t('pxd.sendBack')}
          </button>
        )}
        {notices.map((n) => (
          <button key={n.id} type="button" className="btn" onClick={() => setNoticeId(n.id)}>
            {`${t(`notice.${n.kind}`)} ${n.number}`}
          </button>
        ))}
      </div>
      {others.length > 0 && (
        <p className="muted">{t('case.othersTake', { steps: others.map((a) => t(`case.step.${a}`)).join(t('list.separator')) })}</p>
      )}
      <ErrorLine error={error} />
      {info && <p className="info">{info}</p>}
      <h4>{t('case.history')}</h4>
      <ol className="case-history">
        {events.map((e) => (
          <li key={e.id}>
            <span className="muted">{formatDateTime(e.at)}</span> {isCaseEventAction(e.action) ? t(`case.event.${e.action}`) : e.action} ·{' '}
            {staffName(e.staff_id)}
          </li>
        ))}
      </ol>
      {asking === 'sendBack' && <SendBack c={c} counterId={counterId} onDone={done} onCancel={() => setAsking(null)} />}
      {asking && asking !== 'sendBack' && (
        <AskDialog
          c={c}
          kind={asking}
          counterId={counterId}
          materials={item ? parseList(item.materials) : []}
          standardFeeCents={standardFee(c.status, item?.fee_cents ?? 0)}
          onDone={done}
          onCancel={() => setAsking(null)}
        />
      )}
      {notice && <NoticeSheet notice={notice} onClose={() => setNoticeId(null)} />}
    </section>
  );
}
