import { parseQueueSettings } from '../../../../shared/queue/settings';
import type { Store } from '../../store';
import { rebuildDay, rebuildPlan } from './aggregate';

/** How far the rebuild under way has come: days written of the days it writes. */
export interface RebuildProgress {
  done: number;
  total: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * reports.rebuild, run after its command commits: on a ten-year hall it writes thousands of days,
 * which as one transaction would hold the hub's only thread (and every call, every ticket) for
 * as long. So each day is its own transaction, and between days the event loop takes whatever
 * came in (I/O is polled before setImmediate callbacks run). A rebuild asked while another runs
 * waits for it; a failure is logged and leaves the days already written (each is whole).
 */
export class ReportRebuilds {
  private chain: Promise<void> = Promise.resolve();
  private current: RebuildProgress | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly hallId: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The rebuild under way, if any. */
  get progress(): RebuildProgress | null {
    return this.current && { ...this.current };
  }

  /** Queues a rebuild of the closed days `from`..`to` (all when left out). */
  start(from?: string, to?: string): void {
    this.chain = this.chain.then(() =>
      this.run(from, to).catch((e: unknown) => {
        this.current = null;
        this.log(`reports.rebuild failed: ${(e as Error).stack ?? String(e)}`);
      }),
    );
  }

  /** Resolves once every rebuild asked so far has ended. */
  whenIdle(): Promise<void> {
    return this.chain;
  }

  /** Ends the rebuild under way at its next day (the hub is closing); the days written stay. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.chain;
  }

  private async run(from?: string, to?: string): Promise<void> {
    const offset = () => parseQueueSettings(this.store.get('halls', this.hallId)!.queue_settings).utcOffsetMinutes;
    const days = rebuildPlan(this.store.db, offset(), from, to);
    this.current = { done: 0, total: days.length };
    for (const d of days) {
      await nextTurn();
      if (this.stopped) break;
      this.store.transaction(() => rebuildDay(this.store.db, d, offset()));
      this.current.done++;
    }
    this.log(`reports.rebuild: ${this.current.done} of ${days.length} days written`);
    this.current = null;
  }
}
