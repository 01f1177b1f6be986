import { useEffect, useState, type FormEvent } from 'react';
import { HEARTBEAT_INTERVAL_MS, PAUSE_REASONS } from '../../../../shared/counter/rules';
import { rowById, rowsOf, type CommandOutcome } from '../../../../shared/protocol';
import { Dialog, ErrorLine, KeyButton, SignInForm, TopBar, useCommandError } from '../../ui/components';
import { formatTime, useHall } from '../../app/hall';
import { CasePanel } from './CasePanel';
import { QueuePanel } from './QueuePanel';
import { useI18n } from '../../i18n';

export function ClerkFace() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const counterId = connection.welcome?.counterId ?? null;
  const counter = rowById(replica, 'counters', counterId);
  const title = counter ? t('clerk.counter', { n: counter.number }) : t('role.clerk');
  return (
    <div className="face clerk">
      <TopBar title={title} />
      <main className="clerk-main">
        {!connection.welcome ? null : !counterId ? (
          <p className="notice-box">{t('clerk.noCounter')}</p>
        ) : !counter || counter.state === 'closed' || counter.terminal_id !== connection.welcome.terminalId ? (
          <SignIn counterId={counterId} />
        ) : (
          <>
            <div className="clerk-left">
              <Queue counterId={counterId} />
              <CounterPanel counterId={counterId} />
            </div>
            <Work counterId={counterId} staffId={counter.staff_id!} />
          </>
        )}
      </main>
    </div>
  );
}

/** The clerk's desk work: cases (办件) and first-asked enquiries (首问负责). */
function Work({ counterId, staffId }: { counterId: string; staffId: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'cases' | 'inquiries'>('cases');
  return (
    <div className="clerk-right">
      <div role="tablist" className="tabs" aria-label={t('clerk.work')}>
        {(['cases', 'inquiries'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={`tab ${tab === k ? 'active' : ''}`}
            onClick={() => setTab(k)}
          >
            {t(k === 'cases' ? 'case.title' : 'inq.title')}
          </button>
        ))}
      </div>
      {tab === 'cases' ? <CasePanel counterId={counterId} staffId={staffId} /> : <Inquiries counterId={counterId} staffId={staffId} />}
    </div>
  );
}

function Queue({ counterId }: { counterId: string }) {
  const { error, check } = useCommandError();
  useHeartbeat(counterId);
  return (
    <>
      <QueuePanel counterId={counterId} onResult={check} />
      <ErrorLine error={error} />
    </>
  );
}

/** While this terminal holds the counter, it tells the hub it is alive (the board shows it offline otherwise). */
function useHeartbeat(counterId: string) {
  const { api, connection } = useHall();
  const online = connection.status === 'connected';
  useEffect(() => {
    if (!online) return;
    const beat = () => void api.command('counter.heartbeat', { counterId });
    beat();
    const id = setInterval(beat, HEARTBEAT_INTERVAL_MS);
    return () => clearInterval(id);
  }, [api, counterId, online]);
}

function SignIn({ counterId }: { counterId: string }) {
  const { api } = useHall();
  const { t } = useI18n();
  return (
    <SignInForm
      title={t('clerk.signin.title')}
      button={t('clerk.signin')}
      onSignIn={(login, password) => api.command('counter.signIn', { counterId, login, password })}
    />
  );
}

function CounterPanel({ counterId }: { counterId: string }) {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const counter = rowById(replica, 'counters', counterId)!;
  const staff = rowById(replica, 'staff', counter.staff_id);
  const [pausing, setPausing] = useState(false);
  const { error, check } = useCommandError();
  const online = connection.status === 'connected';
  const needHub = online ? null : t('clerk.why.needHub');
  const run = async (p: Promise<CommandOutcome>) => check(await p);

  return (
    <section className={`card counter-panel state-${counter.state}`} aria-label={t('clerk.counter', { n: counter.number })}>
      <div className="state-line">
        <span className="state-big">{t(`clerk.state.${counter.state}`)}</span>
        {counter.state === 'paused' && <span className="pause-reason">{counter.pause_reason}</span>}
        {counter.state_since && <span className="since">{t('clerk.since', { t: formatTime(counter.state_since) })}</span>}
      </div>
      <p className="staff-line">
        {t('clerk.staff')}：{staff?.name ?? ''}（{staff?.login ?? ''}）
      </p>
      <div className="actions">
        {counter.state === 'open' ? (
          <KeyButton label={t('clerk.pause')} hotkey="F9" onPress={() => setPausing(true)} disabledReason={needHub} />
        ) : (
          <KeyButton
            label={t('clerk.resume')}
            hotkey="F9"
            variant="primary"
            onPress={() => void run(api.command('counter.resume', { counterId }))}
            disabledReason={needHub ?? (counter.state === 'paused' ? null : t('clerk.why.notPaused'))}
          />
        )}
        <KeyButton
          label={t('clerk.signout')}
          hotkey="F10"
          variant="danger"
          onPress={() => void run(api.command('counter.signOut', { counterId }))}
          disabledReason={needHub}
        />
      </div>
      <ErrorLine error={error} />
      {pausing && (
        <PauseDialog
          onCancel={() => setPausing(false)}
          onPause={async (reason) => {
            if (await run(api.command('counter.pause', { counterId, reason }))) setPausing(false);
          }}
        />
      )}
    </section>
  );
}

/** Digits pick a usual reason; anything else can be typed. Esc cancels. */
function PauseDialog({ onPause, onCancel }: { onPause: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  return (
    <Dialog title={t('clerk.pause.title')} onClose={onCancel}>
      <div
        className="reasons"
        onKeyDown={(e) => {
          const n = Number(e.key);
          if (n >= 1 && n <= PAUSE_REASONS.length) onPause(PAUSE_REASONS[n - 1]!);
        }}
      >
        {PAUSE_REASONS.map((r, i) => (
          <button key={r} type="button" className="btn" autoFocus={i === 0} onClick={() => onPause(r)}>
            <kbd>{i + 1}</kbd> {r}
          </button>
        ))}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (other.trim()) onPause(other.trim());
        }}
      >
        <label>
          {t('clerk.pause.other')}
          <input value={other} onChange={(e) => setOther(e.target.value)} maxLength={100} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!other.trim()}>
          {t('clerk.pause.confirm')}
        </button>
      </form>
    </Dialog>
  );
}

function Inquiries({ counterId, staffId }: { counterId: string; staffId: string }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const [topic, setTopic] = useState('');
  const [detail, setDetail] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const { error, check } = useCommandError();
  const open = rowsOf(replica, 'inquiries')
    .filter((i) => i.staff_id === staffId && i.status === 'open')
    .sort((a, b) => b.created_at - a.created_at);
  const record = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await api.command('inquiry.record', { inquiryId: crypto.randomUUID(), counterId, topic: topic.trim(), detail });
    if (check(outcome)) {
      setTopic('');
      setDetail('');
      setNote(outcome.ok === 'queued' ? t('inq.queued') : null);
    }
  };
  return (
    <section className="card inquiries" aria-label={t('inq.title')}>
      <h2>{t('inq.title')}</h2>
      <form onSubmit={record} className="inq-form">
        <label>
          {t('inq.topic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={100} required />
        </label>
        <label>
          {t('inq.detail')}
          <input value={detail} onChange={(e) => setDetail(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('inq.record')}
        </button>
      </form>
      <ErrorLine error={error} />
      {note && <p className="info">{note}</p>}
      <h3>{t('inq.open')}</h3>
      {open.length === 0 ? (
        <p className="muted">{t('inq.none')}</p>
      ) : (
        <ul className="inq-list">
          {open.map((i) => (
            <InquiryItem key={i.id} id={i.id} topic={i.topic} at={i.created_at} onError={check} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InquiryItem({ id, topic, at, onError }: { id: string; topic: string; at: number; onError: (o: CommandOutcome) => boolean }) {
  const { api } = useHall();
  const { t } = useI18n();
  const [resolution, setResolution] = useState('');
  return (
    <li>
      <span className="inq-topic">{topic}</span>
      <span className="muted">{formatTime(at)}</span>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (onError(await api.command('inquiry.resolve', { inquiryId: id, resolution: resolution.trim() }))) setResolution('');
        }}
      >
        <input
          aria-label={`${t('inq.resolution')}：${topic}`}
          placeholder={t('inq.resolution')}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          required
        />
        <button type="submit" className="btn">
          {t('inq.resolve')}
        </button>
      </form>
    </li>
  );
}
