/**
 * Copies the migrations' .sql files next to an esbuild bundle, where their registries read them at
 * run time (see readMigrations in main/db/open.ts):  node main/db/copyMigrations.mjs dist/hub
 * Every bundle gets every migration (a few kB): the hub's and the replica's files share one folder, so
 * their names must differ.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = ['main/db/migrations', 'main/terminal/migrations', 'main/region/migrations'];
const out = process.argv[2];
if (!out) throw new Error('usage: node main/db/copyMigrations.mjs OUTDIR');

mkdirSync(out, { recursive: true });
const copied = new Map();
for (const source of sources) {
  for (const file of readdirSync(path.join(root, source)).filter((f) => f.endsWith('.sql'))) {
    if (copied.has(file)) throw new Error(`${source}/${file} has the same name as ${copied.get(file)}/${file}`);
    copied.set(file, source);
    copyFileSync(path.join(root, source, file), path.join(out, file));
  }
}
