import type { BackupStatus } from '../backup/schedule';
import type { PackAttempt } from '../../../shared/reports/queries';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ErrorCode } from '../../../shared/kernel/errors';
import type { TerminalRole } from '../../../shared/kernel/roles';
import type { RebuildProgress } from '../features/reports/rebuild';
import type { StorageFault } from '../store';
import type { HubTls } from '../tls';
import { BOOK_PATHS, type BookPath } from './book';
import { sendJson } from '../../kernel/staticFiles';

/** What anyone may ask: is the hub up, and can it write (the fingerprint is public: terminals compare it). */
export interface PublicHealth {
  /** Degraded while the disk refuses the hub's writes. */
  status: 'up' | 'degraded';
  tlsFingerprint: string | null;
}

/** What the hub tells a manager terminal (and its own process) besides. */
export interface HealthReport extends PublicHealth {
  ok: true;
  /** Why the disk refuses the hub's writes, while it does. */
  storage: StorageFault | null;
  /** The backups' state: a failure or an overdue backup also makes the status degraded. */
  backup: BackupStatus;
  /** The monthly report pack's newest attempt when it failed and no pack of its month followed. */
  reportPack: PackAttempt | null;
  version: string;
  hallId: string;
  hallName: string;
  seq: number;
  terminals: Record<TerminalRole, number>;
  uptimeMs: number;
  /** reports.rebuild under way: days written of the days it writes. */
  reportsRebuild: RebuildProgress | null;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Routes {
  /** Whether a request's Host is one the hub answers to (see hosts.ts). */
  hostAllowed: (host: string | undefined) => boolean;
  /** Health as the bearer of `token` may see it. */
  health: (token: string | undefined) => PublicHealth | HealthReport;
  enroll: Handler;
  /** The applicant's phone redeeming a rating code (http/rate.ts). */
  rate: (req: IncomingMessage, res: ServerResponse, path: '/rate' | '/rate/look') => Promise<void>;
  /** The applicant's phone booking a slot and following a ticket (http/book.ts). */
  book: (req: IncomingMessage, res: ServerResponse, path: BookPath) => Promise<void>;
  files: Handler;
}

/** The hub's HTTP side (https with the hall's certificate when `tls` is given): health, enrollment, the built renderer. */
export function httpServer(routes: Routes, tls: HubTls | null, log: (msg: string) => void): HttpServer {
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (!routes.hostAllowed(req.headers.host)) {
      sendJson(res, 421, { error: { code: ErrorCode.FORBIDDEN, message: '此服务器不以该主机名（Host）应答' } });
    } else if (req.url === '/health') {
      sendJson(res, 200, routes.health(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]));
    } else if (req.url === '/enroll') await routes.enroll(req, res);
    else if (req.url === '/rate' || req.url === '/rate/look') await routes.rate(req, res, req.url);
    else if (BOOK_PATHS.includes(req.url as BookPath)) await routes.book(req, res, req.url as BookPath);
    else await routes.files(req, res);
  };
  // Whatever a request's handling throws (a client gone mid-body, a bug) ends that request alone, never the hub.
  const handle = (req: IncomingMessage, res: ServerResponse) =>
    void route(req, res).catch((e: unknown) => {
      // The client left: nobody to answer, nothing to report. (A request read to its end is destroyed
      // by its stream, its client still waiting: the socket tells.)
      if (req.socket.destroyed || res.destroyed) return;
      log(`http ${req.method} ${req.url?.slice(0, 100)} failed: ${(e as Error).stack ?? String(e)}`);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: { code: ErrorCode.INTERNAL, message: '服务器内部错误' } });
    });
  const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createServer(handle);
  // A client that trickles its request in (slowloris) is cut off rather than holding a socket for minutes.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
