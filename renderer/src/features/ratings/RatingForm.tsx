import { useState } from 'react';
import { BAD_REASONS, RATING_LEVELS, SUB_SCORES, type BadReason, type SubScore } from '../../../../shared/ratings/enums';
import { isBad } from '../../../../shared/ratings/rules';
import { RatingFace } from './RatingFace';
import { useI18n } from '../../i18n';

/** A rating as the applicant gives it, the same at the window's evaluator and on their phone. */
export interface GivenRating {
  level: number;
  subScores: Partial<Record<SubScore, number>>;
  reasons: BadReason[];
  comment: string;
}

const levelKey = (l: number) => `eval.level.${l as 1 | 2 | 3 | 4 | 5}` as const;

/**
 * The rating: one of five levels with its face and words; then the in-person sub-scores, and for a
 * 差评 (1–2) at least one reason (the button waits for it); then it is sent once. `withComment`
 * adds a free remark (on the phone, where there is a keyboard).
 */
export function RatingForm({
  busy,
  withComment = false,
  onSubmit,
}: {
  busy: boolean;
  withComment?: boolean;
  onSubmit: (r: GivenRating) => void;
}) {
  const { t } = useI18n();
  const [level, setLevel] = useState<number | null>(null);
  const [scores, setScores] = useState<Partial<Record<SubScore, number>>>({});
  const [reasons, setReasons] = useState<Set<BadReason>>(new Set());
  const [comment, setComment] = useState('');
  return (
    <>
      <div className="levels" role="group" aria-label={t('eval.levels')}>
        {RATING_LEVELS.map(Number).map((l) => (
          <button key={l} type="button" className={`level level-${l}`} aria-pressed={level === l} onClick={() => setLevel(l)}>
            <RatingFace level={l} />
            <span>{t(levelKey(l))}</span>
          </button>
        ))}
      </div>
      {level !== null && (
        <>
          {SUB_SCORES.map((s) => (
            <div key={s} className="subscore" role="group" aria-label={t(`eval.sub.${s}`)}>
              <span>{t(`eval.sub.${s}`)}</span>
              {RATING_LEVELS.map(Number).map((l) => (
                <button
                  key={l}
                  type="button"
                  className="btn"
                  aria-pressed={scores[s] === l}
                  aria-label={`${t(`eval.sub.${s}`)} ${t(levelKey(l))}`}
                  onClick={() => setScores({ ...scores, [s]: l })}
                >
                  {t(levelKey(l))}
                </button>
              ))}
            </div>
          ))}
          {isBad(level) && (
            <div className="reasons" role="group" aria-label={t('eval.reasons')}>
              <p>{t('eval.reasons')}</p>
              {BAD_REASONS.map((r) => (
                <button
                  key={r}
                  type="button"
                  className="btn"
                  aria-pressed={reasons.has(r)}
                  onClick={() => {
                    const next = new Set(reasons);
                    if (!next.delete(r)) next.add(r);
                    setReasons(next);
                  }}
                >
                  {t(`eval.reason.${r}`)}
                </button>
              ))}
            </div>
          )}
          {withComment && (
            <label className="rating-comment">
              {t('rate.comment')}
              <textarea value={comment} maxLength={200} rows={3} onChange={(e) => setComment(e.target.value)} />
            </label>
          )}
          <button
            type="button"
            className="btn btn-primary submit"
            disabled={busy || (isBad(level) && reasons.size === 0)}
            onClick={() => onSubmit({ level, subScores: scores, reasons: [...reasons], comment: comment.trim() })}
          >
            {t('eval.submit')}
          </button>
        </>
      )}
    </>
  );
}
