import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { type Priority } from '../../../../shared/queue/enums';
import { hallMinute, parsePriorities, withinTicketingHours } from '../../../../shared/setup/rules';
import { isWaiting, numberedBy } from '../../../../shared/queue/rules';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { formatTime, useNow } from '../../app/time';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { StaffConfirm } from '../../ui/SignInForm';
import { RateQr, useRatingSettings } from '../../features/ratings/RateQr';
import { CheckInForm, FollowQr } from '../../features/appointments/KioskCheckIn';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { searchCatalog } from '../../../../shared/catalog/search';
import { KioskButtons } from '../../ui/KioskButtons';
import { guidesOfService } from '../../../../shared/catalog/guide';
import { GuideView } from '../../features/catalog/ServiceGuide';
import '../faces.css';

interface Issued {
  number: string;
  serviceName: string;
  priority: Priority;
  /** The windows that serve the ticket's service (numbers), for the slip. */
  counters: number[];
  ahead: number;
  estimatedWaitMinutes: number | null;
  issuedAt: number;
  /** The slip's 好差评 code: the applicant rates the service by phone once it ends. */
  ratingCode: string;
  /** The slip's follow token: its QR opens the phone page following this ticket, today. */
  followToken: string;
  /** A booking checked in late: a normal ticket, said so on the screen. */
  late?: boolean;
}

/** How long a printed ticket stays on screen before the kiosk is ready for the next person. */
const TICKET_SCREEN_MS = 20_000;

/**
 * The ticket kiosk: big touch targets, plain words, and a plain "why not" when a service is
 * unavailable. People find their service by department, or by searching the catalog's items (by
 * name, by what they call it, or by pinyin initials on the on-screen keyboard). Left alone for the
 * hall's idle time, it drops a half-done choice and speaks Chinese again for the next person.
 */
export default function KioskFace() {
  const { replica, connection } = useHall();
  const { t, setLanguage } = useI18n();
  const now = useNow();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [service, setService] = useState<Row<'services'> | null>(null);
  /** The item a search found the service by: its guide opens first. */
  const [itemHint, setItemHint] = useState<string | undefined>(undefined);
  const [guide, setGuide] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [checkingIn, setCheckingIn] = useState(false);
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const { day, tickets, settings } = useHallDay(now);
  const dayClosed = rowsOf(replica, 'hall_days').some((d) => d.day === day && d.closed_at !== null);
  // Starting over unmounts the form too: nothing typed for one person is kept for the next.
  const reset = () => (setDepartmentId(null), setSearch(''), setService(null), setIssued(null), setCheckingIn(false), setGuide(false));
  useIdle(settings.kioskIdleSeconds * 1000, () => {
    reset();
    setLanguage('zh-CN');
  });

  useEffect(() => {
    if (!issued) return;
    const id = setTimeout(reset, TICKET_SCREEN_MS);
    return () => clearTimeout(id);
  }, [issued]);

  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const allServices = rowsOf(replica, 'services');
  const hits: { key: string; label: string; service: Row<'services'> }[] = search.trim()
    ? searchCatalog(search, rowsOf(replica, 'catalog_items'), allServices, departments).map((h) => ({
        key: h.key,
        label: h.label,
        service: rowById(replica, 'services', h.serviceId)!,
      }))
    : allServices
        .filter((s) => s.department_id === departmentId)
        .sort((a, b) => a.sort - b.sort)
        .map((s) => ({ key: s.id, label: s.name, service: s }));
  const waiting = (sid: string) => tickets.filter((tk) => tk.service_id === sid && isWaiting(tk, now)).length;
  const servingCounters = (sid: string) =>
    rowsOf(replica, 'counter_services')
      .filter((cs) => cs.service_id === sid)
      .map((cs) => rowById(replica, 'counters', cs.counter_id))
      .filter((c) => c !== undefined);
  const openCounters = (sid: string) => servingCounters(sid).filter((c) => c.state === 'open').length;
  const unavailable = (s: Row<'services'>): string | null =>
    dayClosed
      ? t('kiosk.dayClosed')
      : !s.is_open
        ? t('kiosk.closed')
        : !withinTicketingHours(s, hallMinute(now, settings.utcOffsetMinutes))
          ? t('kiosk.hours', { from: s.ticket_from ?? '00:00', until: s.ticket_until ?? '24:00' })
          : s.daily_cap !== null && tickets.filter((tk) => numberedBy(tk.number, s.prefix)).length >= s.daily_cap
            ? t('kiosk.full')
            : null;
  const choosing = !departmentId && !search;

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
        ) : checkingIn ? (
          <CheckInForm
            onIssued={(r) =>
              setIssued({
                ...r,
                counters: servingCounters(r.serviceId)
                  .map((c) => c.number)
                  .sort((a, b) => a - b),
              })
            }
            onBack={reset}
          />
        ) : service && guide ? (
          <KioskGuide service={service} first={itemHint} onBack={() => setGuide(false)} />
        ) : service ? (
          <IssueForm
            service={service}
            onGuide={() => setGuide(true)}
            onIssued={(r) =>
              setIssued({
                ...r,
                counters: servingCounters(service.id)
                  .map((c) => c.number)
                  .sort((a, b) => a - b),
              })
            }
            onBack={() => setService(null)}
          />
        ) : (
          <>
            {!departmentId && (
              <div className="kiosk-search-box">
                <input
                  className="kiosk-search"
                  type="search"
                  // The on-screen keyboard types here; a system keyboard would cover the results.
                  inputMode="none"
                  placeholder={t('kiosk.search')}
                  aria-label={t('kiosk.search')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
                <OnScreenKeyboard layout="letters" value={search} onChange={setSearch} label={t('kiosk.search')} />
              </div>
            )}
            {choosing && (
              <button
                type="button"
                className="btn kiosk-checkin"
                disabled={connection.status !== 'connected'}
                onClick={() => setCheckingIn(true)}
              >
                {t('kiosk.checkIn')}
              </button>
            )}
            {choosing ? (
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
                <ul className="kiosk-grid" aria-label={search ? t('kiosk.results', { q: search.trim() }) : t('kiosk.services')}>
                  {hits.map(({ key, label, service: s }) => {
                    const why = unavailable(s);
                    const info = why ?? (openCounters(s.id) ? t('kiosk.waitingN', { n: waiting(s.id) }) : t('kiosk.noWindow'));
                    const via = label === s.name ? '' : s.name;
                    return (
                      <li key={key}>
                        <button
                          type="button"
                          className="kiosk-tile service"
                          disabled={!!why || connection.status !== 'connected'}
                          onClick={() => (setService(s), setItemHint(key.startsWith('item:') ? key.slice('item:'.length) : undefined))}
                          aria-label={[label, via, info].filter(Boolean).join(' ')}
                        >
                          <span className="svc-name">{label}</span>
                          {via && <span className="svc-via">{t('kiosk.via', { service: via })}</span>}
                          <span className="svc-info">{info}</span>
                        </button>
                      </li>
                    );
                  })}
                  {hits.length === 0 && <li className="muted">{t('kiosk.noMatch')}</li>}
                </ul>
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}

/** Calls `onIdle` after `ms` without a touch, a click or a key anywhere on the page. */
function useIdle(ms: number, onIdle: () => void) {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    let id = setTimeout(() => fire(), ms);
    const touched = () => {
      clearTimeout(id);
      id = setTimeout(() => fire(), ms);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) document.addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(id);
      for (const e of events) document.removeEventListener(e, touched, { capture: true });
    };
  }, [ms]);
}

function IssueForm({
  service,
  onIssued,
  onGuide,
  onBack,
}: {
  service: Row<'services'>;
  onIssued: (i: Omit<Issued, 'counters'>) => void;
  /** Opens the service's guide (办事指南), to check one's papers before taking the ticket. */
  onGuide: () => void;
  onBack: () => void;
}) {
  const { api } = useHall();
  const { t } = useI18n();
  // Only the classes the service takes are offered (hall setup); the first of them is chosen.
  const classes = parsePriorities(service.priorities);
  const [priority, setPriority] = useState<Priority>(classes[0] ?? 'normal');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [field, setField] = useState<'login' | 'password'>('login');
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
      priority,
      ahead: r.ahead,
      estimatedWaitMinutes: r.estimatedWaitMinutes,
      issuedAt: r.ticket.issued_at,
      ratingCode: r.ratingCode,
      followToken: r.followToken,
    });
  };
  return (
    <form className="card kiosk-issue" onSubmit={submit} aria-label={service.name}>
      <h2>{service.name}</h2>
      <button type="button" className="btn kiosk-guide-open" onClick={onGuide} aria-label={t('guide.openFor', { service: service.name })}>
        {t('guide.open')}
        <small>{t('guide.hint')}</small>
      </button>
      <fieldset className="kiosk-priority">
        <legend>{t('kiosk.priority')}</legend>
        {classes.map((p) => (
          <label key={p} className="radio big">
            <input type="radio" name="priority" checked={priority === p} onChange={() => setPriority(p)} />
            {t(`kiosk.p.${p}`)}
          </label>
        ))}
      </fieldset>
      {priority !== 'normal' && (
        <div
          className="kiosk-confirm"
          // The keyboard types into the field last touched.
          onFocus={(e) => e.target instanceof HTMLInputElement && setField(e.target.type === 'password' ? 'password' : 'login')}
        >
          <p>{t('kiosk.staffConfirm')}</p>
          <StaffConfirm login={login} password={password} onLogin={setLogin} onPassword={setPassword} />
          <div className="kiosk-confirm-keys">
            <OnScreenKeyboard
              layout="alnum"
              value={field === 'login' ? login : password}
              onChange={field === 'login' ? setLogin : setPassword}
              label={t(field === 'login' ? 'clerk.login' : 'clerk.password')}
            />
          </div>
        </div>
      )}
      <ErrorLine error={error} />
      <KioskButtons onBack={onBack} busy={busy} action={t('kiosk.take')} />
    </form>
  );
}

/**
 * A service's guide, read from the kiosk's replica of the public catalog: large type for a person
 * standing at the kiosk, a way back at the top and at the bottom of a long page.
 */
function KioskGuide({ service, first, onBack }: { service: Row<'services'>; first: string | undefined; onBack: () => void }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const items = guidesOfService(rowsOf(replica, 'catalog_items'), service.id);
  return (
    <section className="card kiosk-guide" aria-label={t('guide.of', { service: service.name })}>
      <div className="kiosk-crumb">
        <button type="button" className="btn kiosk-back" onClick={onBack}>
          ‹ {t('kiosk.back')}
        </button>
        <h2>{t('guide.of', { service: service.name })}</h2>
      </div>
      <GuideView items={items} label={t('guide.title')} first={first} />
      <button type="button" className="btn btn-primary kiosk-take" onClick={onBack}>
        {t('guide.backToTicket')}
      </button>
    </section>
  );
}

/** On screen and on the ticket printer: the same content, laid out for 58/80 mm paper when printed. */
function TicketView({ issued, hallName, onDone }: { issued: Issued; hallName: string; onDone: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const { codeDays } = useRatingSettings();
  // Printed once, as it first shows; a printer's trouble is for staff, not for the applicant's screen.
  useEffect(() => void api.printTicket(), [api]);
  return (
    <section className="ticket card" aria-label={t('kiosk.ticket')}>
      <div className="ticket-hall">{hallName}</div>
      <div className="ticket-service">{issued.serviceName}</div>
      <div className="ticket-number">{issued.number}</div>
      {issued.priority !== 'normal' && <div className="ticket-priority">★ {t(`kiosk.p.${issued.priority}`)}</div>}
      {issued.counters.length > 0 && (
        <div className="ticket-counters">{t('kiosk.counters', { list: issued.counters.join(t('list.separator')) })}</div>
      )}
      <div className="ticket-ahead">{t('kiosk.ahead', { n: issued.ahead })}</div>
      <div className="ticket-wait">
        {issued.estimatedWaitMinutes === null ? t('kiosk.noEstimate') : t('kiosk.estimate', { m: issued.estimatedWaitMinutes })}
      </div>
      <div className="ticket-time">{new Date(issued.issuedAt).toLocaleString('zh-CN', { hour12: false })}</div>
      {issued.late && <p className="ticket-note">{t('kiosk.checkInLate')}</p>}
      <p className="ticket-note">{t('kiosk.note')}</p>
      <FollowQr token={issued.followToken} size="26mm" />
      <RateQr code={issued.ratingCode} caption={t('rate.slip', { days: codeDays })} size="26mm" />
      <button type="button" className="btn btn-primary no-print" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}
