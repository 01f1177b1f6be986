import { useState } from 'react';
import { rowById } from '../../../../shared/protocol';
import { parsePackSettings } from '../../../../shared/reports/settings';
import { useHall } from '../../app/hall';
import { formatDateTime } from '../../app/time';
import { useHubQuery } from '../../app/useHubQuery';
import { useI18n } from '../../i18n';
import { ErrorLine, useCommandError } from '../../ui/ErrorLine';
import { useDraft } from '../../ui/useDraft';

const NO_PARAMS = {};
const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

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
        <table className="service-table" aria-label={t('rp.packSettings.recent')}>
          <thead>
            <tr>
              <th scope="col">{t('rp.packSettings.col.month')}</th>
              <th scope="col">{t('rp.packSettings.col.at')}</th>
              <th scope="col">{t('rp.packSettings.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {result.recent.map((a) => (
              <tr key={`${a.month}-${a.attemptedAt}`}>
                <td>{a.month}</td>
                <td>{formatDateTime(a.attemptedAt)}</td>
                <td className={a.error === null ? undefined : 'error'}>
                  {a.error === null
                    ? a.files.map((f) => (
                        <code key={f} title={f} className="file">
                          {fileName(f)}
                        </code>
                      ))
                    : t('rp.packSettings.failed', { message: a.error })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
