import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FaceBinding } from '../../../main/app/ipc';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake of the parts of Electron the shell uses, recording what the shell asked for. */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: { options: Record<string, unknown>; loaded: unknown[]; contents: FakeContents }[] = [];
  type Listener = (...args: unknown[]) => void;
  class FakeContents {
    id = Math.floor(Math.random() * 1e9);
    listeners = new Map<string, Listener>();
    openHandler: (() => unknown) | undefined;
    permissionRequest: Listener | undefined;
    permissionCheck: (() => boolean) | undefined;
    mainFrame = { url: '' };
    session = {
      setPermissionRequestHandler: (h: Listener) => (this.permissionRequest = h),
      setPermissionCheckHandler: (h: () => boolean) => (this.permissionCheck = h),
    };
    on(event: string, l: Listener) {
      this.listeners.set(event, l);
    }
    setWindowOpenHandler(h: () => unknown) {
      this.openHandler = h;
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    loaded: unknown[] = [];
    constructor(public options: Record<string, unknown>) {
      windows.push({ options, loaded: this.loaded, contents: this.webContents });
    }
    once() {}
    on() {}
    loadFile(...args: unknown[]) {
      this.loaded.push(args);
      return Promise.resolve();
    }
  }
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  return {
    handlers,
    windows,
    exposed,
    invoked,
    FakeContents,
    BrowserWindow,
    displays: [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } }],
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.BrowserWindow,
  screen: { getAllDisplays: () => fake.displays, getPrimaryDisplay: () => fake.displays[0] },
  ipcMain: { handle: (channel: string, h: (...args: unknown[]) => unknown) => fake.handlers.set(channel, h) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (fake.invoked.push(args), Promise.resolve('answer')),
    on: () => {},
    removeListener: () => {},
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (fake.exposed[key] = api) },
}));

const { createFaceWindow, harden } = await import('../../../main/app/windows');
const { registerIpc, printTicket } = await import('../../../main/app/ipc');
const { ipcCalls } = await import('../../../shared/protocol');
/** The channel of each IPC call, by the call's name. */
const Channel = Object.fromEntries(Object.entries(ipcCalls).map(([name, c]) => [name, c.channel])) as Record<keyof typeof ipcCalls, string>;

const rendererIndex = '/opt/servicehall/resources/app.asar/dist/renderer/index.html';
const ownUrl = pathToFileURL(rendererIndex).href + '#/clerk';

describe('windows', () => {
  beforeEach(() => (fake.windows.length = 0));

  it('every window is sandboxed, context-isolated and without Node', () => {
    createFaceWindow({ face: 'clerk', title: '窗口工作台', rendererIndex, preload: '/p.js' });
    const prefs = fake.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/p.js',
    });
    expect(fake.windows[0]!.loaded).toEqual([[rendererIndex, { hash: '/clerk' }]]);
  });

  it('the lobby display goes fullscreen on the chosen monitor', () => {
    createFaceWindow({ face: 'display', title: '叫号大屏', rendererIndex, preload: '/p.js', fullscreenOn: 1 });
    expect(fake.windows[0]!.options).toMatchObject({ x: 1920, y: 0, width: 1080, height: 1920, fullscreen: true });
    createFaceWindow({ face: 'display', title: '叫号大屏', rendererIndex, preload: '/p.js', fullscreenOn: 7 });
    expect(fake.windows[1]!.options).toMatchObject({ x: 0, width: 1920, fullscreen: true });
  });

  it('navigation away, new windows and permission requests are denied', () => {
    const contents = new fake.FakeContents();
    harden(contents as never, rendererIndex);
    const navigate = contents.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    navigate(own, ownUrl);
    expect(own.preventDefault).not.toHaveBeenCalled();
    const otherFile = { preventDefault: vi.fn() };
    navigate(otherFile, 'file:///etc/passwd');
    expect(otherFile.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
    const callback = vi.fn();
    contents.permissionRequest!(contents, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(contents.permissionCheck!()).toBe(false);
  });
});

describe('IPC', () => {
  const bindings = new Map<unknown, FaceBinding>();
  const pdfDir = mkdtempSync(path.join(tmpdir(), 'sh-pdf-'));
  const command = vi.fn(async () => ({ ok: true as const, result: {}, seq: 1 }));
  const clerk = new fake.FakeContents();
  const setup = new fake.FakeContents();
  const saveConfig = vi.fn(() => ({ ok: true as const }));
  const enroll = vi.fn(async () => ({ ok: true }));
  registerIpc({
    rendererIndex,
    bindingOf: (c) =>
      c === (clerk as never)
        ? { face: 'clerk', api: { command } as never }
        : c === (setup as never)
          ? { face: 'setup' }
          : bindings.get(c as never),
    getConfig: () => ({}) as never,
    pdfDir: () => pdfDir,
    saveConfig,
    enroll,
    replicaOf: () => ({ seq: 0, tables: {} }),
    connectionOf: () => null,
  });
  const call = (channel: string, contents: InstanceType<typeof fake.FakeContents>, frame: { url: string } | null, ...args: unknown[]) =>
    fake.handlers.get(channel)!({ sender: contents, senderFrame: frame }, ...args);

  beforeEach(() => {
    clerk.mainFrame = { url: ownUrl };
    setup.mainFrame = { url: ownUrl };
    command.mockClear();
  });

  it('forwards a command from our own window to its terminal agent', async () => {
    expect(await call(Channel.command, clerk, clerk.mainFrame, 'counter.resume', { counterId: 'c1' })).toMatchObject({ ok: true });
    expect(command).toHaveBeenCalledWith('counter.resume', { counterId: 'c1' });
  });

  it.each([
    ['an unknown window', () => [new fake.FakeContents(), { url: ownUrl }]],
    ['a sub-frame', () => [clerk, { url: ownUrl }]],
    ['a page navigated elsewhere', () => ((clerk.mainFrame = { url: 'https://evil.example/' }), [clerk, clerk.mainFrame])],
    ['no frame', () => [clerk, null]],
  ] as const)('refuses IPC from %s', (_name, make) => {
    const [contents, frame] = make() as [InstanceType<typeof fake.FakeContents>, { url: string } | null];
    expect(() => call(Channel.command, contents, frame, 'counter.resume', {})).toThrow(/FORBIDDEN/);
    expect(command).not.toHaveBeenCalled();
  });

  it('a malformed command gets a typed error and reaches nothing', async () => {
    expect(await call(Channel.command, clerk, clerk.mainFrame, 'counter.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await call(Channel.command, clerk, clerk.mainFrame)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(command).not.toHaveBeenCalled();
  });

  it('only the setup window enrolls this PC, with checked arguments', async () => {
    expect(() => call(Channel.enroll, clerk, clerk.mainFrame, 'http://hub:7700', 'ABCD-EFGH-JKLM')).toThrow(/FORBIDDEN/);
    expect(await call(Channel.enroll, setup, setup.mainFrame, 'http://hub:7700', 'short')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(enroll).not.toHaveBeenCalled();
    expect(await call(Channel.enroll, setup, setup.mainFrame, 'http://hub:7700', 'ABCD-EFGH-JKLM')).toEqual({ ok: true });
    expect(enroll).toHaveBeenCalledWith('http://hub:7700', 'ABCD-EFGH-JKLM');
  });

  it('saves a notice as PDF from a staff window only, under a name that cannot leave the folder', async () => {
    const printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.4 notice'));
    Object.assign(clerk, { printToPDF });
    const answer = (await call(Channel.savePdf, clerk, clerk.mainFrame, '../../受理通知书 H3301/1')) as { ok: true; path: string };
    expect(answer).toMatchObject({ ok: true });
    expect(path.dirname(answer.path)).toBe(pdfDir);
    expect(path.basename(answer.path)).toBe('_受理通知书_H3301_1.pdf');
    expect(readFileSync(answer.path, 'utf8')).toBe('%PDF-1.4 notice');
    expect(printToPDF.mock.calls[0]![0]).toMatchObject({ pageSize: 'A4' });
    expect(() => call(Channel.savePdf, setup, setup.mainFrame, 'x')).toThrow(/FORBIDDEN/);
    expect(await call(Channel.savePdf, clerk, clerk.mainFrame, '')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('passes a query on to the hall link, with checked arguments', async () => {
    const query = vi.fn(async () => ({ ok: true, result: { rows: [] } }));
    const manager = new fake.FakeContents();
    manager.mainFrame = { url: ownUrl };
    bindings.set(manager, { face: 'manager', api: { query } as never });
    expect(await call(Channel.query, manager, manager.mainFrame, 'cases.search', { text: '' })).toEqual({ ok: true, result: { rows: [] } });
    expect(query).toHaveBeenCalledWith('cases.search', { text: '' });
    expect(await call(Channel.query, manager, manager.mainFrame, 42)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('only the setup window saves the configuration', () => {
    expect(() => call(Channel.saveConfig, clerk, clerk.mainFrame, {})).toThrow(/FORBIDDEN/);
    expect(call(Channel.saveConfig, setup, setup.mainFrame, { mode: 'standalone' })).toEqual({ ok: true });
    expect(saveConfig).toHaveBeenCalledTimes(1);
    expect(() => call(Channel.command, setup, setup.mainFrame, 'counter.resume', {})).toThrow(/no hall link/);
  });
});

describe('ticket printing', () => {
  it.each([58, 80] as const)('prints silently on %i mm paper, never A4', async (width) => {
    const css: string[] = [];
    const contents = {
      print: vi.fn((_options: Record<string, unknown>, done: (ok: boolean, reason: string) => void) => done(true, '')),
      insertCSS: vi.fn(async (rule: string) => (css.push(rule), 'key-1')),
      removeInsertedCSS: vi.fn(async () => void css.pop()),
    };
    const config = { printerName: 'XP-80C', paperWidthMm: width } as never;
    expect(await printTicket(contents as never, config)).toEqual({ ok: true });
    expect(contents.print.mock.calls[0]![0]).toMatchObject({
      silent: true,
      deviceName: 'XP-80C',
      margins: { marginType: 'none' },
      pageSize: { width: width * 1000 },
    });
    expect(contents.insertCSS).toHaveBeenCalledWith(`@page ticket { size: ${width}mm 160mm; margin: 2mm; }`);
    expect(contents.removeInsertedCSS).toHaveBeenCalledWith('key-1');
    expect(css).toEqual([]);
  });

  it('a printer failure comes back as a typed error', async () => {
    const print = (_o: unknown, done: (ok: boolean, reason: string) => void) => done(false, 'no paper');
    const contents = { print, insertCSS: async () => 'k', removeInsertedCSS: async () => {} };
    expect(await printTicket(contents as never, { printerName: '', paperWidthMm: 80 } as never)).toMatchObject({
      ok: false,
      error: { message: '打印失败：no paper' },
    });
  });
});

describe('preload', () => {
  it('exposes exactly the typed API, one method per call, over invoke', async () => {
    await import('../../../main/app/preload');
    const api = fake.exposed.servicehall as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [
        'command',
        'connection',
        'enroll',
        'face',
        'getConfig',
        'onBatch',
        'onConnection',
        'onSnapshot',
        'printTicket',
        'query',
        'replica',
        'saveConfig',
        'savePdf',
      ].sort(),
    );
    await api.command!('counter.resume', { counterId: 'c1' });
    expect(fake.invoked.at(-1)).toEqual([Channel.command, 'counter.resume', { counterId: 'c1' }]);
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
  });
});
