import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A registry's migrations: the .sql files named in order, read from the folder of `registryFile`, the
 * registry's own __filename. Run from the sources (vitest, tsx) that is the folder holding the .sql
 * files. In an esbuild bundle (dist/hub/cli.js; dist/main/*.js, also inside Electron's app.asar,
 * whose files Electron's fs reads) it is the bundle's folder, and the build copies every migration
 * there (main/db/copyMigrations.mjs). Plain files read at run time need no loader in any of these
 * runtimes. (__filename rather than __dirname: tsx on Node 20 gives a CommonJS module imported from
 * an ES module a wrong __dirname, "data:text", but the right __filename.)
 * A Windows checkout may turn the files' line endings into CRLF: they are read back as LF, as the
 * SQL was when it lived in template literals, so that the schema text SQLite stores stays the same.
 */
export function readMigrations(registryFile: string, files: readonly string[]): string[] {
  return files.map((file) => readFileSync(path.join(path.dirname(registryFile), file), 'utf8').replace(/\r\n/g, '\n'));
}
