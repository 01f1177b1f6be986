import { Suspense, useState, type FormEvent, type ReactNode } from 'react';
import type { HallApi } from '../../../shared/protocol/api';
import { useI18n } from '../i18n';
import { ErrorLine, type Problem } from '../ui/ErrorLine';
import { PlainPage } from '../ui/PlainPage';
import { HallProvider, useHall } from './hall';
import { FACES, type FaceName } from './routes';

/** Takes what the person typed (a token or an enrollment code); resolves to a problem to show, or null. */
export type TokenEntry = (input: string) => Promise<Problem | null>;

export function FaceApp({ face, api, onToken }: { face: FaceName; api: HallApi; onToken?: TokenEntry }) {
  const Face = FACES[face];
  return (
    <HallProvider api={api}>
      <Authorized onToken={onToken}>
        {/* Nothing to show while the face's chunk loads: it comes from the hub on the same LAN. */}
        <Suspense fallback={null}>
          <Face />
        </Suspense>
      </Authorized>
    </HallProvider>
  );
}

/** A terminal the hub does not know gets asked for its token instead of an empty screen. */
function Authorized({ children, onToken }: { children: ReactNode; onToken?: TokenEntry }) {
  const { connection } = useHall();
  if (connection.status === 'unauthenticated' && onToken) return <TokenForm onToken={onToken} />;
  return <>{children}</>;
}

export function TokenForm({ onToken }: { onToken: TokenEntry }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [error, setError] = useState<Problem | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) setError(await onToken(token.trim()));
  };
  return (
    <PlainPage title={t('token.title')}>
      <form className="card setup-form" onSubmit={submit}>
        <p role="alert">{t('conn.unauthenticated')}</p>
        <label>
          {t('token.label')}
          <input value={token} onChange={(e) => setToken(e.target.value)} autoFocus autoComplete="off" />
        </label>
        <p className="muted">{t('token.hint')}</p>
        <ErrorLine error={error} />
        <button type="submit" className="btn btn-primary">
          {t('token.save')}
        </button>
      </form>
    </PlainPage>
  );
}

export function FaceIndex() {
  const { t } = useI18n();
  return (
    <PlainPage title={t('face.unknown')}>
      <nav className="card face-index" aria-label={t('face.unknown')}>
        {(Object.keys(FACES) as FaceName[]).map((f) => (
          <a key={f} href={`#/${f}`} className="btn">
            {t(`role.${f}`)}
          </a>
        ))}
      </nav>
    </PlainPage>
  );
}
