import type { ReactNode } from 'react';
import { rowById } from '../../../shared/protocol/replica';
import { LanguageToggle, useI18n } from '../i18n';
import { useHall } from './hall';

/** The link to the hub, always visible: a clerk must know whether a click will reach the server. */
function ConnectionBadge() {
  const { connection } = useHall();
  const { t } = useI18n();
  return (
    <span className={`conn conn-${connection.status}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {t(`conn.${connection.status}`)}
      {connection.pending > 0 && <span className="pending"> · {t('conn.pending', { n: connection.pending })}</span>}
      {connection.checking > 0 && <span className="pending"> · {t('conn.checking', { n: connection.checking })}</span>}
    </span>
  );
}

export function TopBar({ title, children }: { title: string; children?: ReactNode }) {
  const { connection, replica } = useHall();
  // The hall's row, once replicated, follows a rename; the welcome names the hall until then.
  const hallName = rowById(replica, 'halls', connection.welcome?.hallId)?.name ?? connection.welcome?.hallName ?? '';
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="hall-name">{hallName}</span>
        <h1>{title}</h1>
      </div>
      <div className="topbar-right">
        {children}
        <ConnectionBadge />
        <LanguageToggle />
      </div>
    </header>
  );
}
