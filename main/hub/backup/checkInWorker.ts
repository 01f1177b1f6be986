import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CommandError, type ErrorCode } from '../../../shared/kernel/errors';
import type { AuditAnchor } from '../commands/audit';
import type { checkCopy } from './backup';

export interface CheckJob {
  file: string;
  auditKey: string;
  head: AuditAnchor | null;
}
export type CheckReply = { ok: true; result: ReturnType<typeof checkCopy> } | { ok: false; code: ErrorCode | null; message: string };

/**
 * Runs checkCopy on a worker thread (checkWorker.ts), found as the query worker's entry is (see
 * queries/worker.ts): beside this code from the sources, beside the bundle as backupCheck.js.
 */
export function checkCopyInWorker(file: string, auditKey: Buffer, head: AuditAnchor | null): Promise<ReturnType<typeof checkCopy>> {
  const workerData: CheckJob = { file, auditKey: auditKey.toString('hex'), head };
  const dir = path.dirname(__filename);
  const worker = __filename.endsWith('.ts')
    ? new Worker(
        `require(${JSON.stringify(createRequire(__filename).resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(path.join(dir, 'checkWorker.ts'))});`,
        { eval: true, workerData },
      )
    : new Worker(path.join(dir, 'backupCheck.js'), { workerData });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: CheckReply) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else reject(reply.code ? new CommandError(reply.code, reply.message) : new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the backup check stopped (exit ${code})`));
    });
  });
}
