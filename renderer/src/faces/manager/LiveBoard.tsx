import { useState } from 'react';
import { isCounterOffline } from '../../../../shared/counter/rules';
import type { CounterState } from '../../../../shared/counter/enums';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatDuration, useNow } from '../../app/time';
import { pauseReasonText } from '../../features/counter/pauseReason';
import { serviceRows } from '../../features/queue/day';
import { heldTicket } from '../../features/queue/tickets';
import { useQueueDay } from '../../features/queue/useQueueDay';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';

/** A counter as the board shows it: its state, or offline when its terminal has gone quiet. */
export type TileState = CounterState | 'offline';
export const tileState = (c: Row<'counters'>, now: number): TileState => (isCounterOffline(c, now) ? 'offline' : c.state);

/** Every counter as a tile, then every service's queue, updated as the feed arrives. */
export function LiveBoard() {
  const { replica } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const counters = rowsOf(replica, 'counters').sort((a, b) => a.number - b.number);
  return (
    <>
      <ul className="tiles" aria-label={t('board.title')}>
        {counters.map((c) => (
          <CounterTile key={c.id} counter={c} state={tileState(c, now)} now={now} />
        ))}
      </ul>
      <ServiceTable now={now} />
    </>
  );
}

function CounterTile({ counter, state, now }: { counter: Row<'counters'>; state: TileState; now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const staff = rowById(replica, 'staff', counter.staff_id);
  const held = heldTicket(rowsOf(replica, 'tickets'), counter.id);
  const services = rowsOf(replica, 'counter_services')
    .filter((cs) => cs.counter_id === counter.id)
    .sort((a, b) => a.position - b.position)
    .map((cs) => rowById(replica, 'services', cs.service_id)?.name)
    .filter(Boolean);
  return (
    <li className={`tile tile-${state}`} aria-label={`${counter.name} ${t(`board.tile.${state}`)}`}>
      <div className="tile-head">
        <span className="tile-number">{counter.number}</span>
        <span className="tile-state">{t(`board.tile.${state}`)}</span>
      </div>
      <div className="tile-staff">{staff?.name ?? '—'}</div>
      {state === 'paused' && <div className="tile-reason">{pauseReasonText(t, counter.pause_reason)}</div>}
      {held && (
        <div className={`tile-ticket ${held.status}`}>
          {held.number} · {t(`ticket.status.${held.status}`)}{' '}
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

/** Each service's queue today; its thresholds (the alerts use them) are edited in place, under its row. */
function ServiceTable({ now }: { now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const rows = serviceRows(replica, useQueueDay(now));
  const [editing, setEditing] = useState<string | null>(null);
  const minutes = (ms: number | null) => (ms === null ? '—' : t('board.min', { m: Math.round(ms / 60_000) }));
  return (
    <section className="card">
      <DataTable
        label={t('board.services')}
        rows={rows}
        rowKey={(r) => r.service.id}
        rowClass={(r) => (r.longestWaitMs !== null && r.longestWaitMs > r.service.max_wait_min * 60_000 ? 'over' : '')}
        detail={({ service }) => editing === service.id && <ThresholdForm service={service} onSaved={() => setEditing(null)} />}
        columns={[
          {
            header: t('board.service'),
            cell: ({ service: s }) => (
              <>
                <b>{s.prefix}</b> {s.name}
              </>
            ),
          },
          { header: t('board.waiting'), cell: (r) => r.waiting },
          { header: t('board.longest'), cell: (r) => minutes(r.longestWaitMs) },
          { header: t('board.avgWait'), cell: (r) => minutes(r.avgWaitMs) },
          {
            header: t('board.serviceLevel'),
            cell: (r) => (r.serviceLevel === null ? '—' : t('board.share', { p: Math.round(r.serviceLevel * 100), n: r.called })),
          },
          { header: t('board.issued'), cell: (r) => r.issued },
          { header: t('board.noShows'), cell: (r) => r.noShows },
          { header: t('board.serviceOpen'), cell: (r) => <ServiceSwitch service={r.service} /> },
          {
            cell: ({ service: s }) => (
              <button
                type="button"
                className="btn small"
                aria-expanded={editing === s.id}
                aria-label={`${s.name} ${t('board.thresholds')}`}
                onClick={() => setEditing(editing === s.id ? null : s.id)}
              >
                {t('board.thresholds')}
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}

function ThresholdForm({ service: s, onSaved }: { service: Row<'services'>; onSaved: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const [values, setValues] = useState({
    maxWaitMin: s.max_wait_min,
    maxServiceMin: s.max_service_min,
    maxCallMin: s.max_call_min,
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
    <form
      className="threshold-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (check(await api.command('service.update', { serviceId: s.id, ...values }))) onSaved();
      }}
    >
      {field('maxWaitMin', t('board.maxWait'))}
      {field('maxServiceMin', t('board.maxService'))}
      {field('maxCallMin', t('board.maxCall'))}
      {field('queueCap', t('board.queueCap'))}
      {field('dailyCap', t('board.dailyCap'))}
      <button type="submit" className="btn btn-primary small">
        {t('board.save')}
      </button>
      <ErrorLine error={error} />
    </form>
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
