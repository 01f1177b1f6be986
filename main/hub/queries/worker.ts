import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ErrorCode } from '../../../shared/kernel/errors';
import type { QueryAnswer } from '../../../shared/protocol';
import type { QueryJob } from './request';

export interface ToWorker {
  id: number;
  job: QueryJob;
}
export interface FromWorker {
  id: number;
  answer: QueryAnswer;
  /** Why the query failed, for the hub's log (never sent to the terminal). */
  failure?: string;
}

const refused = (message: string): QueryAnswer => ({ ok: false, error: { code: ErrorCode.INTERNAL, message } });
export const failedQuery = refused('服务器内部错误，查询未完成');

/**
 * Starts the query worker on the hall database `file`. The entry file lies beside this code in each
 * runtime, found from __filename (under tsx, __dirname can be "data:text"; see readMigrations):
 * - from the sources (vitest, tsx) this is queries/worker.ts and the entry queries/queryWorker.ts,
 *   which tsx's CommonJS hook compiles inside the worker, whatever loader the hub itself runs under;
 * - in an esbuild bundle (dist/hub/cli.js, dist/main/main.js, also inside Electron's app.asar, which
 *   worker threads read) this is the bundle, and the build writes the entry beside it as queryWorker.js.
 */
export function startQueryWorker(file: string): Worker {
  const dir = path.dirname(__filename);
  if (!__filename.endsWith('.ts')) return new Worker(path.join(dir, 'queryWorker.js'), { workerData: { file } });
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  const entry = path.join(dir, 'queryWorker.ts');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: { file } });
}

/**
 * The hub's side of the query worker. The worker starts with the first query and again with the
 * first query after it died, so a worker that cannot start (its database unreadable) is not
 * restarted in a loop. Invariant: every query asked gets exactly one answer: the worker's, or a
 * typed error when the worker died first or the hub closed.
 */
export class QueryWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (answer: QueryAnswer) => void>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly start: () => Worker,
    private readonly log: (msg: string) => void,
  ) {}

  run(job: QueryJob): Promise<QueryAnswer> {
    if (this.closed) return Promise.resolve(refused('大厅服务器正在关闭，查询未完成'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, job } satisfies ToWorker);
    });
  }

  /** Ends the worker; queries still waiting are answered with a typed error. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.settleAll(refused('大厅服务器正在关闭，查询未完成'));
    await worker?.terminate();
  }

  private spawn(): Worker {
    const worker = this.start();
    // The hub's server keeps the process alive; an idle worker never should.
    worker.unref();
    worker.on('message', (m: FromWorker) => {
      if (m.failure) this.log(`query failed: ${m.failure}`);
      this.pending.get(m.id)?.(m.answer);
      this.pending.delete(m.id);
    });
    worker.on('error', (e) => this.log(`query worker failed: ${e.stack ?? String(e)}`));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // closed: already answered
      this.worker = null;
      this.log(`query worker stopped (exit ${code}); it starts again with the next query`);
      // One worker at a time, so everything still waiting was asked of this one.
      this.settleAll(refused('查询服务中断（已自动重启），请重试'));
    });
    this.worker = worker;
    return worker;
  }

  private settleAll(answer: QueryAnswer): void {
    for (const resolve of this.pending.values()) resolve(answer);
    this.pending.clear();
  }
}
