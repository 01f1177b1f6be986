import { app, dialog, Menu, safeStorage, type WebContents } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { TerminalConfig } from '../../shared/terminals/config';
import type { TerminalRole } from '../../shared/kernel/roles';
import { startHub, type Hub } from '../hub/hub';
import { createTerminal } from '../hub/seed';
import { TerminalAgent } from '../terminal/agent';
import { loadConfig, saveConfig } from './config';
import { enrollTerminal } from './enroll';
import { Channel, registerIpc, type FaceBinding } from './ipc';
import { loadToken } from './tokenStore';
import { createFaceWindow } from './windows';

/**
 * The Electron shell, kept thin: read the terminal configuration, start the hub in standalone
 * mode, give each face window its own terminal agent, and route IPC. Everything it calls is
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
const StandaloneTokens = z.record(z.string(), z.string().max(200));
const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const bindings = new Map<number, FaceBinding & { agent?: TerminalAgent }>();
let hub: Hub | undefined;
const loaded = loadConfig(userData);
const configError = loaded.error;
let config = loaded.config;

/** Standalone: each face on this PC is a terminal of the local hub, created once. */
function standaloneToken(h: Hub, face: TerminalRole): string {
  const file = path.join(userData, 'standalone-terminals.json');
  // A damaged file only costs new tokens: the terminals are created again (same ids, new hashes).
  const stored = existsSync(file) ? StandaloneTokens.safeParse(readJson(file)) : undefined;
  const tokens: Record<string, string> = stored?.success ? stored.data : {};
  if (!tokens[face]) {
    const counterId =
      face === 'clerk' || face === 'evaluator'
        ? ((h.db.prepare('SELECT id FROM counters ORDER BY number LIMIT 1').get() as { id: string } | undefined)?.id ?? null)
        : null;
    tokens[face] = h.store.transaction(() =>
      createTerminal(
        h.store,
        h.hallId,
        { id: `${h.hallId}-t-local-${face}`, role: face, name: `本机${titles[face]}`, counterId },
        Date.now(),
      ),
    ).result;
    writeFileSync(file, JSON.stringify(tokens), { mode: 0o600 });
  }
  return tokens[face]!;
}

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
  const offReplica = agent.watchReplica({ snapshot: (s) => send(Channel.snapshot, s), batch: (b) => send(Channel.batch, b) });
  const offConnection = agent.watchConnection((s) => send(Channel.connectionChanged, s));
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
    hub = await startHub({ dataDir: path.join(userData, 'hall'), port: config.hubPort, demo: true, rendererDir });
    for (const face of config.faces) openFace(face, hub.url, standaloneToken(hub, face), config);
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
app.on('before-quit', () => void hub?.close());
