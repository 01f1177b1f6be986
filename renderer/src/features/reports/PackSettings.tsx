import { useState } from 'react';
import { rowById } from '../../../../shared/protocol';
import { parsePackSettings } from '../../../../shared/reports/settings';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { useDraft } from '../../ui/useDraft';
import { DataTable } from '../../ui/DataTable';
import { FileName } from '../../ui/FileName';

const NO_PARAMS = {};

/**
 * 月度报表汇编: the administrator turns on the pack the hub writes after each month ends and names
 * its folder on the hub's PC (a full path; the hub refuses any other), and sees the hub's last
 * attempts: the files written, or why a month's pack could not be.
 */
export function PackSettings() {
  const { api, replica, connection } = useHall();
  const { t } = useI18n();
  const stored = parsePackSettings(rowById(replica, 'halls', connection.welcome?.hallId)?.report_pack_settings ?? '{}');
  const [values, setValues] = useDraft(stored);
  const { error, check } = useCommandError();
  const [saved, setSaved] = useState(false);
  const [tick, setTick] = useState(0);
  const { result } = useHubQuery('reports.packStatus', NO_PARAMS, tick);
  return (
    <form
      className="card pack-settings"
      aria-label={t('rp.packSettings.title')}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(check(await api.command('reports.setPackSettings', values)));
        setTick((n) => n + 1);
      }}
    >
      <h2>{t('rp.packSettings.title')}</h2>
      <p className="muted">{t('rp.packSettings.explain')}</p>
      <div className="pack-row">
        <label className="pack-check">
          <input
            type="checkbox"
            checked={values.enabled}
            onChange={(e) => (setValues({ ...values, enabled: e.target.checked }), setSaved(false))}
          />
          {t('rp.packSettings.enabled')}
        </label>
        <label className="pack-folder">
          {t('rp.packSettings.folder')}
          <input
            type="text"
            value={values.folder}
            maxLength={500}
            placeholder="/srv/servicehall/reports"
            onChange={(e) => (setValues({ ...values, folder: e.target.value }), setSaved(false))}
          />
        </label>
        <button type="submit" className="btn btn-primary small">
          {t('board.save')}
        </button>
        {saved && (
          <span className="info" role="status">
            {t('board.saved')}
          </span>
        )}
      </div>
      <ErrorLine error={error} />
      {result && result.recent.length > 0 && (
        <DataTable
          label={t('rp.packSettings.recent')}
          rows={result.recent}
          rowKey={(a) => `${a.month}-${a.attemptedAt}`}
          columns={[
            { header: t('rp.packSettings.col.month'), cell: (a) => a.month },
            { header: t('rp.packSettings.col.at'), cell: (a) => formatDateTime(a.attemptedAt) },
            {
              header: t('rp.packSettings.col.outcome'),
              cell: (a) =>
                a.error === null ? (
                  a.files.map((f) => <FileName key={f} path={f} className="file" />)
                ) : (
                  <span className="error">{t('rp.packSettings.failed', { message: a.error })}</span>
                ),
            },
          ]}
        />
      )}
    </form>
  );
}
