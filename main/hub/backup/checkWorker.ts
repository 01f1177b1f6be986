import { parentPort, workerData } from 'node:worker_threads';
import { CommandError } from '../../../shared/kernel/errors';
import { checkCopy } from './backup';
import type { CheckJob, CheckReply } from './checkInWorker';

/**
 * The backup check's entry (a worker thread of the hub): the copy's integrity check and audit chain
 * read every page of a database that may hold ten years of a hall, which on the hub's own thread
 * would hold up every call meanwhile.
 */
const job = workerData as CheckJob;
let reply: CheckReply;
try {
  reply = { ok: true, result: checkCopy(job.file, Buffer.from(job.auditKey, 'hex'), job.head) };
} catch (e) {
  reply =
    e instanceof CommandError
      ? { ok: false, code: e.code, message: e.message }
      : { ok: false, code: null, message: (e as Error).stack ?? String(e) };
}
parentPort!.postMessage(reply);
