import { useEffect, useState, type FormEvent } from 'react';
import { PRIORITIES, type Priority } from '../../../../shared/queue/enums';
import { isWaiting, numberedBy } from '../../../../shared/queue/rules';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatTime, useNow } from '../../app/time';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { StaffConfirm } from '../../ui/SignInForm';

interface Issued {
  number: string;
  serviceName: string;
  ahead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: number;
}

/** How long a printed ticket stays on screen before the kiosk is ready for the next person. */
const TICKET_SCREEN_MS = 20_000;

/** The ticket kiosk: big touch targets, plain words, and a plain "why not" when a service is unavailable. */
export default function KioskFace() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [service, setService] = useState<Row<'services'> | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const { day, tickets } = useHallDay(now);
  const dayClosed = rowsOf(replica, 'hall_days').some((d) => d.day === day && d.closed_at !== null);
  const reset = () => (setDepartmentId(null), setSearch(''), setService(null), setIssued(null));

  useEffect(() => {
    if (!issued) return;
    const id = setTimeout(reset, TICKET_SCREEN_MS);
    return () => clearTimeout(id);
  }, [issued]);

  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const services = rowsOf(replica, 'services')
    .filter((s) =>
      search
        ? s.name.includes(search.trim()) || rowById(replica, 'departments', s.department_id)?.name.includes(search.trim())
        : s.department_id === departmentId,
    )
    .sort((a, b) => a.sort - b.sort);
  const waiting = (sid: string) => tickets.filter((tk) => tk.service_id === sid && isWaiting(tk, now)).length;
  const openCounters = (sid: string) =>
    rowsOf(replica, 'counter_services').filter(
      (cs) => cs.service_id === sid && rowById(replica, 'counters', cs.counter_id)?.state === 'open',
    ).length;
  const unavailable = (s: Row<'services'>): string | null =>
    dayClosed
      ? t('kiosk.dayClosed')
      : !s.is_open
        ? t('kiosk.closed')
        : s.daily_cap !== null && tickets.filter((tk) => numberedBy(tk.number, s.prefix)).length >= s.daily_cap
          ? t('kiosk.full')
          : null;

  return (
    <div className="face kiosk">
      <header className="kiosk-head">
        <h1>{hall?.name ?? ''}</h1>
        <span className="kiosk-title">{t('kiosk.title')}</span>
        <time>{formatTime(now)}</time>
        <LanguageToggle />
      </header>
      {connection.status !== 'connected' && connection.welcome && (
        <p className="kiosk-offline" role="alert">
          {t('kiosk.offline')}
        </p>
      )}
      <main className="kiosk-main">
        {issued ? (
          <TicketView issued={issued} hallName={hall?.name ?? ''} onDone={reset} />
        ) : service ? (
          <IssueForm service={service} onIssued={setIssued} onBack={() => setService(null)} />
        ) : (
          <>
            <input
              className="kiosk-search"
              type="search"
              placeholder={t('kiosk.search')}
              aria-label={t('kiosk.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {!departmentId && !search ? (
              <ul className="kiosk-grid" aria-label={t('kiosk.departments')}>
                {departments.map((d) => (
                  <li key={d.id}>
                    <button type="button" className="kiosk-tile" onClick={() => setDepartmentId(d.id)}>
                      {d.name}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <>
                <div className="kiosk-crumb">
                  <button type="button" className="btn kiosk-back" onClick={reset}>
                    ‹ {t('kiosk.back')}
                  </button>
                  <h2>{search ? t('kiosk.results', { q: search.trim() }) : rowById(replica, 'departments', departmentId)?.name}</h2>
                </div>
                <ul className="kiosk-grid" aria-label={t('kiosk.services')}>
                  {services.map((s) => {
                    const why = unavailable(s);
                    return (
                      <li key={s.id}>
                        <button
                          type="button"
                          className="kiosk-tile service"
                          disabled={!!why || connection.status !== 'connected'}
                          onClick={() => setService(s)}
                          aria-label={`${s.name} ${why ?? t('kiosk.waitingN', { n: waiting(s.id) })}`}
                        >
                          <span className="svc-name">{s.name}</span>
                          <span className="svc-info">
                            {why ?? (openCounters(s.id) ? t('kiosk.waitingN', { n: waiting(s.id) }) : t('kiosk.noWindow'))}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                  {services.length === 0 && <li className="muted">{t('kiosk.noMatch')}</li>}
                </ul>
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function IssueForm({ service, onIssued, onBack }: { service: Row<'services'>; onIssued: (i: Issued) => void; onBack: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const [priority, setPriority] = useState<Priority>('normal');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { error, check } = useCommandError();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await api.command('ticket.issue', {
      serviceId: service.id,
      priority,
      confirm: priority === 'normal' ? null : { login, password },
    });
    setBusy(false);
    if (!check(outcome) || outcome.ok !== true) return;
    const r = outcome.result;
    onIssued({
      number: r.ticket.number,
      serviceName: service.name,
      ahead: r.ahead,
      estimatedWaitMinutes: r.estimatedWaitMinutes,
      issuedAt: r.ticket.issued_at,
    });
  };
  return (
    <form className="card kiosk-issue" onSubmit={submit} aria-label={service.name}>
      <h2>{service.name}</h2>
      <fieldset className="kiosk-priority">
        <legend>{t('kiosk.priority')}</legend>
        {PRIORITIES.map((p) => (
          <label key={p} className="radio big">
            <input type="radio" name="priority" checked={priority === p} onChange={() => setPriority(p)} />
            {t(`kiosk.p.${p}`)}
          </label>
        ))}
      </fieldset>
      {priority !== 'normal' && (
        <div className="kiosk-confirm">
          <p>{t('kiosk.staffConfirm')}</p>
          <StaffConfirm login={login} password={password} onLogin={setLogin} onPassword={setPassword} />
        </div>
      )}
      <ErrorLine error={error} />
      <div className="kiosk-buttons">
        <button type="button" className="btn kiosk-back" onClick={onBack}>
          ‹ {t('kiosk.back')}
        </button>
        <button type="submit" className="btn btn-primary kiosk-take" disabled={busy}>
          {t('kiosk.take')}
        </button>
      </div>
    </form>
  );
}

/** On screen and on the ticket printer: the same content, laid out for 58/80 mm paper when printed. */
function TicketView({ issued, hallName, onDone }: { issued: Issued; hallName: string; onDone: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  // Printed once, as it first shows; a printer's trouble is for staff, not for the applicant's screen.
  useEffect(() => void api.printTicket(), [api]);
  return (
    <section className="ticket card" aria-label={t('kiosk.ticket')}>
      <div className="ticket-hall">{hallName}</div>
      <div className="ticket-service">{issued.serviceName}</div>
      <div className="ticket-number">{issued.number}</div>
      <div className="ticket-ahead">{t('kiosk.ahead', { n: issued.ahead })}</div>
      <div className="ticket-wait">
        {issued.estimatedWaitMinutes === null ? t('kiosk.noEstimate') : t('kiosk.estimate', { m: issued.estimatedWaitMinutes })}
      </div>
      <div className="ticket-time">{new Date(issued.issuedAt).toLocaleString('zh-CN', { hour12: false })}</div>
      <p className="ticket-note">{t('kiosk.note')}</p>
      <button type="button" className="btn btn-primary no-print" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}
