import { useEffect, useMemo, useRef, useState } from 'react';
import { callAnnouncement } from '../../../../shared/queue/announce';
import { isWaiting } from '../../../../shared/queue/rules';
import { rowById, rowsOf, type ReplicaState, type Row } from '../../../../shared/protocol';
import { Announcer, speakInHall, type AnnouncerEntry } from './announcer';
import { hallNow, useHall, useHallDay, useNow } from '../../app/hall';
import { useI18n } from '../../i18n';

const HIGHLIGHT_MS = 8000;
/** A call older than this when first seen (e.g. after an outage) is shown but not spoken. */
const STALE_CALL_MS = 60_000;
const RECENT_CALLS = 8;

/**
 * The lobby display, read from across the hall: the latest call large with its window, the last
 * calls, who waits for what, the hall's notice, date and clock. It speaks every call. Its feed
 * carries no personal data at all. A zone setting shows only that zone's counters.
 */
export function DisplayFace() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const zone = connection.welcome?.zone ?? '';
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const { settings, day, tickets } = useHallDay(now);
  const inZone = (counterId: string | null) => !zone || rowById(replica, 'counters', counterId)?.zone === zone;
  const { entries, calls } = useCalls(replica, zone, settings.announceRepeat);
  const todays = calls.filter((c) => c.day === day);
  const latest = todays[0];
  const speaking = entries.find((e) => e.state === 'speaking');
  const date = new Date(now);

  return (
    <div className="face display">
      {connection.status !== 'connected' && connection.welcome && (
        <div className="offline-banner" role="alert">
          {t('display.offline')}
        </div>
      )}
      <header className="display-head">
        <h1>{hall?.name ?? connection.welcome?.hallName ?? ''}</h1>
        <div className="display-clock">
          <span className="date">
            {date.toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}
          </span>
          <time className="time">{date.toLocaleTimeString('zh-CN', { hour12: false })}</time>
        </div>
      </header>
      <main className="display-body">
        <section className={`latest ${latest && now - latest.calledAt < HIGHLIGHT_MS ? 'flash' : ''}`} aria-label={t('display.latest')}>
          {latest ? (
            <>
              <div className="latest-please">{t('display.please')}</div>
              <div className="latest-number">{latest.number}</div>
              <div className="latest-window">{t('display.toWindow', { n: latest.window })}</div>
            </>
          ) : (
            <div className="latest-idle">{t('display.takeTicket')}</div>
          )}
        </section>
        <section className="recent" aria-label={t('display.recent')}>
          <h2>{t('display.recent')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('display.number')}</th>
                <th>{t('display.window')}</th>
              </tr>
            </thead>
            <tbody>
              {todays.slice(0, RECENT_CALLS).map((c) => (
                <tr key={c.ticketId}>
                  <td>{c.number}</td>
                  <td>{t('display.windowN', { n: c.window })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <WaitingByService now={now} tickets={tickets} inZone={inZone} />
      </main>
      <div className="subtitle" aria-live="polite">
        {speaking ? `${t('display.speaking')}${speaking.text}` : ''}
      </div>
      <ol className="visually-hidden" aria-label={t('display.announcements')}>
        {entries.map((e) => (
          <li key={e.id} data-state={e.state}>
            {e.text}
          </li>
        ))}
      </ol>
      {hall?.notice && (
        <footer className="marquee" aria-label="notice">
          <span>{hall.notice}</span>
        </footer>
      )}
    </div>
  );
}

function WaitingByService({
  now,
  tickets,
  inZone,
}: {
  now: number;
  tickets: readonly Row<'tickets'>[];
  inZone: (counterId: string | null) => boolean;
}) {
  const { replica } = useHall();
  const { t } = useI18n();
  const openCounters = rowsOf(replica, 'counters').filter((c) => c.state === 'open' && inZone(c.id));
  const servedBy = (serviceId: string) =>
    rowsOf(replica, 'counter_services')
      .filter((cs) => cs.service_id === serviceId && openCounters.some((c) => c.id === cs.counter_id))
      .map((cs) => rowById(replica, 'counters', cs.counter_id)!.number)
      .sort((a, b) => a - b);
  const waiting = tickets.filter((tk) => isWaiting(tk, now));
  const services = rowsOf(replica, 'services')
    .map((s) => ({ s, windows: servedBy(s.id), n: waiting.filter((tk) => tk.service_id === s.id).length }))
    .filter((x) => x.windows.length > 0 || x.n > 0)
    .sort((a, b) => a.s.sort - b.s.sort);
  return (
    <section className="waiting" aria-label={t('display.waiting')}>
      <h2>{t('display.waiting')}</h2>
      <ul>
        {services.map(({ s, windows, n }) => (
          <li key={s.id} className={s.is_open ? '' : 'closed'}>
            <span className="w-prefix">{s.prefix}</span>
            <span className="w-name">{s.name}</span>
            <span className="w-windows">
              {!s.is_open
                ? t('display.paused')
                : windows.length
                  ? t('display.windows', { list: windows.join('、') })
                  : t('display.noWindow')}
            </span>
            <span className="w-count">{t('display.people', { n })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Call {
  ticketId: string;
  number: string;
  window: number;
  day: string;
  calledAt: number;
}

/**
 * Watches the replica for calls (a ticket whose last-call time changes: a call or a recall),
 * keeps the calls seen, newest first (a ticket transferred since still shows where it was
 * called), and queues their announcements. What the display held when it started is listed but
 * not spoken again, nor is a call already stale when first seen (after an outage).
 */
function useCalls(replica: ReplicaState, zone: string, repeat: number): { entries: readonly AnnouncerEntry[]; calls: readonly Call[] } {
  const announcer = useMemo(() => new Announcer(speakInHall), []);
  const [entries, setEntries] = useState<readonly AnnouncerEntry[]>([]);
  const [calls, setCalls] = useState<readonly Call[]>([]);
  useEffect(() => announcer.watch(setEntries), [announcer]);
  const seen = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    if (replica.seq === 0) return;
    const first = seen.current === null;
    const known = (seen.current ??= new Map());
    const fresh: Call[] = [];
    for (const tk of rowsOf(replica, 'tickets') as Row<'tickets'>[]) {
      // A recall bumps the count even within the same millisecond as the call.
      const mark = `${tk.called_at}/${tk.recalls}`;
      if (tk.called_at === null || known.get(tk.id) === mark) continue;
      known.set(tk.id, mark);
      const counter = rowById(replica, 'counters', tk.counter_id);
      if (!counter || (zone && counter.zone !== zone)) continue;
      fresh.push({ ticketId: tk.id, number: tk.number, window: counter.number, day: tk.day, calledAt: tk.called_at });
      if (!first && hallNow() - tk.called_at <= STALE_CALL_MS) announcer.enqueue(callAnnouncement(tk.number, counter.number), repeat);
    }
    if (fresh.length === 0) return;
    setCalls((old) => {
      const ids = new Set(fresh.map((c) => c.ticketId));
      return [...fresh, ...old.filter((c) => !ids.has(c.ticketId))].sort((a, b) => b.calledAt - a.calledAt).slice(0, 50);
    });
  }, [replica, announcer, zone, repeat]);
  return { entries, calls };
}
