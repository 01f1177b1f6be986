import { useState, type FormEvent, type ReactNode } from 'react';
import type { HallApi } from '../../../shared/protocol';
import { ClerkFace } from '../faces/clerk/ClerkFace';
import { DisplayFace } from '../faces/display/DisplayFace';
import { KioskFace } from '../faces/kiosk/KioskFace';
import { ManagerFace } from '../faces/manager/ManagerFace';
import { HallProvider, useHall } from './hall';
import { ErrorLine, PlainPage } from '../ui/components';
import { useI18n } from '../i18n';

export const faces: Record<string, () => ReactNode> = {
  clerk: ClerkFace,
  display: DisplayFace,
  kiosk: KioskFace,
  manager: ManagerFace,
};

/** Takes what the person typed (a token or an enrollment code); resolves to an error to show, or null. */
type TokenEntry = (input: string) => Promise<string | null>;

export function FaceApp({ face, api, onToken }: { face: string; api: HallApi; onToken?: TokenEntry }) {
  const Face = faces[face];
  if (!Face) return <FaceIndex />;
  return (
    <HallProvider api={api}>
      <Authorized onToken={onToken}>
        <Face />
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
  const [error, setError] = useState<string | null>(null);
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

function FaceIndex() {
  const { t } = useI18n();
  return (
    <PlainPage title={t('face.unknown')}>
      <nav className="card face-index" aria-label={t('face.unknown')}>
        {Object.keys(faces).map((f) => (
          <a key={f} href={`#/${f}`} className="btn">
            {t(`role.${f as 'clerk'}`)}
          </a>
        ))}
      </nav>
    </PlainPage>
  );
}
