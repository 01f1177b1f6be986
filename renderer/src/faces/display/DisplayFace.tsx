import { useEffect, useEffectEvent, useState } from 'react';
import { callAnnouncement } from '../../../../shared/queue/announce';
import { isWaiting } from '../../../../shared/queue/rules';
import { rowById, rowsOf, type ReplicaState, type Row } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { hallNow, useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Announcer, speakInHall, type AnnouncerEntry } from './announcer';
import { emptyCallLog, trackCalls, type Call, type CallLog } from './calls';

const HIGHLIGHT_MS = 8000;
/** A call older than this when first seen (e.g. after an outage) is shown but not spoken. */
const STALE_CALL_MS = 60_000;
const RECENT_CALLS = 8;

/**
 * The lobby display, read from across the hall: the latest call large with its window, the last
 * calls, who waits for what, the hall's notice, date and clock. It speaks every call. Its feed
 * carries no personal data at all. A zone setting shows only that zone's counters.
 */
export default function DisplayFace() {
  const { replica, connection } = useHall();
  const { t, language } = useI18n();
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
            {date.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}
          </span>
          <time className="time">{date.toLocaleTimeString(language, { hour12: false })}</time>
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
          <DataTable
            label={t('display.recent')}
            className="calls"
            rows={todays.slice(0, RECENT_CALLS)}
            rowKey={(c) => c.ticketId}
            columns={[
              { header: t('display.number'), cell: (c) => c.number },
              { header: t('display.window'), cell: (c) => t('display.windowN', { n: c.window }) },
            ]}
          />
        </section>
        <WaitingByService now={now} tickets={tickets} inZone={inZone} />
      </main>
      <div className="subtitle" aria-live="polite">
        {/* The hall is called in Chinese whatever the screen's language: the words spoken say so. */}
        {speaking ? (
          <>
            {t('display.speaking')}
            <span lang="zh-CN">{speaking.text}</span>
          </>
        ) : (
          ''
        )}
      </div>
      <ol className="visually-hidden" aria-label={t('display.announcements')}>
        {entries.map((e) => (
          <li key={e.id} data-state={e.state} lang="zh-CN">
            {e.text}
          </li>
        ))}
      </ol>
      {hall?.notice && (
        <footer className="marquee" aria-label={t('display.notice')}>
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
                  ? t('display.windows', { list: windows.join(t('list.separator')) })
                  : t('display.noWindow')}
            </span>
            <span className="w-count">{t('display.people', { n })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The calls seen, newest first (see trackCalls), and the announcement queue speaking them. What
 * the display held when it started is listed but not spoken again, nor is a call already stale
 * when first seen (after an outage).
 */
function useCalls(replica: ReplicaState, zone: string, repeat: number): { entries: readonly AnnouncerEntry[]; calls: readonly Call[] } {
  const [announcer] = useState(() => new Announcer(speakInHall));
  const [entries, setEntries] = useState<readonly AnnouncerEntry[]>([]);
  useEffect(() => announcer.watch(setEntries), [announcer]);
  // The log follows the replica as it renders (React's pattern for state derived from changes).
  const [seen, setSeen] = useState<{ replica: ReplicaState | null; log: CallLog }>({ replica: null, log: emptyCallLog });
  if (replica.seq !== 0 && seen.replica !== replica) setSeen({ replica, log: trackCalls(seen.log, replica, zone) });
  // Each look's fresh calls are spoken once, with the repeat count of the moment.
  const speak = useEffectEvent((calls: readonly Call[]) => {
    for (const c of calls) if (hallNow() - c.calledAt <= STALE_CALL_MS) announcer.enqueue(callAnnouncement(c.number, c.window), repeat);
  });
  useEffect(() => speak(seen.log.fresh), [seen.log]);
  return { entries, calls: seen.log.calls };
}
