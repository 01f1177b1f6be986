import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What the lobby display's route loads, as the renderer is built (issue 9: ≤ 100 KB gzip): the page,
 * its entry and the display face, each with the chunks and styles they import before running —
 * the same files the bench sees the browser fetch (tests/bench/run.ts `display_bundle_gzip_kb`),
 * each gzipped on its own as the bench does. The route's board and voice are part of the face.
 */
const LIMIT_KB = 100;
const DISPLAY = 'src/faces/display/DisplayFace.tsx';
const ENGLISH = 'src/i18n/en/lobby.ts';

let outDir: string;
let manifest: Manifest;

beforeAll(async () => {
  // Its own directory for the whole file (a test's temp dir goes after each test).
  outDir = mkdtempSync(path.join(tmpdir(), 'display-bundle-'));
  // As shipped: React's production build (Vitest sets NODE_ENV=test), with a manifest of the chunks.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.config.mts', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The files `keys` load before they run: their chunks, the chunks those import, and their styles. */
function loads(...keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`no chunk ${key} in the manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

const gzipBytes = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(path.join(outDir, f))).length, 0);

describe('the lobby display’s route, as built', () => {
  it(`loads at most ${LIMIT_KB} KB gzip: the page, the entry and the display face`, () => {
    const files = loads('index.html', DISPLAY);
    const kb = gzipBytes(['index.html', ...files]) / 1024;
    expect(kb, [...files].join(', ')).toBeLessThanOrEqual(LIMIT_KB);
    // A real figure: React, the link to the hub and the face are in it.
    expect(kb).toBeGreaterThan(60);
    expect([...files].some((f) => /DisplayFace-.+\.js$/.test(f))).toBe(true);
  });

  it('holds none of the other faces, no dictionary but the lobby’s, not the registry, not classic zod', () => {
    const files = loads('index.html', DISPLAY);
    const others = Object.entries(manifest)
      .filter(([key]) => /src\/faces\/(?!display\/)|src\/i18n\/(zh-CN|en)\/index\.ts$/.test(key))
      .map(([, chunk]) => chunk.file);
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter((f) => files.has(f))).toEqual([]);
    const code = [...files].filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(outDir, f), 'utf8'));
    // Classic zod's schemas carry their methods by these names; socket.io-client its polling transport.
    for (const marker of ['toJSONSchema', 'ZodPipe', 'xhr poll error', 'engine.io'])
      expect(code.filter((c) => c.includes(marker)).length, marker).toBe(0);
  });

  it('loads the lobby’s English words only for a display shown in English, and nothing else with them', () => {
    const chinese = loads('index.html', DISPLAY);
    expect(chinese.has(manifest[ENGLISH]!.file)).toBe(false);
    const english = loads('index.html', DISPLAY, ENGLISH);
    expect([...english].filter((f) => !chinese.has(f))).toEqual([manifest[ENGLISH]!.file]);
  });
});
