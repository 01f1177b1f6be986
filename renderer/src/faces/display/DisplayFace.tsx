import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { isWaiting } from '../../../../shared/queue/rules';
import type { Row } from '../../../../shared/protocol/registry';
import { rowById, rowsOf, type ReplicaState } from '../../../../shared/protocol/replica';
import { useHall, useHallDay } from '../../app/hall';
import { hallNow, useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Announcer, speakInHall, type AnnouncerEntry, type CallToSay } from './announcer';
import type { VoiceSettings } from './voicePlan';
import { emptyCallLog, trackCalls, type Call, type CallLog } from './calls';
import { pageAt } from './paging';
import { boardShown } from './boardRotation';
import { SatisfactionBoard, useSatisfactionBoard } from './SatisfactionBoard';
import './display.css';

const HIGHLIGHT_MS = 8000;
/** How long each page of the waiting list stays up. */
const PAGE_MS = 8000;
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
  const voice = { repeat: settings.announceRepeat, maxLagMs: settings.announceMaxLagSeconds * 1000 };
  const { entries, calls } = useCalls(replica, zone, voice);
  const todays = calls.filter((c) => c.day === day);
  const latest = todays[0];
  const speaking = entries.find((e) => e.state === 'speaking');
  const date = new Date(now);
  // Idle (nobody waiting, nothing taken or called for a while): the public satisfaction board turns in.
  // (A hall that has taken no ticket today yet shows its calls screen: the board follows the day's work.)
  const lastActivity = tickets.reduce<number | null>((at, tk) => Math.max(at ?? 0, tk.issued_at, tk.called_at ?? 0), null);
  const idleBoard = lastActivity !== null && !speaking && boardShown(now, tickets.filter((tk) => isWaiting(tk, now)).length, lastActivity);
  const board = useSatisfactionBoard(idleBoard, now);
  // As many recent calls as the box holds at this screen's size and orientation, newest first.
  const [recentBox, recentFit] = useFitCount<HTMLElement>('tbody tr', RECENT_CALLS, todays.length);

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
      {idleBoard && board && (
        <main className="display-body display-board">
          <SatisfactionBoard board={board} />
        </main>
      )}
      {/* Hidden, not unmounted, under the board: its lists measure themselves again when shown. */}
      <main className="display-body" hidden={idleBoard && board !== null}>
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
        <section className="recent" aria-label={t('display.recent')} ref={recentBox}>
          <h2>{t('display.recent')}</h2>
          <DataTable
            label={t('display.recent')}
            className="calls"
            rows={todays.slice(0, recentFit)}
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
  // However many services the hall has, the list never runs off the screen: it shows the rows
  // that fit and turns the page every few seconds.
  const [box, perPage] = useFitCount<HTMLUListElement>('li', services.length, services.length);
  const { items, page, pages } = pageAt(services, perPage, now, PAGE_MS);
  return (
    <section className="waiting" aria-label={t('display.waiting')}>
      <h2>
        {t('display.waiting')}
        {pages > 1 && <span className="page-of">{t('display.page', { page: page + 1, pages })}</span>}
      </h2>
      <ul ref={box}>
        {items.map(({ s, windows, n }) => (
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
 * when first seen (after an outage). What the voice did with each call goes back to the hub, so
 * the clerk sees their call was heard (or only shown, when calls piled up).
 */
function useCalls(
  replica: ReplicaState,
  zone: string,
  voice: VoiceSettings,
): { entries: readonly AnnouncerEntry[]; calls: readonly Call[] } {
  const { api } = useHall();
  // The hall link lives as long as the face: the announcer keeps the one it was made with.
  const [announcer] = useState(() => {
    // Best effort: a report lost to an outage only leaves the clerk's screen without the mark.
    const report = (calls: readonly CallToSay[], outcome: 'spoken' | 'skipped') =>
      void api.command('ticket.announced', { outcome, calls: calls.map((c) => ({ ticketId: c.ticketId, calledAt: c.calledAt })) });
    return new Announcer({ speak: speakInHall, now: hallNow, report }, voice);
  });
  announcer.configure(voice);
  const [entries, setEntries] = useState<readonly AnnouncerEntry[]>([]);
  useEffect(() => announcer.watch(setEntries), [announcer]);
  // The log follows the replica as it renders (React's pattern for state derived from changes).
  const [seen, setSeen] = useState<{ replica: ReplicaState | null; log: CallLog }>({ replica: null, log: emptyCallLog });
  if (replica.seq !== 0 && seen.replica !== replica) setSeen({ replica, log: trackCalls(seen.log, replica, zone) });
  const speak = useEffectEvent((calls: readonly Call[]) => {
    for (const c of calls) if (hallNow() - c.calledAt <= STALE_CALL_MS) announcer.enqueue(c);
  });
  useEffect(() => speak(seen.log.fresh), [seen.log]);
  return { entries, calls: seen.log.calls };
}

/**
 * How many of a list's items (`itemSelector` inside the box) fit in the box as laid out now, at
 * most `max`: measured from the first item's height and the box's rows and columns, again whenever
 * the box changes size. Until measured, all are rendered (hidden by the box's overflow).
 */
function useFitCount<E extends HTMLElement>(itemSelector: string, max: number, itemCount: number): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [fit, setFit] = useState(max);
  // Measured again once there is a first item to measure.
  const any = itemCount > 0;
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const first = box.querySelector<HTMLElement>(itemSelector);
      if (!first) return;
      const style = getComputedStyle(box);
      const gap = parseFloat(style.rowGap) || 0;
      const columns = style.display === 'grid' ? style.gridTemplateColumns.split(' ').filter(Boolean).length : 1;
      // The space the items may use: the box's height below where the first item starts.
      const top = first.getBoundingClientRect().top - box.getBoundingClientRect().top;
      const rows = Math.floor((box.clientHeight - top + gap) / (first.getBoundingClientRect().height + gap));
      setFit(Math.max(1, Math.min(max, rows * columns)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [itemSelector, max, any]);
  return [ref, fit];
}
