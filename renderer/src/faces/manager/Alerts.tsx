import { hallAlerts, type Alert } from '../../../../shared/queue/kpi';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useI18n } from '../../i18n';

/** What needs the manager now: long waits, long queues, long services, idle counters while people wait. */
export function Alerts({ now }: { now: number }) {
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
