import type { PreloadApi } from '../../../shared/protocol';

/**
 * Electron's preload API when the page runs in the app, undefined in a plain browser. The one place
 * that looks for it: faces reach Electron only through the HallApi built on it.
 */
export const bridge: PreloadApi | undefined = (window as { servicehall?: PreloadApi }).servicehall;
