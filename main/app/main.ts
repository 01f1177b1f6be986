import { app, dialog, Menu, safeStorage, utilityProcess, type WebContents } from 'electron';
import path from 'node:path';
import type { TerminalConfig } from '../../shared/terminals/config';
import type { TerminalRole } from '../../shared/kernel/roles';
import { TerminalAgent } from '../terminal/agent';
import { loadConfig, saveConfig } from './config';
import { enrollTerminal } from './enroll';
import { ipcEvents } from '../../shared/protocol';
import { registerIpc, type FaceBinding } from './ipc';
import { startStandaloneHub, type StandaloneHub } from './standaloneHub';
import { loadToken } from './tokenStore';
import { createFaceWindow } from './windows';

/**
 * The Electron shell, kept thin: read the terminal configuration, start the hub in its own
 * process in standalone mode, give each face window its own terminal agent, and route IPC. Everything it calls is
 * tested in plain Node; this file only wires it together.
 */
const userData = app.getPath('userData');
const rendererDir = path.join(app.getAppPath(), 'dist/renderer');
const rendererIndex = path.join(rendererDir, 'index.html');
const preload = path.join(__dirname, 'preload.js');

const titles: Record<string, string> = {
  clerk: '窗口工作台',
  kiosk: '取号机',
  display: '叫号大屏',
  evaluator: '评价器',
  manager: '大厅管理',
  setup: '终端设置',
};
const bindings = new Map<number, FaceBinding & { agent?: TerminalAgent }>();
let hub: StandaloneHub | undefined;
const loaded = loadConfig(userData);
const configError = loaded.error;
let config = loaded.config;

function openFace(face: TerminalRole, hubUrl: string, token: string, c: TerminalConfig): void {
  const agent = new TerminalAgent({
    hubUrl,
    token,
    dataDir: path.join(userData, 'terminals', face),
    hubCertificate: c.hubCertificate,
  }).start();
  const win = createFaceWindow({
    face,
    title: titles[face]!,
    rendererIndex,
    preload,
    ...(face === 'display' ? { fullscreenOn: c.displayMonitor } : {}),
  });
  const contents = win.webContents;
  bindings.set(contents.id, { face, api: agent, agent });
  const send = (channel: string, value: unknown) => {
    if (!contents.isDestroyed()) contents.send(channel, value);
  };
  const offReplica = agent.watchReplica({ snapshot: (s) => send(ipcEvents.onSnapshot, s), batch: (b) => send(ipcEvents.onBatch, b) });
  const offConnection = agent.watchConnection((s) => send(ipcEvents.onConnection, s));
  win.on('closed', () => {
    offReplica();
    offConnection();
    bindings.delete(contents.id);
    void agent.close();
  });
}

function openSetup(): void {
  const win = createFaceWindow({ face: 'setup', title: titles.setup!, rendererIndex, preload });
  const id = win.webContents.id;
  bindings.set(id, { face: 'setup' });
  win.on('closed', () => bindings.delete(id));
}

async function start(): Promise<void> {
  registerIpc({
    rendererIndex,
    bindingOf: (c: WebContents) => bindings.get(c.id),
    getConfig: () => config,
    // Notices go where staff look for documents, not into the app's private data.
    pdfDir: () => path.join(app.getPath('documents'), 'ServiceHall'),
    enroll: async (hubUrl, code) => {
      const r = await enrollTerminal(userData, config, hubUrl, code, safeStorage);
      if (r.ok) config = loadConfig(userData).config;
      return r;
    },
    saveConfig: (input) => {
      const r = saveConfig(userData, input);
      if (r.ok) config = loadConfig(userData).config;
      return r;
    },
    replicaOf: (b) => (b as { agent?: TerminalAgent }).agent?.replica.snapshot(),
    connectionOf: (b) => (b as { agent?: TerminalAgent }).agent?.connection,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'ServiceHall',
        submenu: [
          { label: '终端设置', accelerator: 'CmdOrCtrl+Shift+S', click: openSetup },
          { role: 'quit', label: '退出' },
        ],
      },
    ]),
  );
  if (configError) {
    dialog.showErrorBox('终端配置错误', configError.message);
    return openSetup();
  }
  if (config.mode === 'standalone') {
    hub = await startStandaloneHub({
      fork: (script, args, execArgv) =>
        utilityProcess.fork(script, args, { serviceName: 'ServiceHall hall hub', stdio: 'inherit', execArgv: [...execArgv] }),
      hubScript: path.join(__dirname, '../hub/cli.js'),
      dataDir: path.join(userData, 'hall'),
      port: config.hubPort,
    });
    for (const face of config.faces) {
      const token = hub.tokenFor(face);
      if (token) openFace(face, hub.url, token, config);
    }
  } else {
    // An enrolled token (safeStorage) wins over one typed into the configuration.
    const token = loadToken(userData, safeStorage) ?? config.token;
    if (token) openFace(config.role, config.hubUrl, token, config);
    else openSetup();
  }
}

if (!app.requestSingleInstanceLock()) app.quit();
app.whenReady().then(start, (e: unknown) => dialog.showErrorBox('ServiceHall', String(e)));
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => void hub?.stop());
