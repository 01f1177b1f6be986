import { useEffect, useState } from 'react';
import type { HallError } from '../../../../shared/kernel/errors';
import { FIGURES, formatFigure, type Figure } from '../../../../shared/reports/figures';
import type { QueryResult } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useNow } from '../../app/time';
import { useI18n } from '../../i18n';
import { ErrorLine } from '../../ui/ErrorLine';

/** What a clerk sees of their own work: what they did, and how their time went. */
const QUEUE_SHOWN = ['called', 'finished', 'transferred', 'noShows', 'avgWait', 'serviceLevel', 'avgService'];
const COUNTER_SHOWN = ['signedIn', 'serving', 'idle', 'idleWaiting', 'paused', 'throughput'];
const pick = <K extends 'queue' | 'counters'>(kind: K, ids: readonly string[]) =>
  ids.map((id) => FIGURES[kind].find((f) => f.id === id)!) as Figure<K>[];

/**
 * 我的工作量: the signed-in clerk's own figures today and this month (reports.mine answers only for
 * the clerk signed in at this counter), computed from the sums by the report's own definitions.
 */
export function MyFigures() {
  const { api } = useHall();
  const { t } = useI18n();
  const minute = Math.floor(useNow(60_000) / 60_000);
  const [mine, setMine] = useState<QueryResult<'reports.mine'> | null>(null);
  const [error, setError] = useState<HallError | null>(null);
  useEffect(() => {
    let current = true;
    void api.query('reports.mine', {}).then((r) => {
      if (!current) return;
      if (r.ok) setMine(r.result);
      setError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [api, minute]);
  const rows = [
    ...pick('queue', QUEUE_SHOWN).map((f) => ({ f, of: (p: QueryResult<'reports.mine'>['today']) => f.value(p.queue as never) })),
    ...pick('counters', COUNTER_SHOWN).map((f) => ({ f, of: (p: QueryResult<'reports.mine'>['today']) => f.value(p.counters as never) })),
  ];
  return (
    <section aria-label={t('rp.mine.title')}>
      <ErrorLine error={error} />
      {!mine && !error && <p className="muted">{t('rp.loading')}</p>}
      {mine && (
        <table className="service-table report-table" aria-label={t('rp.mine.title')}>
          <thead>
            <tr>
              <th scope="col">{t('rp.mine.figure')}</th>
              <th scope="col" className="num">
                {t('rp.mine.today')}
              </th>
              <th scope="col" className="num">
                {t('rp.mine.month')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ f, of }) => (
              <tr key={f.id}>
                <th scope="row">{t(`rp.figure.${f.id}` as 'rp.figure.issued')}</th>
                <td className="num">{formatFigure(of(mine.today), f.unit) || '—'}</td>
                <td className="num">{formatFigure(of(mine.month), f.unit) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
