import { useEffect, useState } from 'react';

let clockSkew = 0;
/**
 * Reckon time on the hub's clock from now on, given its time as of a welcome: durations and
 * deadlines agree on every screen, even on a display box whose own clock is wrong.
 */
export const followHubClock = (serverTime: number): void => {
  clockSkew = serverTime - Date.now();
};

/** Now, on the hub's clock (as of the last welcome). */
export const hallNow = (): number => Date.now() + clockSkew;

/** The current time on the hub's clock, ticking every `ms`: for clocks and "for how long" labels. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(hallNow);
  useEffect(() => {
    const id = setInterval(() => setNow(hallNow()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export const formatDuration = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
};

/** 09:30: the same digits in every language. */
export const formatTime = (ms: number): string =>
  new Date(ms).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** 2026/11/02 09:30, or with `seconds` 2026/11/02 09:30:05 (where seconds tell, as between ratings of a burst). */
export const formatDateTime = (ms: number, seconds = false): string =>
  new Date(ms).toLocaleString('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
    hour12: false,
  });
