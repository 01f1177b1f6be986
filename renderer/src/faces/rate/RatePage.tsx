import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { RateLookAnswer, RatingCode, printedRatingCode } from '../../../../shared/ratings/phone';
import { RatingForm, type GivenRating } from '../../features/ratings/RatingForm';
import { LanguageToggle, useI18n } from '../../i18n';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { phonePost } from '../../app/phonePost';
import '../faces.css';

/** A call to the hub's phone route (http/rate.ts). */
const post = <T,>(path: '/rate' | '/rate/look', body: unknown, result: z.ZodType<T>) => phonePost(path, body, result);

type Step =
  { kind: 'enter' } | { kind: 'looking'; code: string } | { kind: 'rate'; code: string; look: RateLookAnswer } | { kind: 'thanks' };

/**
 * The applicant's phone page (`#/rate?code=…`, no sign-in, no terminal): the code from the QR
 * image or typed from the paper, then what it rates — the item or service, the counter, the day,
 * and nothing about anyone — then one rating and thanks. A used, expired or unknown code is
 * refused in words; nothing is kept in the phone.
 */
export default function RatePage({ code: given }: { code: string | null }) {
  const { t } = useI18n();
  const initial = given ? RatingCode.safeParse(given) : null;
  const [step, setStep] = useState<Step>(initial?.success ? { kind: 'looking', code: initial.data } : { kind: 'enter' });
  const [error, setError] = useState<Problem | null>(initial && !initial.success ? t('rate.badCode') : null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (step.kind !== 'looking') return;
    let current = true;
    void post('/rate/look', { code: step.code }, RateLookAnswer).then((a) => {
      if (!current) return;
      if (a.ok) setStep({ kind: 'rate', code: step.code, look: a.result });
      else {
        setError(a.error);
        setStep({ kind: 'enter' });
      }
    });
    return () => {
      current = false;
    };
  }, [step]);

  const submit = async (code: string, r: GivenRating) => {
    setBusy(true);
    const a = await post('/rate', { code, ...r }, z.object({}));
    setBusy(false);
    setError(a.ok ? null : a.error);
    if (a.ok) setStep({ kind: 'thanks' });
  };

  return (
    <div className="face rate-page">
      <header className="rate-head">
        <h1>{t('rate.title')}</h1>
        <LanguageToggle />
      </header>
      {step.kind === 'thanks' ? (
        <main className="rate-thanks" role="status">
          <p className="rate-thanks-big">{t('rate.thanks')}</p>
          <p>{t('rate.thanksNote')}</p>
        </main>
      ) : step.kind === 'rate' ? (
        <main className="rate-main" aria-label={t('rate.title')}>
          <dl className="rate-subject">
            <div>
              <dt>{t('rate.subject')}</dt>
              <dd>{step.look.subject}</dd>
            </div>
            {step.look.counter && (
              <div>
                <dt>{t('rate.counter')}</dt>
                <dd>{step.look.counter}</dd>
              </div>
            )}
            <div>
              <dt>{t('rate.day')}</dt>
              <dd>{step.look.day}</dd>
            </div>
          </dl>
          <h2>{t('eval.question')}</h2>
          <RatingForm busy={busy} withComment onSubmit={(r) => void submit(step.code, r)} />
          <ErrorLine error={error} />
        </main>
      ) : (
        <main className="rate-main">
          <CodeForm
            busy={step.kind === 'looking'}
            onCode={(code) => {
              setError(null);
              setStep({ kind: 'looking', code });
            }}
          />
          <ErrorLine error={error} />
        </main>
      )}
      <p className="rate-privacy muted">{t('rate.privacy')}</p>
    </div>
  );
}

/** The code typed from the paper, when the QR image was not scanned (or was refused). */
function CodeForm({ busy, onCode }: { busy: boolean; onCode: (code: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [wrong, setWrong] = useState(false);
  const send = (e: FormEvent) => {
    e.preventDefault();
    const code = RatingCode.safeParse(text);
    setWrong(!code.success);
    if (code.success) onCode(code.data);
  };
  return (
    <form className="rate-code" onSubmit={send}>
      <label>
        {t('rate.enterCode')}
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={printedRatingCode('XXXXXXXXXXXXXXXX')}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={wrong}
        />
      </label>
      {wrong && <p className="error">{t('rate.badCode')}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('rate.looking') : t('rate.look')}
      </button>
    </form>
  );
}
