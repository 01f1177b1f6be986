import type { HallError } from '../kernel/errors';
import type { TerminalConfig } from '../terminals/config';
import type { Answer } from './envelope';
import type { QueryAnswer } from './query';
import type { CommandPayload, CommandType, QueryName, QueryParams } from './registry';
import type { FeedBatch, Snapshot, Welcome } from './feed';

/** What the renderer knows about its link to the hub. */
export interface ConnectionState {
  status: 'connecting' | 'connected' | 'reconnecting' | 'unauthenticated';
  /** When the link was lost (ms), while reconnecting. */
  since: number | null;
  /** Offline-capable commands waiting in the outbox. */
  pending: number;
  /** Commands sent whose answer was lost: being asked again with the same opId (the UI shows “checking…”). */
  checking: number;
  welcome: Welcome | null;
  /** How the last (re)subscription caught up: from the feed's backlog or by a fresh snapshot. */
  synced: { mode: 'backlog' | 'snapshot'; seq: number } | null;
}

/** A command that went to the outbox instead of the hub: applied later, exactly once. */
export type CommandOutcome<T extends CommandType = CommandType> = Answer<T> | { ok: 'queued'; opId: string };

export interface ReplicaListener {
  snapshot(s: Snapshot): void;
  batch(b: FeedBatch): void;
}

/**
 * A link to the hall hub: the terminal's agent in the main process is one, and each of the
 * renderer's two adapters. Reads come from the caller's replica; only commands reach the hub.
 */
export interface HallLink {
  command<T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandOutcome<T>>;
  /** Starts delivery: first a snapshot of the replica, then every change in order. */
  watchReplica(listener: ReplicaListener): () => void;
  watchConnection(listener: (c: ConnectionState) => void): () => void;
  /** A read-only question to the hub (reports, search beyond the replica); fails fast offline. */
  query<Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<QueryAnswer<Q>>;
}

/**
 * The one API a renderer sees, with one implementation over Electron IPC (preload) and one over
 * socket.io (plain browser): the link to the hub, and what the window does with its own page.
 */
export interface HallApi extends HallLink {
  /** Prints the kiosk's ticket: silently on the terminal's ticket printer (Electron), or through the browser's print dialog. */
  printTicket(): Promise<{ ok: true } | { ok: false; error: HallError }>;
  /**
   * Saves this window's page (a notice) as a PDF: Electron writes the file and answers its path; a
   * browser opens its print dialog, whose "save as PDF" does the same, and answers no path.
   */
  savePdf(fileName: string): Promise<{ ok: true; path: string | null } | { ok: false; error: HallError }>;
}

/**
 * What the Electron preload exposes as `window.servicehall`: one method per IPC call. The
 * renderer wraps it into a HallApi; nothing else of Electron reaches the page.
 */
export interface PreloadApi {
  command(type: CommandType, payload: unknown): Promise<CommandOutcome>;
  query(name: QueryName, params: unknown): Promise<QueryAnswer>;
  /** Saves this window's page (a notice) as a PDF file; answers where it was saved. */
  savePdf(fileName: string): Promise<{ ok: true; path: string } | { ok: false; error: HallError }>;
  replica(): Promise<Snapshot>;
  onBatch(listener: (b: FeedBatch) => void): () => void;
  onSnapshot(listener: (s: Snapshot) => void): () => void;
  connection(): Promise<ConnectionState>;
  onConnection(listener: (c: ConnectionState) => void): () => void;
  /** Which face this window shows. */
  face(): Promise<string>;
  getConfig(): Promise<TerminalConfig>;
  /** Prints this window silently on the configured ticket printer, at its paper width. */
  printTicket(): Promise<{ ok: true } | { ok: false; error: HallError }>;
  /** Exchanges a one-time enrollment code at the hub; on success this PC becomes that terminal (after a restart). */
  enroll(
    hubUrl: string,
    code: string,
  ): Promise<{ ok: true; role: string; hallName: string; fingerprint: string | null } | { ok: false; error: HallError }>;
  /** Validated in the main process; applied on the next start. */
  saveConfig(config: unknown): Promise<{ ok: true } | { ok: false; error: HallError }>;
}
