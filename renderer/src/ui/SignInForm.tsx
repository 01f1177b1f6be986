import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';
import { ErrorLine, useCommandError, type Outcome } from './ErrorLine';

/** A staff member confirms on the spot with their own 工号 and password (a priority ticket, an extension). */
export function StaffConfirm(props: { login: string; password: string; onLogin: (v: string) => void; onPassword: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('clerk.login')}
        <input value={props.login} onChange={(e) => props.onLogin(e.target.value)} required autoComplete="off" />
      </label>
      <label>
        {t('clerk.password')}
        <input type="password" value={props.password} onChange={(e) => props.onPassword(e.target.value)} required autoComplete="off" />
      </label>
    </>
  );
}

/** 工号 and password, for a counter or a manager terminal; the password is cleared once accepted. */
export function SignInForm(props: { title: string; button: string; onSignIn: (login: string, password: string) => Promise<Outcome> }) {
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { error, check } = useCommandError();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (check(await props.onSignIn(login.trim(), password))) setPassword('');
  };
  return (
    <form className="card signin" onSubmit={submit} aria-label={props.title}>
      <h2>{props.title}</h2>
      <label>
        {t('clerk.login')}
        <input autoFocus value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        {t('clerk.password')}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
      </label>
      <ErrorLine error={error} />
      <button type="submit" className="btn btn-primary">
        {props.button}
      </button>
    </form>
  );
}
