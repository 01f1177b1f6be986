import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CommandType, type CommandOutcome, type HallLink } from '../../shared/protocol';
import { ErrorCode } from '../../shared/kernel/errors';
import { type TerminalConfig } from '../../shared/terminals/config';
import { Channel } from './channels';
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

export { Channel };

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
  face: string;
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

const CommandArgs = z.tuple([CommandType, z.unknown()]);
const QueryArgs = z.tuple([z.string().min(1).max(64), z.unknown()]);
const PdfArgs = z.tuple([z.string().min(1).max(120)]);
const EnrollArgs = z.tuple([z.string().min(1).max(200), z.string().min(12).max(40)]);

/**
 * Every handler first checks who is asking: the main frame of one of our windows, showing our
 * own renderer. Anything else (an injected frame, a navigated page) is refused.
 */
export function registerIpc(deps: IpcDeps): void {
  const sender = (e: IpcMainInvokeEvent): FaceBinding => {
    const frame = e.senderFrame;
    const binding = deps.bindingOf(e.sender);
    if (!frame || frame !== e.sender.mainFrame || !isAppUrl(frame.url, deps.rendererIndex) || !binding) {
      throw new Error(`${ErrorCode.FORBIDDEN}: IPC from an unknown sender`);
    }
    return binding;
  };
  const withHub = (b: FaceBinding): HallLink => {
    if (!b.api) throw new Error(`${ErrorCode.FORBIDDEN}: this window has no hall link`);
    return b.api;
  };

  ipcMain.handle(Channel.command, (e, ...args: unknown[]): Promise<CommandOutcome> => {
    const api = withHub(sender(e));
    const parsed = CommandArgs.safeParse(args);
    if (!parsed.success) return Promise.resolve({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '命令格式错误' } });
    return api.command(parsed.data[0], parsed.data[1] as never);
  });
  ipcMain.handle(Channel.query, (e, ...args: unknown[]) => {
    const api = withHub(sender(e));
    const parsed = QueryArgs.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '查询格式错误' } };
    // The name and parameters are checked by the hub (and the agent passes them on as they are).
    return api.query(parsed.data[0] as never, parsed.data[1] as never);
  });
  ipcMain.handle(Channel.savePdf, (e, ...args: unknown[]) => {
    const face = sender(e).face;
    if (face !== 'clerk' && face !== 'manager') throw new Error(`${ErrorCode.FORBIDDEN}: only staff faces export notices`);
    const parsed = PdfArgs.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '需要文件名' } };
    return savePdf(e.sender, deps.pdfDir(), parsed.data[0]);
  });
  ipcMain.handle(Channel.replica, (e) => deps.replicaOf(sender(e)));
  ipcMain.handle(Channel.connection, (e) => deps.connectionOf(sender(e)));
  ipcMain.handle(Channel.face, (e) => sender(e).face);
  ipcMain.handle(Channel.getConfig, (e) => (sender(e), deps.getConfig()));
  ipcMain.handle(Channel.printTicket, (e) => {
    if (sender(e).face !== 'kiosk') throw new Error(`${ErrorCode.FORBIDDEN}: only the kiosk prints tickets`);
    return printTicket(e.sender, deps.getConfig());
  });
  ipcMain.handle(Channel.enroll, (e, ...args: unknown[]) => {
    if (sender(e).face !== 'setup') throw new Error(`${ErrorCode.FORBIDDEN}: only the setup window enrolls this PC`);
    const parsed = EnrollArgs.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '需要大厅服务器地址和注册码' } };
    return deps.enroll(parsed.data[0], parsed.data[1]);
  });
  ipcMain.handle(Channel.saveConfig, (e, input: unknown) => {
    if (sender(e).face !== 'setup') throw new Error(`${ErrorCode.FORBIDDEN}: only the setup window saves the configuration`);
    return deps.saveConfig(input);
  });
}
