import { useState } from 'react';
import { FACE_ROLES, type FaceRole } from '../../../../shared/kernel/roles';
import { type PreloadApi } from '../../../../shared/protocol';
import { type TerminalConfig } from '../../../../shared/terminals/config';
import { useI18n } from '../../i18n';
import { CheckList } from '../../ui/CheckList';
import { ErrorLine, type Problem } from '../../ui/ErrorLine';
import { PlainPage } from '../../ui/PlainPage';
import { Options } from '../../ui/Options';
import '../faces.css';

/** Electron only: this PC's terminal configuration, validated again in the main process. */
export default function SetupFace({ bridge, initial }: { bridge: PreloadApi; initial: TerminalConfig }) {
  const { t } = useI18n();
  const [config, setConfig] = useState(initial);
  const [error, setError] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [code, setCode] = useState('');
  const [enrolled, setEnrolled] = useState<string | null>(null);
  const set = <K extends keyof TerminalConfig>(k: K, v: TerminalConfig[K]) => (setConfig({ ...config, [k]: v }), setSaved(false));
  return (
    <PlainPage title={t('setup.title')}>
      <form
        className="card setup-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await bridge.saveConfig(config);
          setError(r.ok ? null : r.error);
          setSaved(r.ok);
        }}
      >
        <fieldset>
          <legend>{t('setup.mode')}</legend>
          {(['standalone', 'terminal'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="mode" checked={config.mode === m} onChange={() => set('mode', m)} />
              {t(`setup.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {config.mode === 'terminal' ? (
          <>
            <label>
              {t('setup.role')}
              <select value={config.role} onChange={(e) => set('role', e.target.value as FaceRole)}>
                <Options items={FACE_ROLES} label={(r) => t(`role.${r}`)} />
              </select>
            </label>
            <label>
              {t('setup.hubUrl')}
              <input value={config.hubUrl} onChange={(e) => set('hubUrl', e.target.value)} />
            </label>
            <fieldset>
              <legend>{t('setup.enroll')}</legend>
              <label>
                {t('setup.code')}
                <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" placeholder="XXXX-XXXX-XXXX" />
              </label>
              <button
                type="button"
                className="btn btn-primary"
                disabled={!code.trim()}
                onClick={async () => {
                  const r = await bridge.enroll(config.hubUrl, code.trim());
                  setError(r.ok ? null : r.error);
                  setEnrolled(
                    r.ok
                      ? t('setup.enrolled', { role: t(`role.${r.role as FaceRole}`), hall: r.hallName }) +
                          (r.fingerprint ? ` ${t('setup.pinned', { f: r.fingerprint })}` : '')
                      : null,
                  );
                  if (r.ok) setConfig({ ...config, role: r.role as FaceRole, token: '' });
                }}
              >
                {t('setup.enrollNow')}
              </button>
              {enrolled && (
                <p className="info" role="status">
                  {enrolled}
                </p>
              )}
            </fieldset>
            <label>
              {t('setup.token')}
              <input value={config.token} onChange={(e) => set('token', e.target.value)} autoComplete="off" />
            </label>
          </>
        ) : (
          <>
            <fieldset>
              <legend>{t('setup.faces')}</legend>
              <CheckList
                items={FACE_ROLES}
                selected={new Set(config.faces)}
                onChange={(faces) => set('faces', [...faces])}
                label={(r) => t(`role.${r}`)}
              />
            </fieldset>
            <label>
              {t('setup.hubPort')}
              <input type="number" value={config.hubPort} onChange={(e) => set('hubPort', Number(e.target.value))} />
            </label>
          </>
        )}
        <label>
          {t('setup.monitor')}
          <input type="number" min={0} value={config.displayMonitor} onChange={(e) => set('displayMonitor', Number(e.target.value))} />
        </label>
        <label>
          {t('setup.printer')}
          <input value={config.printerName} onChange={(e) => set('printerName', e.target.value)} />
        </label>
        <label>
          {t('setup.paper')}
          <select value={config.paperWidthMm} onChange={(e) => set('paperWidthMm', Number(e.target.value) as 58 | 80)}>
            <option value={80}>80 mm</option>
            <option value={58}>58 mm</option>
          </select>
        </label>
        <ErrorLine error={error} />
        {saved && <p className="info">{t('setup.saved')}</p>}
        <button type="submit" className="btn btn-primary">
          {t('setup.save')}
        </button>
      </form>
    </PlainPage>
  );
}
