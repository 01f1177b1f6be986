import { useEffect, useRef, useState } from 'react';
import { FollowAnswer, FollowToken } from '../../../../shared/appointments/phone';
import { phonePost } from '../../app/phonePost';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { useCallAlert } from '../../features/appointments/callAlert';
import '../faces.css';

/** How often the page asks the hub (the follow route allows each phone a few calls a second). */
const POLL_MS = 5000;
const REMIND_CHOICES = [0, 1, 3, 5] as const;

/**
 * Following one's turn (`#/follow?t=…`, from the QR on the slip): the number, the service, the
 * people ahead and the estimated wait, then "请到 N 号窗口" when called, with a vibration where the
 * browser allows; the person picks how many ahead to be reminded at. Nothing about anyone.
 */
export default function FollowPage({ token: given }: { token: string | null }) {
  const { t } = useI18n();
  const token = FollowToken.safeParse(given ?? '');
  const [state, setState] = useState<FollowAnswer | null>(null);
  const [error, setError] = useState<Problem | null>(token.success ? null : t('reason.booking.followInvalid'));
  const [remindAt, setRemindAt] = useState<number>(0);
  const reminded = useRef(false);
  const calledBefore = useRef(false);
  const { sound, canVibrate, alert } = useCallAlert();

  useEffect(() => {
    if (!token.success) return;
    let current = true;
    const ask = () =>
      void phonePost('/follow', { token: token.data }, FollowAnswer).then((a) => {
        if (!current) return;
        setError(a.ok ? null : a.error);
        if (a.ok) setState(a.result);
      });
    ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [token.success, token.data]);

  // The call and the chosen reminder, heard and felt as well as seen (as far as the browser lets a page).
  const remindNow = state?.status === 'waiting' && remindAt > 0 && state.ahead !== null && state.ahead <= remindAt;
  useEffect(() => {
    if (state?.status === 'called' && !calledBefore.current) {
      calledBefore.current = true;
      alert('called');
    }
    if (remindNow && !reminded.current) {
      reminded.current = true;
      alert('remind');
    }
  }, [state, remindNow, alert]);

  return (
    <div className="face rate-page follow-page">
      <header className="rate-head">
        <h1>{t('follow.title')}</h1>
        <LanguageToggle />
      </header>
      <main className="rate-main">
        {state ? (
          <>
            <p className="follow-number" aria-label={t('follow.number')}>
              {state.number}
            </p>
            <dl className="rate-subject">
              <div>
                <dt>{t('follow.service')}</dt>
                <dd>{state.service}</dd>
              </div>
              {state.status === 'waiting' && (
                <>
                  <div>
                    <dt>{t('follow.ahead')}</dt>
                    <dd>{t('follow.aheadN', { n: state.ahead ?? 0 })}</dd>
                  </div>
                  <div>
                    <dt>{t('follow.wait')}</dt>
                    <dd>
                      {state.estimatedWaitMinutes === null ? t('follow.waitUnknown') : t('follow.waitN', { n: state.estimatedWaitMinutes })}
                    </dd>
                  </div>
                </>
              )}
            </dl>
            {state.status === 'called' && (
              <p className="follow-called" role="alert">
                {state.counter ? t('follow.called', { counter: state.counter }) : t('follow.calledNoCounter')}
              </p>
            )}
            {state.status === 'done' && <p role="status">{t('follow.done')}</p>}
            {remindNow && (
              <p className="follow-remind" role="alert">
                {t('follow.remindNow', { n: state.ahead ?? 0 })}
              </p>
            )}
            {state.status === 'waiting' && (
              <p className={`follow-sound ${sound}`} role="status">
                {sound === 'locked' ? (
                  <button type="button" className="btn" onClick={() => alert('test')}>
                    {t('follow.soundUnlock')}
                  </button>
                ) : (
                  t(sound === 'on' ? 'follow.soundOn' : 'follow.soundNone')
                )}
                <small>{t(canVibrate ? 'follow.vibrateOn' : 'follow.vibrateNone')}</small>
              </p>
            )}
            {state.status === 'waiting' && (
              <label>
                {t('follow.remind')}
                <select value={remindAt} onChange={(e) => ((reminded.current = false), setRemindAt(Number(e.target.value)))}>
                  {REMIND_CHOICES.map((n) => (
                    <option key={n} value={n}>
                      {n === 0 ? t('follow.remindOff') : t('follow.aheadN', { n })}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        ) : (
          !error && <p className="muted">{t('follow.loading')}</p>
        )}
        <ErrorLine error={error} />
      </main>
      <p className="rate-privacy muted">{t('follow.privacy')}</p>
    </div>
  );
}
