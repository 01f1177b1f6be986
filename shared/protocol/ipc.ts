import { z } from 'zod';
import type { TerminalRole } from '../kernel/roles';
import type { PreloadApi } from './api';
import { CommandType } from './registry';

/** The windows of the Electron shell: a face of the hall, or this PC's setup screen. */
export type WindowFace = TerminalRole | 'setup';

export interface IpcCall<A extends z.ZodTuple = z.ZodTuple> {
  channel: string;
  /** The arguments as they may arrive from the page (checked in the main process before anything runs). */
  args: A;
  /** The windows that may make this call; every window when absent. */
  faces?: readonly WindowFace[];
  /** Needs the window's link to the hall (its terminal agent): the setup window has none. */
  link?: true;
}
const call = <A extends z.ZodTuple>(c: IpcCall<A>) => c;

/**
 * The one contract between a window and its main process: the preload is built from it (one
 * method per call, over `invoke`) and so are the main process's handlers (sender, face and
 * arguments checked). The answers are typed by `PreloadApi`, whose methods must be exactly these
 * calls and events.
 */
export const ipcCalls = {
  command: call({ channel: 'sh:command', args: z.tuple([CommandType, z.unknown()]), link: true }),
  query: call({ channel: 'sh:query', args: z.tuple([z.string().min(1).max(64), z.unknown()]), link: true }),
  /** Notices are exported by staff only; the name becomes a file name (sanitised there). */
  savePdf: call({ channel: 'sh:save-pdf', args: z.tuple([z.string().min(1).max(120)]), faces: ['clerk', 'manager'] }),
  replica: call({ channel: 'sh:replica', args: z.tuple([]), link: true }),
  connection: call({ channel: 'sh:connection', args: z.tuple([]), link: true }),
  face: call({ channel: 'sh:face', args: z.tuple([]) }),
  getConfig: call({ channel: 'sh:get-config', args: z.tuple([]) }),
  saveConfig: call({ channel: 'sh:save-config', args: z.tuple([z.unknown()]), faces: ['setup'] }),
  printTicket: call({ channel: 'sh:print-ticket', args: z.tuple([]), faces: ['kiosk'] }),
  enroll: call({ channel: 'sh:enroll', args: z.tuple([z.string().min(1).max(200), z.string().min(12).max(40)]), faces: ['setup'] }),
} as const;

/** What the main process pushes to a window: the replica's changes and the link's state. */
export const ipcEvents = {
  onBatch: 'sh:batch',
  onSnapshot: 'sh:snapshot',
  onConnection: 'sh:connection-changed',
} as const;

export type IpcCallName = keyof typeof ipcCalls;
export type IpcArgs<K extends IpcCallName> = z.infer<(typeof ipcCalls)[K]['args']>;

// PreloadApi has exactly one method per call and per event: a call added on one side only fails the typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const preloadMatchesContract: Same<keyof PreloadApi, IpcCallName | keyof typeof ipcEvents> = true;
