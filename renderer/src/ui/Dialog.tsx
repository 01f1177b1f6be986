import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** A modal the keyboard can drive: focus starts inside, Esc closes. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>{title}</h2>
      {children}
      <button type="button" className="btn" onClick={onClose}>
        {t('app.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
