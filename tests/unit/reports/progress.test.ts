import { describe, expect, it } from 'vitest';
import { SLOW_MS, watchSlow, type Timer } from '../../../renderer/src/features/reports/useSlow';

/** A timer on a hand-moved clock: nothing waits for real time. */
function manualTimer() {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timer: Timer = {
    set: (fn, ms) => {
      pending.set(++next, { at: now + ms, fn });
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at))
      if (t.at <= now) {
        pending.delete(id);
        t.fn();
      }
  };
  return { timer, advance, pending: () => pending.size };
}

/** Work that ends when the test says so, watched as the report page watches an export. */
function watchedWork(timer: Timer) {
  const shown: boolean[] = [];
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve)).then(() => end());
  const end = watchSlow((slow) => shown.push(slow), timer);
  return { shown, finish: async () => (finish(), await done) };
}

describe('the export progress indicator', () => {
  it('shows only once work has lasted a second, and goes when the work ends', async () => {
    const { timer, advance, pending } = manualTimer();
    const work = watchedWork(timer);
    advance(SLOW_MS - 1);
    expect(work.shown).toEqual([]);
    advance(1);
    expect(work.shown).toEqual([true]);
    advance(5000);
    expect(work.shown).toEqual([true]);
    await work.finish();
    expect(work.shown).toEqual([true, false]);
    expect(pending()).toBe(0);
  });

  it('never flashes for work done within the second', async () => {
    const { timer, advance, pending } = manualTimer();
    const work = watchedWork(timer);
    advance(SLOW_MS - 1);
    await work.finish();
    expect(pending()).toBe(0);
    advance(10 * SLOW_MS);
    expect(work.shown).toEqual([]);
  });
});
