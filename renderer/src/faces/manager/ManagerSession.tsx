import { useState, type FormEvent } from 'react';
import { rowById, rowsOf, type Row } from '../../../../shared/protocol';
import { type StaffRole } from '../../../../shared/kernel/roles';
import { ErrorLine, PlainPage, SignInForm, useCommandError } from '../../ui/components';
import { useHall } from '../../app/hall';
import { useI18n } from '../../i18n';

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
      {staff.name}（{t(`staffRole.${staff.role}`)}）
      <button type="button" className="lang" onClick={() => void api.command('session.signOut', {})}>
        {t('mgr.signout')}
      </button>
    </span>
  );
}

/** The hall's staff: the administrator adds people and sets a new password for one who forgot it. */
export function StaffAdmin() {
  const { api, replica } = useHall();
  const { t } = useI18n();
  const { error, check } = useCommandError();
  const [done, setDone] = useState<string | null>(null);
  const [draft, setDraft] = useState({ login: '', name: '', role: 'clerk' as StaffRole, departmentId: '', password: '' });
  const [resetting, setResetting] = useState<{ id: string; password: string } | null>(null);
  const staff = rowsOf(replica, 'staff').sort((a, b) => a.login.localeCompare(b.login));
  const departments = rowsOf(replica, 'departments').sort((a, b) => a.sort - b.sort);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await api.command('staff.create', {
      staffId: crypto.randomUUID(),
      ...draft,
      login: draft.login.trim(),
      name: draft.name.trim(),
      departmentId: draft.departmentId || null,
    });
    if (check(outcome)) {
      setDone(t('staff.added', { login: draft.login.trim() }));
      setDraft({ ...draft, login: '', name: '', password: '' });
    }
  };
  return (
    <section className="card" aria-label={t('staff.title')}>
      <h2>{t('staff.title')}</h2>
      <form className="threshold-form" onSubmit={add} aria-label={t('staff.add')}>
        <label className="inline">
          {t('clerk.login')}
          <input value={draft.login} onChange={(e) => setDraft({ ...draft, login: e.target.value })} required />
        </label>
        <label className="inline">
          {t('staff.name')}
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
        </label>
        <label className="inline">
          {t('staff.role')}
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as StaffRole })}>
            {(['clerk', 'manager', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`staffRole.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('sup.department')}
          <select value={draft.departmentId} onChange={(e) => setDraft({ ...draft, departmentId: e.target.value })}>
            <option value="">—</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('staff.firstPassword')}
          <input
            type="password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            required
            minLength={8}
            autoComplete="new-password"
          />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('staff.add')}
        </button>
      </form>
      <ErrorLine error={error} />
      {done && <p className="info">{done}</p>}
      <div className="scroll">
        <table className="service-table" aria-label={t('staff.list')}>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id}>
                <td className="mono">{s.login}</td>
                <td>{s.name}</td>
                <td>{t(`staffRole.${s.role}`)}</td>
                <td>{rowById(replica, 'departments', s.department_id)?.name ?? ''}</td>
                <td>
                  {resetting?.id === s.id ? (
                    <form
                      className="row"
                      onSubmit={async (e) => {
                        e.preventDefault();
                        if (check(await api.command('staff.setPassword', { staffId: s.id, password: resetting.password }))) {
                          setResetting(null);
                          setDone(t('staff.reset', { login: s.login }));
                        }
                      }}
                    >
                      <input
                        type="password"
                        aria-label={t('staff.newPassword', { login: s.login })}
                        value={resetting.password}
                        onChange={(e) => setResetting({ id: s.id, password: e.target.value })}
                        minLength={8}
                        required
                        autoFocus
                      />
                      <button type="submit" className="btn small">
                        {t('q.confirm')}
                      </button>
                    </form>
                  ) : (
                    <button type="button" className="btn small" onClick={() => setResetting({ id: s.id, password: '' })}>
                      {t('staff.resetButton')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
