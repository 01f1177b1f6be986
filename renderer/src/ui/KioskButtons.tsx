import { useI18n } from '../i18n';

/** A kiosk form's two large buttons: back on the left, the form's action on the right. */
export function KioskButtons({ onBack, busy, action }: { onBack: () => void; busy: boolean; action: string }) {
  const { t } = useI18n();
  return (
    <div className="kiosk-buttons">
      <button type="button" className="btn kiosk-back" onClick={onBack}>
        ‹ {t('kiosk.back')}
      </button>
      <button type="submit" className="btn btn-primary kiosk-take" disabled={busy}>
        {action}
      </button>
    </div>
  );
}
