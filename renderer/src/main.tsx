import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { PreloadApi } from '../../shared/protocol';
import { ipcApi } from './api/ipcApi';
import { socketApi } from './api/socketApi';
import { FaceApp, TokenForm } from './App';
import { SetupFace } from './faces/SetupFace';
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
    render(config.language, face === 'setup' ? <SetupFace bridge={bridge} initial={config} /> : <FaceApp face={face} api={ipcApi(bridge)} />);
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
  const api = useMemo(() => (token ? socketApi(location.origin, token) : null), [token]);
  const saveToken = (t: string) => {
    localStorage.setItem(storageKey, t);
    api?.close();
    setToken(t);
  };
  if (!api && route.face) return <TokenForm onToken={saveToken} />;
  return <FaceApp face={route.face} api={api!} onToken={saveToken} />;
}

function parseRoute(): { face: string; token: string | null } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return { face: path, token: new URLSearchParams(query).get('token') };
}
