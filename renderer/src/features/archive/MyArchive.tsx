import { useMemo, useState } from 'react';
import { SCORED_KINDS } from '../../../../shared/archive/enums';
import type { ArchiveMonth } from '../../../../shared/archive/queries';
import { useHall } from '../../app/hall';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { ArchiveView } from './ArchiveView';
import { useMonth } from './useMonth';

/** The clerk's own archive at their counter: the month's facts, entries and score; a finding or deduction may be contested once. */
export function MyArchive() {
  const { t } = useI18n();
  const [month, setMonth] = useMonth();
  const [tick, setTick] = useState(0);
  const mine = useHubQuery(
    'archive.mine',
    useMemo(() => ({ month }), [month]),
    tick,
  );
  return (
    <section className="card" aria-label={t('clerk.tab.archive')}>
      <div className="case-head">
        <h2>{t('clerk.tab.archive')}</h2>
        <label className="inline">
          {t('ar.month')}
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        <button type="button" className="btn small" onClick={() => setTick(tick + 1)}>
          {t('ar.refresh')}
        </button>
      </div>
      <ErrorLine error={mine.error} />
      {mine.result === null && !mine.error && <p className="muted">{t('ar.mineNone')}</p>}
      {mine.result && (
        <ArchiveView
          a={mine.result}
          action={(e) =>
            e.contest === null && SCORED_KINDS.includes(e.kind) ? <Contest entry={e} onDone={() => setTick(tick + 1)} /> : null
          }
        />
      )}
    </section>
  );
}

/** Contesting one entry about oneself: the grounds, sent once. */
export function Contest({ entry, onDone }: { entry: ArchiveMonth['entries'][number]; onDone: () => void }) {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [open, setOpen] = useState(false);
  const [grounds, setGrounds] = useState('');
  if (!open)
    return (
      <button type="button" className="btn small" aria-label={t('ar.contestEntry', { day: entry.day })} onClick={() => setOpen(true)}>
        {t('ar.contestButton')}
      </button>
    );
  return (
    <form
      className="row"
      aria-label={t('ar.contestEntry', { day: entry.day })}
      onSubmit={(e) => {
        e.preventDefault();
        void api.command('archive.contest', { entryId: entry.id, grounds }).then((o) => check(o) && onDone());
      }}
    >
      <label className="grow">
        {t('ar.grounds')}
        <input value={grounds} onChange={(e) => setGrounds(e.target.value)} maxLength={500} required />
      </label>
      <button type="submit" className="btn btn-primary">
        {t('ar.sendContest')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
