import { useState, type FormEvent, type ReactNode } from 'react';
import { caseSignal, checkExtension, checkPause, checkStep, STEPS } from '../../../../shared/cases/rules';
import { type StepAction } from '../../../../shared/cases/enums';
import { rowById, rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { type CaseStep } from '../../../../shared/cases/commands';
import { Dialog, ErrorLine, StaffConfirm, useCommandError } from '../../ui/components';
import { hallNow, useHall, useHallDay, useNow } from '../../app/hall';
import { useI18n } from '../../i18n';
import { formatDateTime, parseList } from './caseView';
import { NOTICE_TITLES, NoticeSheet, noticesFor, type NoticeKind } from './Notice';

/** Steps that need words from the clerk, asked in a small dialog. */
type Asking = { kind: 'refuse' | 'deny' | 'requestSupplement' | 'resubmit' | 'pause' | 'extend' };

/** One case: its data, its history, the steps it can take now, and its notices. */
export function CaseDetail({ c, counterId, onClose }: { c: Row<'cases'>; counterId: string; onClose: () => void }) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow(60_000);
  const { day } = useHallDay(now);
  const { error, check } = useCommandError();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [notice, setNotice] = useState<NoticeKind | null>(null);
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
  const state = { status: c.status, paused_kind: c.paused_kind, extension_days: c.extension_days, parts };
  const online = connection.status === 'connected';

  const done = (outcome: CommandOutcome) => {
    if (!check(outcome)) return false;
    setAsking(null);
    setInfo(outcome.ok === 'queued' ? t('case.queued') : null);
    if (outcome.ok === true && 'pausedDays' in outcome.result) setInfo(t('case.pausedTold', { n: outcome.result.pausedDays }));
    return true;
  };
  const step = async (action: CaseStep['action'], more: Record<string, unknown> = {}) =>
    done(await api.command('case.step', { caseId: c.id, counterId, at: hallNow(), action, ...more } as CaseStep));

  const plainSteps = (Object.keys(STEPS) as StepAction[]).filter((a) => checkStep(state, a).ok);
  const askFor: Partial<Record<StepAction, Asking['kind']>> = {
    refuse: 'refuse',
    deny: 'deny',
    requestSupplement: 'requestSupplement',
    resubmit: 'resubmit',
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
                  if (check(r) && r.ok === true) setRevealed(String(r.result.idNumber));
                }}
              >
                {t('case.reveal')}
              </button>
            )}
          </Field>
        )}
        <Field label={t('case.phone')}>{c.phone}</Field>
        {c.ticket_id && <Field label={t('case.ticket')}>{rowById(replica, 'tickets', c.ticket_id)?.number ?? '—'}</Field>}
        {c.agent_name && <Field label={t('case.agent')}>{c.agent_name}</Field>}
        <Field label={t('case.firstClerk')}>{staffName(c.first_clerk_id)}</Field>
        <Field label={t('case.received')}>{formatDateTime(c.received_at)}</Field>
        {c.promised_due && (
          <Field label={t('case.due')}>
            <b>{c.promised_due}</b> {t('case.statutoryDue', { d: c.statutory_due ?? '' })}
            {c.paused_days > 0 && ` · ${t('case.pausedDays', { n: c.paused_days })}`}
            {c.extension_days > 0 && ` · ${t('case.extended', { n: c.extension_days })}`}
          </Field>
        )}
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
        <Field label={t('case.materialsReceived')}>{parseList(c.materials_received).join('、')}</Field>
        {parseList(c.materials_missing).length > 0 && <Field label={t('case.missing')}>{parseList(c.materials_missing).join('、')}</Field>}
      </dl>
      {parts.length > 0 && <h4>{t('case.joint')}</h4>}
      {parts.length > 0 && (
        <table className="service-table" aria-label={t('case.joint')}>
          <tbody>
            {parts.map((p) => (
              <tr key={p.id}>
                <td>{deptName(p.department_id)}</td>
                <td>{p.due_day ?? t('case.daysN', { n: p.limit_days })}</td>
                <td>{t(`case.part.${p.outcome}`)}</td>
                <td>
                  {p.outcome === 'pending' &&
                    (['approved', 'denied'] as const).map((o) => (
                      <button
                        key={o}
                        type="button"
                        className="btn small"
                        aria-label={t(`case.partDo.${o}`, { d: deptName(p.department_id) })}
                        onClick={async () =>
                          done(
                            await api.command('case.decidePart', {
                              caseId: c.id,
                              counterId,
                              at: hallNow(),
                              partId: p.id,
                              outcome: o,
                              note: '',
                            }),
                          )
                        }
                      >
                        {t(`case.part.${o}`)}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        {plainSteps.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${a === 'refuse' || a === 'deny' ? 'btn-danger' : 'btn-primary'}`}
            onClick={() => (askFor[a] ? setAsking({ kind: askFor[a] }) : void step(a as never))}
          >
            {t(`case.step.${a}`)}
          </button>
        ))}
        {checkPause(state).ok && (
          <button type="button" className="btn" onClick={() => setAsking({ kind: 'pause' })}>
            {t('case.pauseClock')}
          </button>
        )}
        {c.paused_kind && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={async () => done(await api.command('case.resume', { caseId: c.id, counterId, at: hallNow() }))}
          >
            {t('case.resume')}
          </button>
        )}
        {checkExtension(state, 1).ok && (
          <button type="button" className="btn" disabled={!online} onClick={() => setAsking({ kind: 'extend' })}>
            {t('case.extend')}
          </button>
        )}
        {noticesFor(c).map((k) => (
          <button key={k} type="button" className="btn" onClick={() => setNotice(k)}>
            {NOTICE_TITLES[k]}
          </button>
        ))}
      </div>
      <ErrorLine error={error} />
      {info && <p className="info">{info}</p>}
      <h4>{t('case.history')}</h4>
      <ol className="case-history">
        {events.map((e) => (
          <li key={e.id}>
            <span className="muted">{formatDateTime(e.at)}</span> {t(`case.event.${e.action}` as never)} · {staffName(e.staff_id)}
          </li>
        ))}
      </ol>
      {asking && (
        <AskDialog
          c={c}
          kind={asking.kind}
          counterId={counterId}
          materials={item ? parseList(item.materials) : []}
          onDone={done}
          onCancel={() => setAsking(null)}
        />
      )}
      {notice && <NoticeSheet c={c} kind={notice} onClose={() => setNotice(null)} />}
    </section>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The words a step needs: a reason, the missing materials, the pause's kind, the extension and its approver. */
function AskDialog(props: {
  c: Row<'cases'>;
  kind: Asking['kind'];
  counterId: string;
  materials: string[];
  onDone: (o: CommandOutcome) => boolean;
  onCancel: () => void;
}) {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const { c, kind, counterId } = props;
  const received = parseList(c.materials_received);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set(kind === 'resubmit' ? parseList(c.materials_missing) : []));
  const [pauseKind, setPauseKind] = useState<'suspend' | 'special'>('special');
  const [days, setDays] = useState(kind === 'extend' ? 10 : 5);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const base = { caseId: c.id, counterId, at: hallNow() };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = [...picked, ...lines];
    const outcome =
      kind === 'refuse' || kind === 'deny'
        ? await api.command('case.step', { ...base, action: kind, reason: text.trim() })
        : kind === 'requestSupplement'
          ? await api.command('case.step', { ...base, action: 'requestSupplement', missing: list })
          : kind === 'resubmit'
            ? await api.command('case.step', { ...base, action: 'resubmit', received: list })
            : kind === 'pause'
              ? await api.command('case.pause', {
                  ...base,
                  kind: pauseKind,
                  reason: text.trim(),
                  expectedDays: pauseKind === 'special' ? days : null,
                })
              : await api.command('case.extend', {
                  caseId: c.id,
                  counterId,
                  days,
                  reason: text.trim(),
                  approver: { login: login.trim(), password },
                });
    if (check(outcome)) props.onDone(outcome);
  };
  const choices =
    kind === 'requestSupplement'
      ? props.materials.filter((m) => !received.includes(m))
      : kind === 'resubmit'
        ? parseList(c.materials_missing)
        : [];
  return (
    <Dialog title={t(`case.ask.${kind}`)} onClose={props.onCancel}>
      <form className="dialog-form" onSubmit={submit} aria-label={t(`case.ask.${kind}`)}>
        {kind === 'pause' && (
          <div className="row">
            {(['special', 'suspend'] as const).map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="pk" checked={pauseKind === k} onChange={() => setPauseKind(k)} />
                {t(`case.pause.${k}`)}
              </label>
            ))}
          </div>
        )}
        {choices.map((m) => (
          <label key={m} className="radio">
            <input
              type="checkbox"
              checked={picked.has(m)}
              onChange={(e) => {
                const next = new Set(picked);
                if (e.target.checked) next.add(m);
                else next.delete(m);
                setPicked(next);
              }}
            />
            {m}
          </label>
        ))}
        <label>
          {t(kind === 'requestSupplement' || kind === 'resubmit' ? 'case.ask.more' : 'case.reason')}
          <textarea autoFocus rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} />
        </label>
        {(kind === 'extend' || (kind === 'pause' && pauseKind === 'special')) && (
          <label>
            {t(kind === 'extend' ? 'case.extendDays' : 'case.expectedDays')}
            <input
              type="number"
              min={1}
              max={kind === 'extend' ? 15 : 365}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          </label>
        )}
        {kind === 'extend' && (
          <fieldset>
            <legend>{t('case.approver')}</legend>
            <StaffConfirm login={login} password={password} onLogin={setLogin} onPassword={setPassword} />
          </fieldset>
        )}
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary">
          {t('q.confirm')}
        </button>
      </form>
    </Dialog>
  );
}
