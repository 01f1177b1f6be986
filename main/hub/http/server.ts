import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ErrorCode } from '../../../shared/kernel/errors';
import type { TerminalRole } from '../../../shared/kernel/roles';
import type { StorageFault } from '../store';
import type { HubTls } from '../tls';
import { sendJson } from './static';

export interface HealthReport {
  ok: true;
  /** Degraded while the disk refuses the hub's writes; `storage` says why. */
  status: 'up' | 'degraded';
  storage: StorageFault | null;
  version: string;
  hallId: string;
  hallName: string;
  seq: number;
  terminals: Record<TerminalRole, number>;
  uptimeMs: number;
  tlsFingerprint: string | null;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The hub's HTTP side (https with the hall's certificate when `tls` is given): health, enrollment, the built renderer. */
export function httpServer(
  routes: { health: () => HealthReport; enroll: Handler; files: Handler },
  tls: HubTls | null,
  log: (msg: string) => void,
): HttpServer {
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/health') sendJson(res, 200, routes.health());
    else if (req.url === '/enroll') await routes.enroll(req, res);
    else await routes.files(req, res);
  };
  // Whatever a request's handling throws (a client gone mid-body, a bug) ends that request alone, never the hub.
  const handle = (req: IncomingMessage, res: ServerResponse) =>
    void route(req, res).catch((e: unknown) => {
      if (req.destroyed || res.destroyed) return; // the client left: nobody to answer, nothing to report
      log(`http ${req.method} ${req.url?.slice(0, 100)} failed: ${(e as Error).stack ?? String(e)}`);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: { code: ErrorCode.INTERNAL, message: '服务器内部错误' } });
    });
  return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createServer(handle);
}
