import { useEffect, useState } from 'react';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { DataTable } from '../../ui/DataTable';
import { FileName } from '../../ui/FileName';

const NO_PARAMS = {};
const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/**
 * 数据备份: the administrator backs the hall up now (into the hub's backup folders), follows its
 * progress, and sees the last backups and whether one failed. The folders and the schedule are set
 * on the hub PC (npm run hub -- --backup-to …), which the board only reads.
 */
export function BackupPanel() {
  const { api } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [tick, setTick] = useState(0);
  const { result } = useHubQuery('backup.status', NO_PARAMS, tick);
  const running = result?.running ?? null;
  // While a backup runs, its progress is asked every second (the hub marks it running before it answers the ask).
  const following = running !== null;
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [following]);
  return (
    <section className="card backup-panel" aria-label={t('backup.title')}>
      <h2>{t('backup.title')}</h2>
      {result && !result.scheduled && <p className="muted">{t('backup.notScheduled')}</p>}
      <button
        type="button"
        className="btn btn-primary"
        disabled={running !== null}
        onClick={async () => {
          check(await api.command('backup.run', {}));
          setTick((n) => n + 1);
        }}
      >
        {t('backup.now')}
      </button>
      {running && (
        <p role="status">
          {t(`backup.step.${running.step}`)} <progress aria-label={t('backup.progress')} value={running.share} max={1} />{' '}
          {Math.round(running.share * 100)}%
        </p>
      )}
      {result?.failure && <p className="error">{t('backup.failed', { t: formatDateTime(result.failure.at) })}</p>}
      {result && result.lastOkAt !== null && <p>{t('backup.lastOk', { t: formatDateTime(result.lastOkAt) })}</p>}
      {result && result.recent.length > 0 && (
        <DataTable
          label={t('backup.recent')}
          rows={result.recent}
          rowKey={(b) => b.file}
          columns={[
            { header: t('backup.col.time'), cell: (b) => formatDateTime(b.takenAt) },
            { header: t('backup.col.file'), cell: (b) => <FileName path={b.file} /> },
            { header: t('backup.col.size'), cell: (b) => `${megabytes(b.bytes)} MB` },
            { header: t('backup.col.encrypted'), cell: (b) => (b.encrypted ? t('backup.yes') : t('backup.no')) },
          ]}
        />
      )}
      <ErrorLine error={error} />
    </section>
  );
}
