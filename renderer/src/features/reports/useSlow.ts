import { useEffect, useState } from 'react';

/** Past this long, work under way shows its progress (a report being counted, a file being written). */
export const SLOW_MS = 1000;

/** The timer the watch runs on: the window's, or a test's own (no real waiting in tests). */
export interface Timer {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}
const windowTimer: Timer = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Watches one stretch of work: `onSlow(true)` once it has lasted SLOW_MS, `onSlow(false)` when it
 * ends after that. Returns the end: work that ends sooner never shows (no progress bar flashes).
 */
export function watchSlow(onSlow: (slow: boolean) => void, timer: Timer = windowTimer): () => void {
  let shown = false;
  const handle = timer.set(() => {
    shown = true;
    onSlow(true);
  }, SLOW_MS);
  return () => {
    timer.clear(handle);
    if (shown) onSlow(false);
  };
}

/** True once `busy` has lasted SLOW_MS: a quick answer never flashes a progress bar. */
export function useSlow(busy: boolean, timer?: Timer): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const end = watchSlow(setSlow, timer);
    return () => {
      end();
      setSlow(false);
    };
  }, [busy, timer]);
  return busy && slow;
}
