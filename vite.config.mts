import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Marks zod's modules reached through `zod/mini`: a copy of their own, apart from classic zod's. */
const MINI = '?zod-mini';

/**
 * zod/mini with a core of its own. A module is bundled once, with everything any page uses of it:
 * zod's core, shared by zod/mini and classic zod, would carry into the lobby display's page every
 * schema kind the manager's classic schemas use (about 9 KB gzip more than its own mini schemas
 * need). So the modules `zod/mini` reaches are bundled a second time under their own ids, and the
 * display's page loads only that copy. zod keeps its settings and registry on `globalThis` and
 * recognises its schemas by their traits, not by class, so the two copies work together (a mini
 * enum inside a classic object parses as before).
 */
function zodMiniCopy(): Plugin {
  return {
    name: 'servicehall:zod-mini-copy',
    // Only what is shipped is weighed; the dev server serves zod as it is.
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const fromCopy = importer?.endsWith(MINI);
      if (source !== 'zod/mini' && !(fromCopy && source.startsWith('.'))) return null;
      const resolved = await this.resolve(source, fromCopy ? importer!.slice(0, -MINI.length) : importer, { ...options, skipSelf: true });
      return resolved && !resolved.external ? { ...resolved, id: resolved.id + MINI } : resolved;
    },
    load(id) {
      return id.endsWith(MINI) ? readFileSync(id.slice(0, -MINI.length), 'utf8') : null;
    },
  };
}

/** The renderer: one page, each face a hash route, served by the hub and loaded by Electron. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [zodMiniCopy(), react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120' },
});
