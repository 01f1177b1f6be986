import { useEffect, useRef, useState } from 'react';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useNow } from '../../app/time';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { RatingForm } from '../../features/ratings/RatingForm';
import '../faces.css';

const THANKS_MS = 4000;

/** A short two-note chime: the applicant hears that the window asks for their rating. */
function chime(): void {
  try {
    const audio = new AudioContext();
    [660, 880].forEach((hz, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = hz;
      gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.25 + 0.4);
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + i * 0.25);
      tone.stop(audio.currentTime + i * 0.25 + 0.45);
    });
  } catch {
    // No audio output: the prompt on the screen is enough.
  }
}

/**
 * The window's evaluator (评价器), facing the applicant: idle it shows the counter and the card of
 * the person serving (public name and photo, never the applicant's data); when the clerk finishes
 * it asks for a rating of that service until the request expires, takes it once, and thanks.
 */
export default function EvaluatorFace() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const now = useNow(500);
  const counter = rowById(replica, 'counters', connection.welcome?.counterId);
  const request = rowsOf(replica, 'rating_requests')
    .filter((r) => r.status === 'pending' && r.expires_at > now)
    .sort((a, b) => b.created_at - a.created_at)[0];
  const [thankedAt, setThankedAt] = useState<number | null>(null);
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (request && announced.current !== request.id) {
      announced.current = request.id;
      chime();
    }
  }, [request]);
  const thanking = thankedAt !== null && now - thankedAt < THANKS_MS;
  return (
    <div className="face evaluator">
      <header className="evaluator-head">
        <span>{counter?.name ?? ''}</span>
        <LanguageToggle />
      </header>
      {thanking ? (
        <main className="evaluator-thanks" role="status">
          {t('eval.thanks')}
        </main>
      ) : request ? (
        <Prompt key={request.id} request={request} now={now} onDone={() => setThankedAt(now)} />
      ) : (
        <Idle counter={counter} />
      )}
    </div>
  );
}

function Idle({ counter }: { counter: Row<'counters'> | undefined }) {
  const { replica } = useHall();
  const { t } = useI18n();
  const card = counter?.state === 'closed' ? undefined : rowById(replica, 'staff_cards', counter?.staff_id);
  return (
    <main className="evaluator-idle" aria-label={t('eval.idle')}>
      {card ? (
        <figure className="staff-card">
          {card.photo ? (
            <img src={card.photo} alt={t('eval.photo', { name: card.display_name })} />
          ) : (
            <div className="no-photo" aria-hidden="true" />
          )}
          <figcaption>
            <span className="staff-name">{card.display_name}</span>
            {card.staff_no && <span className="staff-no">{t('eval.staffNo', { no: card.staff_no })}</span>}
            <span className="muted">{t('eval.servingYou')}</span>
          </figcaption>
        </figure>
      ) : (
        <p className="evaluator-closed">{t('eval.closed')}</p>
      )}
      <p className="evaluator-invite">{t('eval.invite')}</p>
    </main>
  );
}

/** The prompt for one service: what it was, the time left, a way out, and the rating (RatingForm). */
function Prompt({ request, now, onDone }: { request: Row<'rating_requests'>; now: number; onDone: () => void }) {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [busy, setBusy] = useState(false);
  const service = rowById(replica, 'services', request.service_id);
  const secondsLeft = Math.max(0, Math.ceil((request.expires_at - now) / 1000));
  const done = async (outcome: Promise<Parameters<typeof check>[0]>) => {
    setBusy(true);
    if (check(await outcome)) onDone();
    setBusy(false);
  };
  return (
    <main className="evaluator-prompt" aria-label={t('eval.prompt')}>
      <div className="prompt-head">
        <h1>{t('eval.question')}</h1>
        {service && <span className="muted">{service.name}</span>}
        <span className="muted">{t('eval.secondsLeft', { s: secondsLeft })}</span>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void done(api.command('rating.decline', { requestId: request.id }))}
        >
          {t('eval.decline')}
        </button>
      </div>
      <RatingForm busy={busy} onSubmit={(r) => void done(api.command('rating.submit', { requestId: request.id, ...r }))} />
      <ErrorLine error={error} />
    </main>
  );
}
