import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FaceApp, FaceIndex } from './app/App';
import { browserPage } from './app/BrowserApp';
import { ipcApi } from './app/ipcApi';
import { bridge, setHubAddress } from './app/platform';
import { isFace, SetupFace } from './app/routes';
import { I18nProvider, lobbyWords, type Language } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
/** Renders once the lobby's words in `language` are here: an English page never opens in Chinese. */
const render = (language: Language, body: ReactNode) =>
  void lobbyWords(language).then(() =>
    root.render(
      <StrictMode>
        <I18nProvider initial={language}>{body}</I18nProvider>
      </StrictMode>,
    ),
  );

if (bridge) {
  // Electron: the main process knows this window's face and holds the link to the hub.
  const preload = bridge;
  void Promise.all([preload.face(), preload.getConfig()]).then(([face, config]) => {
    setHubAddress(config.hubUrl);
    render(
      config.language,
      isFace(face) ? (
        <FaceApp face={face} api={ipcApi(preload)} />
      ) : face === 'setup' ? (
        <Suspense fallback={null}>
          <SetupFace bridge={preload} initial={config} />
        </Suspense>
      ) : (
        <FaceIndex />
      ),
    );
  });
} else {
  render(navigator.language.startsWith('zh') ? 'zh-CN' : 'en', browserPage());
}
