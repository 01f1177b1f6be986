import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CommandOutcome } from '../../../shared/protocol';
import { useHall } from '../app/hall';
import { LanguageToggle, useI18n } from '../i18n';

/** The link to the hub, always visible: a clerk must know whether a click will reach the server. */
export function ConnectionBadge() {
  const { connection } = useHall();
  const { t } = useI18n();
  const label = t(`conn.${connection.status}`);
  return (
    <span className={`conn conn-${connection.status}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {label}
      {connection.pending > 0 && <span className="pending"> · {t('conn.pending', { n: connection.pending })}</span>}
    </span>
  );
}

export function TopBar({ title, children }: { title: string; children?: ReactNode }) {
  const { connection } = useHall();
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="hall-name">{connection.welcome?.hallName ?? ''}</span>
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

/**
 * A button bound to a function key. When disabled it says why, next to itself, so the clerk
 * never has to guess; the reason is also its accessible description.
 */
export function KeyButton(props: {
  label: string;
  hotkey?: string;
  onPress: () => void;
  disabledReason?: string | null;
  variant?: 'primary' | 'danger' | 'plain';
}) {
  const hintId = useId();
  const disabled = !!props.disabledReason;
  // Read at key time, not captured when the listener was added: a key pressed the moment a
  // button becomes enabled must work (effects run only after the screen has changed).
  const live = useRef({ onPress: props.onPress, disabled });
  live.current = { onPress: props.onPress, disabled };
  useEffect(() => {
    if (!props.hotkey) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== props.hotkey || e.repeat) return;
      e.preventDefault();
      // While a dialog is open, its keys are the only ones: nothing behind it may act.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      if (!live.current.disabled) live.current.onPress();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.hotkey]);
  return (
    <span className="keybutton">
      <button
        type="button"
        className={`btn btn-${props.variant ?? 'plain'}`}
        disabled={disabled}
        aria-describedby={disabled ? hintId : undefined}
        aria-keyshortcuts={props.hotkey}
        onClick={props.onPress}
      >
        {props.label}
        {props.hotkey && <kbd>{props.hotkey}</kbd>}
      </button>
      {disabled && (
        <span id={hintId} className="why">
          {props.disabledReason}
        </span>
      )}
    </span>
  );
}

/** Shows a command's refusal in the person's words; returns whether it went through or was queued. */
export function useCommandError() {
  const [error, setError] = useState<string | null>(null);
  const check = (outcome: CommandOutcome) => {
    if (outcome.ok === false) setError(outcome.error.message);
    else setError(null);
    return outcome.ok !== false;
  };
  return { error, check, setError };
}

export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

/** A plain page frame for setup-like screens: title bar with the language switch, then the body. */
export function PlainPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="face setup">
      <header className="topbar">
        <h1>{title}</h1>
        <LanguageToggle />
      </header>
      {children}
    </div>
  );
}

/** A modal the keyboard can drive: focus starts inside, Esc closes. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2>{title}</h2>
      {children}
      <button type="button" className="btn" onClick={onClose}>
        {t('clerk.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}

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
export function SignInForm(props: {
  title: string;
  button: string;
  onSignIn: (login: string, password: string) => Promise<CommandOutcome>;
}) {
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
