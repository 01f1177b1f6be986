import { useEffect, useState } from 'react';
import { isCounterOffline } from '../../../shared/domain/counter';
import { rowById, rowsOf, type Row } from '../../../shared/protocol';
import { ErrorLine, TopBar } from '../components';
import { formatDuration, useHall, useNow } from '../hall';
import { useI18n } from '../i18n';

type TileState = 'open' | 'paused' | 'closed' | 'offline';
const tileState = (c: Row<'counters'>, now: number): TileState => (isCounterOffline(c, now) ? 'offline' : c.state);

/** The live hall board: every counter as a tile, updated as the feed arrives. */
export function ManagerFace() {
  const { replica } = useHall();
  const { t } = useI18n();
  const now = useNow();
  const counters = rowsOf(replica, 'counters').sort((a, b) => a.number - b.number);
  const counts = { open: 0, paused: 0, closed: 0, offline: 0 };
  for (const c of counters) counts[tileState(c, now)]++;
  return (
    <div className="face manager">
      <TopBar title={t('board.title')}>
        <span className="summary" aria-label="summary">
          {(['open', 'paused', 'offline', 'closed'] as const).map((s) => (
            <span key={s} className={`chip chip-${s}`}>
              {t(`board.${s}`)} {counts[s]}
            </span>
          ))}
        </span>
      </TopBar>
      <main className="board">
        <ul className="tiles" aria-label={t('board.title')}>
          {counters.map((c) => (
            <CounterTile key={c.id} counter={c} state={tileState(c, now)} now={now} />
          ))}
        </ul>
        <NoticeEditor />
      </main>
    </div>
  );
}

function CounterTile({ counter, state, now }: { counter: Row<'counters'>; state: TileState; now: number }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const staff = rowById(replica, 'staff', counter.staff_id);
  const services = rowsOf(replica, 'counter_services')
    .filter((cs) => cs.counter_id === counter.id)
    .sort((a, b) => a.position - b.position)
    .map((cs) => rowById(replica, 'services', cs.service_id)?.name)
    .filter(Boolean);
  return (
    <li className={`tile tile-${state}`} aria-label={`${counter.name} ${t(`board.${state}`)}`}>
      <div className="tile-head">
        <span className="tile-number">{counter.number}</span>
        <span className="tile-state">{t(`board.${state}`)}</span>
      </div>
      <div className="tile-staff">{staff?.name ?? '—'}</div>
      {state === 'paused' && <div className="tile-reason">{counter.pause_reason}</div>}
      {counter.state !== 'closed' && counter.state_since && <div className="tile-since">{t('board.for', { d: formatDuration(now - counter.state_since) })}</div>}
      <div className="tile-services">{services.join(' · ')}</div>
    </li>
  );
}

function NoticeEditor() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const current = rowById(replica, 'halls', connection.welcome?.hallId)?.notice ?? '';
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => setText(current), [current]);
  return (
    <form
      className="card notice-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        const outcome = await api.command('hall.setNotice', { text });
        setError(outcome.ok === false ? outcome.error.message : null);
        setDone(outcome.ok !== false);
      }}
    >
      <label>
        {t('board.notice')}
        <textarea value={text} maxLength={500} rows={2} onChange={(e) => (setText(e.target.value), setDone(false))} />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('board.publish')}
      </button>
      {done && <span className="info">{t('board.published')}</span>}
      <ErrorLine error={error} />
    </form>
  );
}
