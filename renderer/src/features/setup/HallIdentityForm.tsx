import { useState } from 'react';
import { rowById } from '../../../../shared/protocol';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { ErrorLine } from '../../ui/ErrorLine';
import { useDraft } from '../../ui/useDraft';
import { useSetupCommand } from './useSetupCommand';

/** Whole-hour offsets from UTC−12 to UTC+14, as the hall's time zone. */
const OFFSETS = Array.from({ length: 27 }, (_, i) => (i - 12) * 60);

/** The hall's name, code (it begins every case number) and time zone (it decides the hall's day). */
export function HallIdentityForm() {
  const { replica, connection } = useHall();
  const { t } = useI18n();
  const hall = rowById(replica, 'halls', connection.welcome?.hallId);
  const stored = {
    name: hall?.name ?? '',
    code: hall?.code ?? '',
    utcOffsetMinutes: parseQueueSettings(hall?.queue_settings ?? '{}').utcOffsetMinutes,
  };
  const [draft, setDraft] = useDraft(stored);
  const { error, busy, run } = useSetupCommand();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card hs-form"
      aria-label={t('hs.hall')}
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved((await run('hall.setIdentity', { ...draft, name: draft.name.trim(), code: draft.code.trim().toUpperCase() })) !== null);
      }}
    >
      <h2>{t('hs.hall')}</h2>
      <div className="row">
        <label>
          {t('hs.hallName')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={60} />
        </label>
        <label>
          {t('hs.hallCode')}
          <input
            className="short"
            value={draft.code}
            onChange={(e) => setDraft({ ...draft, code: e.target.value })}
            required
            maxLength={12}
          />
        </label>
        <label>
          {t('hs.timezone')}
          <select value={draft.utcOffsetMinutes} onChange={(e) => setDraft({ ...draft, utcOffsetMinutes: Number(e.target.value) })}>
            {OFFSETS.map((m) => (
              <option key={m} value={m}>
                {t('hs.utc', { sign: m < 0 ? '−' : '+', h: Math.abs(m / 60) })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('hs.save')}
        </button>
        {saved && <span className="info">{t('hs.saved')}</span>}
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
