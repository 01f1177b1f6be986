import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ipcCalls, type HallLink, type IpcArgs, type IpcCall, type IpcCallName, type WindowFace } from '../../shared/protocol';
import { ErrorCode } from '../../shared/kernel/errors';
import { type TerminalConfig } from '../../shared/terminals/config';
import { isAppUrl } from './windows';

/**
 * A ticket goes to the thermal printer without a dialog, on paper of its real width (58 or 80
 * mm, in microns for Electron) and never as A4. The page's print CSS lays it out for that width.
 */
export async function printTicket(
  contents: WebContents,
  config: TerminalConfig,
): Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }> {
  // The page's own @page rule says 80 mm (for browsers); the configured paper wins here.
  const css = await contents.insertCSS(`@page ticket { size: ${config.paperWidthMm}mm 160mm; margin: 2mm; }`);
  try {
    return await new Promise((resolve) => {
      contents.print(
        {
          silent: true,
          printBackground: false,
          deviceName: config.printerName || undefined,
          margins: { marginType: 'none' },
          pageSize: { width: config.paperWidthMm * 1000, height: 160_000 },
        },
        (success, failureReason) =>
          resolve(success ? { ok: true } : { ok: false, error: { code: ErrorCode.INTERNAL, message: `打印失败：${failureReason}` } }),
      );
    });
  } finally {
    await contents.removeInsertedCSS(css);
  }
}

/**
 * Saves the window's page as an A4 PDF (a notice to the applicant) under `dir`. The name comes
 * from the page; only its safe characters are kept, so it cannot leave `dir`.
 */
export async function savePdf(
  contents: WebContents,
  dir: string,
  fileName: string,
): Promise<{ ok: true; path: string } | { ok: false; error: { code: string; message: string } }> {
  const safe = fileName.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80) || 'notice';
  try {
    const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true, margins: { marginType: 'default' } });
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${safe}.pdf`);
    await writeFile(file, pdf);
    return { ok: true, path: file };
  } catch (e) {
    return { ok: false, error: { code: ErrorCode.INTERNAL, message: `PDF 导出失败：${(e as Error).message}` } };
  }
}

export interface FaceBinding {
  face: WindowFace;
  /** The link to the hub this window uses (absent on the setup window). */
  api?: HallLink;
}

export interface IpcDeps {
  rendererIndex: string;
  bindingOf(contents: WebContents): FaceBinding | undefined;
  getConfig(): TerminalConfig;
  /** Where exported notices are saved. */
  pdfDir(): string;
  saveConfig(input: unknown): { ok: true } | { ok: false; error: { code: string; message: string } };
  enroll(hubUrl: string, code: string): Promise<unknown>;
  /** Replica reads for the window (the agent's SQLite replica). */
  replicaOf(binding: FaceBinding): unknown;
  connectionOf(binding: FaceBinding): unknown;
}

/** The window a call came from, once it has been checked. */
interface Caller {
  binding: FaceBinding;
  api: HallLink;
  contents: WebContents;
}

/**
 * Registers a handler for every call of the IPC contract. Each first checks who is asking: the
 * main frame of one of our windows, showing our own renderer, of a face the call is for; then the
 * arguments against the contract. Anything else is refused before the call's own code runs.
 */
export function registerIpc(deps: IpcDeps): void {
  const impl: { [K in IpcCallName]: (caller: Caller, ...args: IpcArgs<K>) => unknown } = {
    // The command's payload and the query's name and parameters are checked by the agent and the hub.
    command: ({ api }, type, payload) => api.command(type, payload as never),
    query: ({ api }, name, params) => api.query(name as never, params as never),
    savePdf: ({ contents }, fileName) => savePdf(contents, deps.pdfDir(), fileName),
    replica: ({ binding }) => deps.replicaOf(binding),
    connection: ({ binding }) => deps.connectionOf(binding),
    face: ({ binding }) => binding.face,
    getConfig: () => deps.getConfig(),
    saveConfig: (_caller, input) => deps.saveConfig(input),
    printTicket: ({ contents }) => printTicket(contents, deps.getConfig()),
    enroll: (_caller, hubUrl, code) => deps.enroll(hubUrl, code),
  };
  for (const name of Object.keys(ipcCalls) as IpcCallName[]) {
    const spec: IpcCall = ipcCalls[name];
    ipcMain.handle(spec.channel, (e: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frame = e.senderFrame;
      const binding = deps.bindingOf(e.sender);
      if (!frame || frame !== e.sender.mainFrame || !isAppUrl(frame.url, deps.rendererIndex) || !binding) {
        throw new Error(`${ErrorCode.FORBIDDEN}: IPC from an unknown sender`);
      }
      if (spec.faces && !spec.faces.includes(binding.face))
        throw new Error(`${ErrorCode.FORBIDDEN}: ${name} is not for the ${binding.face} window`);
      if (spec.link && !binding.api) throw new Error(`${ErrorCode.FORBIDDEN}: this window has no hall link`);
      const parsed = spec.args.safeParse(args);
      if (!parsed.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: `${name}: 参数格式错误` } };
      const caller: Caller = { binding, api: binding.api!, contents: e.sender };
      return (impl[name] as (c: Caller, ...a: unknown[]) => unknown)(caller, ...parsed.data);
    });
  }
}
