import type { PreloadApi } from '../../../shared/protocol/api';

/**
 * Electron's preload API when the page runs in the app, undefined in a plain browser. The one place
 * that looks for it: faces reach Electron only through the HallApi built on it.
 */
export const bridge: PreloadApi | undefined = (window as { servicehall?: PreloadApi }).servicehall;

let hubUrl: string | null = null;
/** The hub's address as this terminal reaches it: the page's own origin in a browser, the configured one in Electron (set at start). */
export const hubAddress = (): string | null => (location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : hubUrl);
/** Electron's start-up gives the configured address, known before the first render (a slip prints as it first shows). */
export const setHubAddress = (url: string): void => {
  hubUrl = url || null;
};
