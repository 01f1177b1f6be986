import { useState } from 'react';
import { followupSignal } from '../../../../shared/followups/rules';
import { rowById, rowsOf } from '../../../../shared/protocol';
import { useHall, useHallDay } from '../../app/hall';
import { useNow } from '../../app/time';
import { FollowupWork } from '../../features/followups/FollowupWork';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';

const SIGNAL_ORDER = { red: 0, yellow: 1, normal: 2, closed: 3 } as const;

/** 差评与投诉跟进: every open follow-up (of a 差评 or a complaint), red and yellow first, worked here step by step. */
export function Followups() {
  const { replica } = useHall();
  const { t } = useI18n();
  const { day } = useHallDay(useNow(60_000));
  const [open, setOpen] = useState<string | null>(null);
  const rows = rowsOf(replica, 'followups')
    .filter((f) => f.status !== 'closed')
    .map((f) => ({ f, signal: followupSignal.ts(f, day) }))
    .sort((a, b) => SIGNAL_ORDER[a.signal] - SIGNAL_ORDER[b.signal] || a.f.due_day.localeCompare(b.f.due_day));
  return (
    <section className="card" aria-label={t('fu.title')}>
      <h2>{t('fu.title')}</h2>
      <DataTable
        label={t('fu.title')}
        rows={rows}
        rowKey={(r) => r.f.id}
        empty={t('fu.none')}
        rowClass={(r) => `signal-${r.signal}`}
        detail={(r) => (open === r.f.id ? <FollowupWork f={r.f} onDone={() => setOpen(null)} /> : null)}
        columns={[
          { header: t('fu.signal'), cell: (r) => <span className={`chip signal-${r.signal}`}>{t(`fu.signal.${r.signal}`)}</span> },
          { header: t('fu.source'), cell: (r) => t(r.f.complaint_id ? 'fu.source.complaint' : 'fu.source.rating') },
          { header: t('fu.openedOn'), cell: (r) => r.f.opened_day },
          { header: t('fu.due'), cell: (r) => r.f.due_day },
          { header: t('sup.department'), cell: (r) => rowById(replica, 'departments', r.f.department_id)?.name ?? '—' },
          { header: t('rt.group.staff'), cell: (r) => rowById(replica, 'staff', r.f.staff_id)?.name ?? '—' },
          { header: t('fu.assignee'), cell: (r) => rowById(replica, 'staff', r.f.assignee_id)?.name ?? t('fu.unassigned') },
          { header: t('fu.status'), cell: (r) => (r.f.appeal === 'pending' ? t('fu.appealing') : t(`fu.status.${r.f.status}`)) },
          {
            cell: (r) => (
              <button
                type="button"
                className="btn small"
                aria-label={t(r.f.complaint_id ? 'fu.workComplaint' : 'fu.work', { day: r.f.opened_day })}
                onClick={() => setOpen(open === r.f.id ? null : r.f.id)}
              >
                {t('fu.workButton')}
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
