import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
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
export function httpServer(routes: { health: () => HealthReport; enroll: Handler; files: Handler }, tls: HubTls | null): HttpServer {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/health') sendJson(res, 200, routes.health());
    else if (req.url === '/enroll') void routes.enroll(req, res);
    else void routes.files(req, res);
  };
  return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createServer(handle);
}
