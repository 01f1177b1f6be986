import { useEffect, useState } from 'react';
import { isCounterOffline } from '../../../../shared/counter/rules';
import { hallAlerts, serviceLoad, type Alert } from '../../../../shared/queue/kpi';
import { rowById, rowsOf, type CommandOutcome, type Row } from '../../../../shared/protocol';
import { ErrorLine, TopBar, useCommandError } from '../../ui/components';
import { formatDuration, formatTime, hallNow, useHall, useHallDay, useNow } from '../../app/hall';
import { useI18n } from '../../i18n';
import { CalendarAdmin, CatalogAdmin } from './CatalogAdmin';
import { CaseSupervision } from './CaseSupervision';
import { ManagerSignIn, SessionBadge, StaffAdmin, useManagerSession } from './ManagerSession';

type TileState = 'open' | 'paused' | 'closed' | 'offline';
const tileState = (c: Row<'counters'>, now: number): TileState => (isCounterOffline(c, now) ? 'offline' : c.state);

/** The live hall board: every counter as a tile, updated as the feed arrives. */
export function ManagerFace() {
  const { connection } = useHall();
  const staff = useManagerSession();
  if (!connection.welcome) return null;
  return staff ? <Board staff={staff} /> : <ManagerSignIn />;
}

function Board({ staff }: { staff: Row<'staff'> }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const counters = rowsOf(replica, 'counters').sort((a, b) => a.number - b.number);
  const [tab, setTab] = useState<'live' | 'cases' | 'catalog' | 'admin'>('live');
  const counts = { open: 0, paused: 0, closed: 0, offline: 0 };
  for (const c of counters) counts[tileState(c, now)]++;
  return (
    <div className="face manager">
      <TopBar title={t('board.title')}>
        <span className="summary" aria-label="summary">
          {(['open', 'paused', 'offline', 'closed'] as const).map((s) => (
            <span key={s} className={`chip chip-${s}`}>
              {t(`board.${s}`)} {counts[s]}
            </span>
          ))}
        </span>
        <SessionBadge staff={staff} />
      </TopBar>
      <main className="board">
        <div role="tablist" className="tabs" aria-label={t('board.title')}>
          {(['live', 'cases', 'catalog', 'admin'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={`tab ${tab === k ? 'active' : ''}`}
              onClick={() => setTab(k)}
            >
              {t(`board.tab.${k}`)}
            </button>
          ))}
        </div>
        {/* Alerts stay on every tab: a manager busy with settings must still see them. */}
        <Alerts now={now} />
        {tab === 'live' ? (
          <>
            <ul className="tiles" aria-label={t('board.title')}>
              {counters.map((c) => (
                <CounterTile key={c.id} counter={c} state={tileState(c, now)} now={now} />
              ))}
            </ul>
            <ServiceTable now={now} />
          </>
        ) : tab === 'cases' ? (
          <CaseSupervision />
        ) : tab === 'catalog' ? (
          <>
            <CatalogAdmin />
            <CalendarAdmin />
          </>
        ) : (
          <>
            <NoticeEditor />
            <QueueSettingsForm />
            <DayClose />
            {staff.role === 'admin' ? (
              <>
                <Terminals />
                <StaffAdmin />
              </>
            ) : (
              <p className="muted">{t('mgr.adminOnly')}</p>
            )}
            <AuditCheck />
          </>
        )}
      </main>
    </div>
  );
}

function CounterTile({ counter, state, now }: { counter: Row<'counters'>; state: TileState; now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const staff = rowById(replica, 'staff', counter.staff_id);
  const held = rowsOf(replica, 'tickets').find((tk) => tk.counter_id === counter.id && (tk.status === 'called' || tk.status === 'serving'));
  const services = rowsOf(replica, 'counter_services')
    .filter((cs) => cs.counter_id === counter.id)
    .sort((a, b) => a.position - b.position)
    .map((cs) => rowById(replica, 'services', cs.service_id)?.name)
    .filter(Boolean);
  return (
    <li className={`tile tile-${state}`} aria-label={`${counter.name} ${t(`board.${state}`)}`}>
      <div className="tile-head">
        <span className="tile-number">{counter.number}</span>
        <span className="tile-state">{t(`board.${state}`)}</span>
      </div>
      <div className="tile-staff">{staff?.name ?? '—'}</div>
      {state === 'paused' && <div className="tile-reason">{counter.pause_reason}</div>}
      {held && (
        <div className={`tile-ticket ${held.status}`}>
          {held.number} · {t(held.status === 'called' ? 'q.called' : 'q.serving')}{' '}
          {formatDuration(now - ((held.status === 'serving' ? held.started_at : held.called_at) ?? now))}
        </div>
      )}
      {counter.state !== 'closed' && counter.state_since && (
        <div className="tile-since">{t('board.for', { d: formatDuration(now - counter.state_since) })}</div>
      )}
      <div className="tile-services">{services.join(' · ')}</div>
    </li>
  );
}

function ServiceTable({ now }: { now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const { tickets } = useHallDay(now);
  const minutes = (ms: number | null) => (ms === null ? '—' : t('board.min', { m: Math.round(ms / 60_000) }));
  const rows = rowsOf(replica, 'services')
    .sort((a, b) => a.sort - b.sort)
    .map((s) => ({
      s,
      load: serviceLoad(
        tickets.filter((tk) => tk.service_id === s.id),
        now,
      ),
      issued: tickets.filter((tk) => tk.service_id === s.id).length,
    }));
  return (
    <section className="card">
      <table className="service-table" aria-label={t('board.services')}>
        <thead>
          <tr>
            <th>{t('board.service')}</th>
            <th>{t('board.waiting')}</th>
            <th>{t('board.longest')}</th>
            <th>{t('board.avgWait')}</th>
            <th>{t('board.issued')}</th>
            <th>{t('board.serviceOpen')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, load, issued }) => (
            <ServiceRow key={s.id} s={s} over={load.longestWaitMs !== null && load.longestWaitMs > s.max_wait_min * 60_000}>
              <td>
                <b>{s.prefix}</b> {s.name}
              </td>
              <td>{load.waiting}</td>
              <td>{minutes(load.longestWaitMs)}</td>
              <td>{minutes(load.averageWaitMs)}</td>
              <td>{issued}</td>
              <td>
                <ServiceSwitch service={s} />
              </td>
            </ServiceRow>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A service's row, with its thresholds editable in place (the board's alerts use them). */
function ServiceRow({ s, over, children }: { s: Row<'services'>; over: boolean; children: React.ReactNode }) {
  const { api } = useHall();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState({
    maxWaitMin: s.max_wait_min,
    maxServiceMin: s.max_service_min,
    queueCap: s.queue_cap,
    dailyCap: s.daily_cap,
  });
  const { error, check } = useCommandError();
  const field = (key: keyof typeof values, label: string) => (
    <label className="inline">
      {label}
      <input
        type="number"
        min={1}
        value={values[key] ?? ''}
        placeholder={t('board.noCap')}
        onChange={(e) => setValues({ ...values, [key]: e.target.value === '' ? null : Number(e.target.value) })}
      />
    </label>
  );
  return (
    <>
      <tr className={over ? 'over' : ''}>
        {children}
        <td>
          <button
            type="button"
            className="btn small"
            aria-expanded={editing}
            aria-label={`${s.name} ${t('board.thresholds')}`}
            onClick={() => setEditing(!editing)}
          >
            {t('board.thresholds')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr className="threshold-row">
          <td colSpan={8}>
            <form
              className="threshold-form"
              onSubmit={async (e) => {
                e.preventDefault();
                const outcome = await api.command('service.update', {
                  serviceId: s.id,
                  maxWaitMin: values.maxWaitMin,
                  maxServiceMin: values.maxServiceMin,
                  queueCap: values.queueCap,
                  dailyCap: values.dailyCap,
                });
                if (check(outcome)) setEditing(false);
              }}
            >
              {field('maxWaitMin', t('board.maxWait'))}
              {field('maxServiceMin', t('board.maxService'))}
              {field('queueCap', t('board.queueCap'))}
              {field('dailyCap', t('board.dailyCap'))}
              <button type="submit" className="btn btn-primary small">
                {t('board.save')}
              </button>
              <ErrorLine error={error} />
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

function ServiceSwitch({ service }: { service: Row<'services'> }) {
  const { api } = useHall();
  const { t } = useI18n();
  const open = service.is_open === 1;
  return (
    <button
      type="button"
      className={`btn small ${open ? '' : 'btn-danger'}`}
      aria-pressed={open}
      aria-label={`${service.name} ${t(open ? 'board.stop' : 'board.resume')}`}
      onClick={() => void api.command('service.update', { serviceId: service.id, open: !open })}
    >
      {t(open ? 'board.stop' : 'board.resume')}
    </button>
  );
}

function Alerts({ now }: { now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const { tickets } = useHallDay(now);
  const counterServices = rowsOf(replica, 'counter_services');
  const counters = rowsOf(replica, 'counters').map((c) => {
    const lastEnd = Math.max(0, ...tickets.filter((tk) => tk.counter_id === c.id && tk.finished_at !== null).map((tk) => tk.finished_at!));
    return {
      ...c,
      idleSince: c.state_since === null ? null : Math.max(c.state_since, lastEnd),
      serviceIds: counterServices.filter((cs) => cs.counter_id === c.id).map((cs) => cs.service_id),
    };
  });
  const services = rowsOf(replica, 'services').map((s) => ({
    id: s.id,
    maxWaitMin: s.max_wait_min,
    maxServiceMin: s.max_service_min,
    queueCap: s.queue_cap,
  }));
  const alerts = hallAlerts({ now, services, counters, tickets });
  const name = (a: Alert) =>
    ('serviceId' in a ? rowById(replica, 'services', a.serviceId)?.name : rowById(replica, 'counters', a.counterId)?.name) ?? '';
  if (alerts.length === 0) return null;
  return (
    <ul className="alerts" aria-label={t('board.alerts')}>
      {alerts.map((a) => (
        <li key={`${a.kind}-${'serviceId' in a ? a.serviceId : a.counterId}`} role="alert" className={`alert alert-${a.kind}`}>
          {t(`alert.${a.kind}`, { name: name(a), m: 'minutes' in a ? a.minutes : '', n: 'waiting' in a ? a.waiting : '' })}
        </li>
      ))}
    </ul>
  );
}

/** The hall's queue rules, as the manager sets them (validated again at the hub). */
function QueueSettingsForm() {
  const { api } = useHall();
  const { t } = useI18n();
  const { settings: current } = useHallDay(hallNow());
  const [values, setValues] = useState(current);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const stored = JSON.stringify(current);
  useEffect(() => setValues(JSON.parse(stored) as typeof current), [stored]);
  const num = (key: 'priorityStreak' | 'noShowAfter' | 'recallLimit' | 'parkMinutes' | 'announceRepeat', min: number, max: number) => (
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
        const outcome = await api.command('hall.setQueueSettings', values);
        setMessage(outcome.ok === false ? { ok: false, text: outcome.error.message } : { ok: true, text: t('board.saved') });
      }}
    >
      <strong>{t('qs.title')}</strong>
      {num('priorityStreak', 1, 10)}
      <label className="inline">
        {t('qs.noShowRule')}
        <select
          value={values.noShowRule}
          onChange={(e) => setValues({ ...values, noShowRule: e.target.value as typeof values.noShowRule })}
        >
          {(['after', 'front', 'cancel'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`qs.rule.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {num('noShowAfter', 0, 50)}
      {num('recallLimit', 0, 10)}
      {num('parkMinutes', 1, 240)}
      {num('announceRepeat', 1, 3)}
      <button type="submit" className="btn btn-primary small">
        {t('board.save')}
      </button>
      {message && (
        <span className={message.ok ? 'info' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </form>
  );
}

/** Ends the hall day: asks first, then says how many open tickets were ended. */
function DayClose() {
  const { api } = useHall();
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
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
              setMessage(
                outcome.ok === true
                  ? t('day.done', { n: String((outcome.result as { ended: number }).ended) })
                  : outcome.ok === false
                    ? outcome.error.message
                    : null,
              );
            }}
          >
            {t('day.yes')}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t('clerk.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => setConfirming(true)}>
          {t('day.close')}
        </button>
      )}
      {message && <span role="status">{message}</span>}
    </section>
  );
}

/**
 * The hall's terminals: add one (its one-time code is shown here once, to be typed on the new
 * PC), give a new code, or revoke one at once.
 */
function Terminals() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const terminals = rowsOf(replica, 'terminals').sort((a, b) => a.created_at - b.created_at);
  const counters = rowsOf(replica, 'counters').sort((a, b) => a.number - b.number);
  const [draft, setDraft] = useState({ role: 'display' as Row<'terminals'>['role'], name: '', counterId: '', zone: '' });
  const [issued, setIssued] = useState<{ name: string; code: string; expiresAt: number } | null>(null);
  const { error, check } = useCommandError();
  const show = (outcome: CommandOutcome) => {
    if (check(outcome) && outcome.ok === true) {
      const r = outcome.result as { terminal: { name: string }; code?: string; expiresAt?: number };
      setIssued(r.code && r.expiresAt ? { name: r.terminal.name, code: r.code, expiresAt: r.expiresAt } : null);
    }
  };
  const needsCounter = draft.role === 'clerk' || draft.role === 'evaluator';
  return (
    <section className="card terminals" aria-label={t('term.title')}>
      <h2>{t('term.title')}</h2>
      {issued && (
        <p className="enroll-code" role="status">
          {t('term.code', { name: issued.name })} <strong>{issued.code}</strong> {t('term.until', { t: formatTime(issued.expiresAt) })}
          {connection.welcome?.tlsFingerprint && (
            <span className="fingerprint"> {t('term.fingerprint', { f: connection.welcome.tlsFingerprint })}</span>
          )}
        </p>
      )}
      <ErrorLine error={error} />
      <table className="service-table">
        <tbody>
          {terminals.map((tm) => (
            <tr key={tm.id} className={tm.revoked_at ? 'revoked' : ''}>
              <td>{tm.name}</td>
              <td>{t(`role.${tm.role}`)}</td>
              <td>{rowById(replica, 'counters', tm.counter_id)?.name ?? tm.zone}</td>
              <td>{tm.revoked_at ? t('term.revoked') : ''}</td>
              <td>
                {!tm.revoked_at && tm.id !== connection.welcome?.terminalId && (
                  <>
                    <button
                      type="button"
                      className="btn small"
                      aria-label={`${tm.name} ${t('term.newCode')}`}
                      onClick={async () => show(await api.command('terminal.newCode', { terminalId: tm.id }))}
                    >
                      {t('term.newCode')}
                    </button>{' '}
                    <button
                      type="button"
                      className="btn small btn-danger"
                      aria-label={`${tm.name} ${t('term.revoke')}`}
                      onClick={async () =>
                        window.confirm(t('term.confirmRevoke', { name: tm.name })) &&
                        show(await api.command('terminal.revoke', { terminalId: tm.id }))
                      }
                    >
                      {t('term.revoke')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="threshold-form"
        aria-label={t('term.add')}
        onSubmit={async (e) => {
          e.preventDefault();
          show(
            await api.command('terminal.create', {
              role: draft.role,
              name: draft.name.trim(),
              counterId: needsCounter ? draft.counterId || null : null,
              zone: draft.zone.trim(),
            }),
          );
        }}
      >
        <label className="inline">
          {t('setup.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as typeof draft.role })}>
            {(['clerk', 'kiosk', 'display', 'evaluator', 'manager'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('term.name')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={60} />
        </label>
        {needsCounter ? (
          <label className="inline">
            {t('term.counter')}
            <select value={draft.counterId} onChange={(e) => setDraft({ ...draft, counterId: e.target.value })} required>
              <option value="" />
              {counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="inline">
            {t('term.zone')}
            <input value={draft.zone} onChange={(e) => setDraft({ ...draft, zone: e.target.value })} maxLength={40} />
          </label>
        )}
        <button type="submit" className="btn btn-primary small">
          {t('term.add')}
        </button>
      </form>
    </section>
  );
}

/** 责任倒查 starts from a trustworthy log: the manager can check the audit chain at any time. */
function AuditCheck() {
  const { api } = useHall();
  const { t } = useI18n();
  const [report, setReport] = useState<{ ok: boolean; rows: number; problems: { message: string }[] } | null>(null);
  const { error, check } = useCommandError();
  return (
    <section className="card audit-check" aria-label={t('audit.title')}>
      <button
        type="button"
        className="btn"
        onClick={async () => {
          const outcome = await api.command('audit.verify', {});
          if (check(outcome) && outcome.ok === true) setReport((outcome.result as { report: NonNullable<typeof report> }).report);
        }}
      >
        {t('audit.verify')}
      </button>
      {report && (
        <div role="status" className={report.ok ? 'info' : 'error'}>
          {report.ok ? t('audit.ok', { n: report.rows }) : report.problems.map((p) => <div key={p.message}>{p.message}</div>)}
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

function NoticeEditor() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const current = rowById(replica, 'halls', connection.welcome?.hallId)?.notice ?? '';
  const [text, setText] = useState(current);
  const { error, check } = useCommandError();
  const [done, setDone] = useState(false);
  useEffect(() => setText(current), [current]);
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
