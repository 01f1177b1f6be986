import { BrowserWindow, screen, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

/** The renderer's own pages are the only thing a window may show. */
export function isAppUrl(url: string, rendererIndex: string): boolean {
  const own = pathToFileURL(rendererIndex);
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && u.pathname === own.pathname;
  } catch {
    return false;
  }
}

export const secureWebPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // The lobby display must speak calls with nobody there to click first.
  autoplayPolicy: 'no-user-gesture-required' as const,
});

/** No navigation away, no new windows, no permission prompts (camera, geolocation, …). */
export function harden(contents: WebContents, rendererIndex: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererIndex)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export interface FaceWindowOptions {
  face: string;
  title: string;
  rendererIndex: string;
  preload: string;
  /** The lobby display goes fullscreen on this monitor (index into the OS's list; primary if absent). */
  fullscreenOn?: number;
}

export function createFaceWindow(o: FaceWindowOptions): BrowserWindow {
  const monitor = o.fullscreenOn === undefined ? undefined : (screen.getAllDisplays()[o.fullscreenOn] ?? screen.getPrimaryDisplay());
  const win = new BrowserWindow({
    title: o.title,
    width: 1366,
    height: 768,
    ...(monitor ? { ...monitor.bounds, fullscreen: true, autoHideMenuBar: true } : {}),
    backgroundColor: '#f3f5f9',
    show: false,
    webPreferences: secureWebPreferences(o.preload),
  });
  harden(win.webContents, o.rendererIndex);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(o.rendererIndex, { hash: `/${o.face}` });
  return win;
}
