import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { PreloadApi } from '../../shared/protocol';
import { ipcApi } from './app/ipcApi';
import { socketApi } from './app/socketApi';
import { FaceApp, TokenForm } from './app/App';
import { SetupFace } from './faces/setup/SetupFace';
import { I18nProvider, type Language } from './i18n';
import './styles.css';

const bridge = (window as { servicehall?: PreloadApi }).servicehall;
const root = createRoot(document.getElementById('root')!);
const render = (language: Language, body: React.ReactNode) =>
  root.render(
    <StrictMode>
      <I18nProvider initial={language}>{body}</I18nProvider>
    </StrictMode>,
  );

if (bridge) {
  // Electron: the main process knows this window's face and holds the link to the hub.
  void Promise.all([bridge.face(), bridge.getConfig()]).then(([face, config]) => {
    render(
      config.language,
      face === 'setup' ? <SetupFace bridge={bridge} initial={config} /> : <FaceApp face={face} api={ipcApi(bridge)} />,
    );
  });
} else {
  render(navigator.language.startsWith('zh') ? 'zh-CN' : 'en', <BrowserApp />);
}

/**
 * A plain browser, on the page the hub serves: `#/display?token=…`. The token is kept per face in
 * this browser's storage and removed from the address bar, so it is not left on screen.
 */
function BrowserApp() {
  // Each face is its own screen with its own terminal identity: switching faces starts afresh.
  const [route] = useState(() => parseRoute());
  window.onhashchange = () => location.reload();
  const storageKey = `servicehall.token.${route.face}`;
  if (route.token) {
    localStorage.setItem(storageKey, route.token);
    history.replaceState(null, '', `#/${route.face}`);
  }
  const [token, setToken] = useState(() => localStorage.getItem(storageKey));
  // A connection has a lifetime: opened by an effect and closed by its cleanup (a memo may be
  // computed more than once and never cleaned up, leaking sockets).
  const [api, setApi] = useState<ReturnType<typeof socketApi> | null>(null);
  useEffect(() => {
    if (!token) return;
    const link = socketApi(location.origin, token);
    setApi(link);
    return () => link.close();
  }, [token]);
  const saveToken = (t: string) => {
    localStorage.setItem(storageKey, t);
    setToken(t);
  };
  /** A one-time enrollment code is exchanged for this face's token; anything else is taken as a token. */
  const enter = async (input: string): Promise<string | null> => {
    if (!ENROLLMENT_CODE.test(input)) return (saveToken(input), null);
    const res = await fetch('/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input }),
    });
    const body = (await res.json()) as { token?: string; error?: { message: string } };
    if (!body.token) return body.error?.message ?? `HTTP ${res.status}`;
    saveToken(body.token);
    return null;
  };
  if (!token && route.face) return <TokenForm onToken={enter} />;
  if (!api) return null; // connecting: the face appears at once when its link exists
  return <FaceApp face={route.face} api={api} onToken={enter} />;
}

const ENROLLMENT_CODE = /^[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}$/;

function parseRoute(): { face: string; token: string | null } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { face: path, token: new URLSearchParams(query).get('token') };
}
