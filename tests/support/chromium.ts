/** How Debian's Chromium runs here: headless, as root, with no network beyond the hub. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // A lobby display speaks without anyone clicking it first (Electron sets the same policy).
  '--autoplay-policy=no-user-gesture-required',
];
