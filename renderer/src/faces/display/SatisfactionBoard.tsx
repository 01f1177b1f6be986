import { useEffect, useState } from 'react';
import type { SatisfactionBoard as Board } from '../../../../shared/ratings/board';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { percentText } from '../../../../shared/kernel/percent';

/** How old the board may get before the display asks again (it changes by the rating, slowly). */
const FRESH_MS = 5 * 60_000;

/**
 * This month's 好差评 per department, asked of the hub while `wanted` (the display is idle) and
 * kept a few minutes: aggregates only (ratings.board). Null until the first answer.
 */
export function useSatisfactionBoard(wanted: boolean, now: number): Board | null {
  const { api } = useHall();
  const [board, setBoard] = useState<{ at: number; board: Board } | null>(null);
  const stale = board === null || now - board.at >= FRESH_MS;
  useEffect(() => {
    if (!wanted || !stale) return;
    let current = true;
    void api.query('ratings.board', {}).then((a) => {
      if (current && a.ok) setBoard({ at: now, board: a.result });
    });
    return () => {
      current = false;
    };
    // Asked once each time it is wanted and stale, not at every tick of `now`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, stale, api]);
  return board?.board ?? null;
}

const pct = (satisfied: number, ratings: number) => percentText(ratings === 0 ? null : satisfied / ratings) ?? '—';

/**
 * The public board, in plain elements (the display's chunk stays small): each department's
 * 满意率 beside its count of ratings, "few ratings" where below the hall's minimum, and the
 * clerks' public names only where the hall publishes them.
 */
export function SatisfactionBoard({ board }: { board: Board }) {
  const { t } = useI18n();
  const withClerks = board.departments.some((d) => d.clerks.length > 0);
  return (
    <section className="satisfaction" aria-label={t('sat.title')}>
      <h2>
        {t('sat.title')} <span className="muted">{t('sat.month', { month: board.month })}</span>
      </h2>
      {board.departments.length === 0 ? (
        <p className="satisfaction-none">{t('sat.none')}</p>
      ) : (
        <table aria-label={t('sat.title')}>
          <thead>
            <tr>
              <th scope="col">{t('sat.department')}</th>
              <th scope="col">{t('sat.satisfaction')}</th>
              <th scope="col">{t('sat.ratings')}</th>
              {withClerks && <th scope="col">{t('sat.clerks')}</th>}
            </tr>
          </thead>
          <tbody>
            {board.departments.map((d) => (
              <tr key={d.name}>
                <th scope="row">{d.name || t('sat.noDepartment')}</th>
                <td className="satisfaction-rate">
                  {t('sat.rate', { pct: pct(d.satisfied, d.ratings) })}
                  {d.few && <span className="satisfaction-few">{t('sat.few')}</span>}
                </td>
                <td>{d.ratings}</td>
                {withClerks && (
                  <td className="satisfaction-clerks">
                    {d.clerks.map((c) => (
                      <span key={c.name}>{t('sat.clerk', { name: c.name, pct: pct(c.satisfied, c.ratings), n: c.ratings })}</span>
                    ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
