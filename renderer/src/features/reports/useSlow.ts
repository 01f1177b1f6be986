import { useEffect, useState } from 'react';

/** Past this long, work under way shows its progress (a report being counted, a file being written). */
export const SLOW_MS = 1000;

/** True once `busy` has lasted SLOW_MS: a quick answer never flashes a progress bar. */
export function useSlow(busy: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [busy]);
  return busy && slow;
}
