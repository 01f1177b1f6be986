import { rowById, type Row } from '../../../../shared/protocol';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';
import { PlainPage } from '../../ui/PlainPage';
import { SignInForm } from '../../ui/SignInForm';

/** The person signed in at this manager terminal, or null. */
export function useManagerSession(): Row<'staff'> | null {
  const { replica, connection } = useHall();
  const session = rowById(replica, 'staff_sessions', connection.welcome?.terminalId);
  return (session?.staff_id && rowById(replica, 'staff', session.staff_id)) || null;
}

/** A manager PC acts for a signed-in manager or administrator, never for whoever sits at it. */
export function ManagerSignIn() {
  const { api, connection } = useHall();
  const { t } = useI18n();
  return (
    <PlainPage title={`${connection.welcome?.hallName ?? ''} ${t('board.title')}`}>
      <main className="signin-page">
        <SignInForm
          title={t('mgr.signin')}
          button={t('mgr.signinButton')}
          onSignIn={(login, password) => api.command('session.signIn', { login, password })}
        />
      </main>
    </PlainPage>
  );
}

export function SessionBadge({ staff }: { staff: Row<'staff'> }) {
  const { api } = useHall();
  const { t } = useI18n();
  return (
    <span className="session">
      {t('mgr.who', { name: staff.name, role: t(`staffRole.${staff.role}`) })}
      <button type="button" className="lang" onClick={() => void api.command('session.signOut', {})}>
        {t('mgr.signout')}
      </button>
    </span>
  );
}
