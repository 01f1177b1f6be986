import { rowById, rowsOf } from '../../../shared/protocol';
import { useHall, useNow } from '../hall';
import { useI18n } from '../i18n';

/**
 * The lobby display, read from across the hall: hall name, date and clock, the windows now
 * serving and with what, and the manager's notice. It carries no personal data at all (its
 * projection has none). When the link drops it says so at once and recovers by itself.
 */
export function DisplayFace() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const zone = connection.welcome?.zone ?? '';
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const counters = rowsOf(replica, 'counters')
    .filter((c) => c.state !== 'closed' && (!zone || c.zone === zone))
    .sort((a, b) => a.number - b.number);
  const servicesOf = (counterId: string) =>
    rowsOf(replica, 'counter_services')
      .filter((cs) => cs.counter_id === counterId)
      .sort((a, b) => a.position - b.position)
      .map((cs) => rowById(replica, 'services', cs.service_id)?.name)
      .filter(Boolean)
      .join(' · ');
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
          <span className="date">{date.toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}</span>
          <time className="time">{date.toLocaleTimeString('zh-CN', { hour12: false })}</time>
        </div>
      </header>
      <main className="display-body">
        <h2>{t('display.counters')}</h2>
        <ul className="display-counters" aria-label={t('display.counters')}>
          {counters.map((c) => (
            <li key={c.id} className={`dc dc-${c.state}`}>
              <span className="dc-number">{c.number}</span>
              <span className="dc-services">{servicesOf(c.id)}</span>
              <span className="dc-state">{c.state === 'open' ? t('display.open') : t('display.paused')}</span>
            </li>
          ))}
        </ul>
      </main>
      {hall?.notice && (
        <footer className="marquee" aria-label="notice">
          <span>{hall.notice}</span>
        </footer>
      )}
    </div>
  );
}
