import Database from 'better-sqlite3';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { answerQuery } from './answer';
import { failedQuery, type FromWorker, type ToWorker } from './worker';

/**
 * The query worker's entry (a worker thread of the hub): its own read-only connection to the hall
 * database, answering one query at a time. WAL lets it read a consistent snapshot while the hub
 * writes, so a long report no longer holds up the hub's event loop. An error in a query is
 * answered; an error opening the database ends the worker, and the hub answers what it had asked.
 */
// Calls come first: on Linux this thread takes a lower priority than the hub's event loop, so that
// on a hall server with few cores a report waits for the CPU rather than a call (/proc/thread-self
// names the thread, which setpriority takes). Elsewhere it runs at the hub's priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // no per-thread priority here
}
const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
// better-sqlite3's 16 MB page cache, not the hub connection's 2 MB: a one-year report reads the
// same pages again and again (562 ms with it, 802 ms with 2 MB on the ten-year bench hall).
parentPort!.on('message', ({ id, job }: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { id, answer: answerQuery(db, job) };
  } catch (e) {
    reply = { id, answer: failedQuery, failure: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
