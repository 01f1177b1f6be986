import type { Alert } from '../../../../shared/queue/kpi';
import { followupSignal } from '../../../../shared/followups/rules';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { boardAlerts } from '../../features/queue/day';
import { useQueueDay } from '../../features/queue/useQueueDay';
import { useI18n } from '../../i18n';
import { useHubQuery } from '../../app/useHubQuery';
import { formatDateTime } from '../../app/time';

const NO_PARAMS = {};

/**
 * What needs the manager now: long waits, long queues, long services, calls not started, idle
 * counters while people wait, overdue 差评 follow-ups, a failed or overdue backup of the hall's data,
 * a monthly report pack the hub could not write.
 */
export function Alerts({ now }: { now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const queueDay = useQueueDay(now);
  const alerts = boardAlerts(replica, queueDay, now);
  // 差评 follow-ups past their due day: a manager must not learn of them only on the 好差评 tab.
  const overdue = rowsOf(replica, 'followups').filter((f) => followupSignal.ts(f, queueDay.day) === 'red').length;
  const name = (a: Alert) =>
    ('serviceId' in a ? rowById(replica, 'services', a.serviceId)?.name : rowById(replica, 'counters', a.counterId)?.name) ?? '';
  const backup = useBackupAlert(now);
  const pack = usePackAlert();
  if (alerts.length === 0 && overdue === 0 && !backup && !pack) return null;
  return (
    <ul className="alerts" aria-label={t('board.alerts')}>
      {alerts.map((a) => (
        <li key={`${a.kind}-${'serviceId' in a ? a.serviceId : a.counterId}`} role="alert" className={`alert alert-${a.kind}`}>
          {t(`alert.${a.kind}`, {
            name: name(a),
            m: 'minutes' in a ? a.minutes : '',
            n: 'waiting' in a ? a.waiting : '',
            number: 'ticketId' in a ? (rowById(replica, 'tickets', a.ticketId)?.number ?? '') : '',
          })}
        </li>
      ))}
      {backup && (
        <li role="alert" className="alert alert-backup">
          {backup}
        </li>
      )}
      {pack && (
        <li role="alert" className="alert alert-backup">
          {pack}
        </li>
      )}
      {overdue > 0 && (
        <li role="alert" className="alert alert-followups">
          {t('alert.followupsOverdue', { n: overdue })}
        </li>
      )}
    </ul>
  );
}

/** The hub's backups (backup.status): a failure until a backup succeeds, or none for longer than the schedule allows. */
function useBackupAlert(now: number): string | null {
  const { t } = useI18n();
  const { result } = useHubQuery('backup.status', NO_PARAMS, 0);
  if (!result) return null;
  if (result.failure) return t('alert.backupFailed', { t: formatDateTime(result.failure.at) });
  if (result.overdueAt !== null && now > result.overdueAt)
    return result.lastOkAt === null ? t('alert.backupNever') : t('alert.backupOverdue', { t: formatDateTime(result.lastOkAt) });
  return null;
}

/** The monthly report pack (reports.packStatus): its newest attempt failed, until a pack of that month is written. */
function usePackAlert(): string | null {
  const { t } = useI18n();
  const { result } = useHubQuery('reports.packStatus', NO_PARAMS, 0);
  return result?.failing ? t('alert.packFailed', { month: result.failing.month, t: formatDateTime(result.failing.attemptedAt) }) : null;
}
