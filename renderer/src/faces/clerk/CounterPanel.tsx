import { useState } from 'react';
import { PAUSE_REASON_CODES, PAUSE_REASONS } from '../../../../shared/counter/rules';
import { rowById, type CommandOutcome } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { formatTime } from '../../app/time';
import { pauseReasonText } from '../../features/counter/pauseReason';
import { useI18n } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { KeyButton } from '../../ui/KeyButton';

/** The counter's session: who is at it, pause (with a reason) and resume, sign out. */
export function CounterPanel({ counterId }: { counterId: string }) {
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
        {counter.state === 'paused' && <span className="pause-reason">{pauseReasonText(t, counter.pause_reason)}</span>}
        {counter.state_since && <span className="since">{t('clerk.since', { t: formatTime(counter.state_since) })}</span>}
      </div>
      <p className="staff-line">{t('clerk.staffLine', { name: staff?.name ?? '', login: staff?.login ?? '' })}</p>
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

/**
 * Digits pick a usual reason, labelled in the clerk's language; the hub gets its stored text
 * (PAUSE_REASONS), which every screen shows the same. Anything else can be typed. Esc cancels.
 */
function PauseDialog({ onPause, onCancel }: { onPause: (reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  return (
    <Dialog title={t('clerk.pause.title')} onClose={onCancel}>
      <div
        className="reasons"
        onKeyDown={(e) => {
          const code = PAUSE_REASON_CODES[Number(e.key) - 1];
          if (code) onPause(PAUSE_REASONS[code]);
        }}
      >
        {PAUSE_REASON_CODES.map((code, i) => (
          <button key={code} type="button" className="btn" autoFocus={i === 0} onClick={() => onPause(PAUSE_REASONS[code])}>
            <kbd>{i + 1}</kbd> {t(`pauseReason.${code}`)}
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
