import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One static import: from a file to a file, or to a package (its name as written: `zod`, `zod/mini`). */
export interface ImportEdge {
  from: string;
  to: string;
  package: boolean;
}

/**
 * The imports a page makes before any `import()`: followed from `entries` through every static,
 * non-type import and re-export inside the repository (an `import { type A }` counts: a bundler may
 * keep it as a bare import). Packages are recorded, not followed.
 */
export function staticImports(...entries: string[]): ImportEdge[] {
  const seen = new Set<string>();
  const edges: ImportEdge[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specs = [
      ...source.matchAll(/^(?:import|export) (?!type )[^;]*?from '([^']+)'/gms),
      ...source.matchAll(/^import '([^']+)'/gm),
    ].map((m) => m[1]!);
    for (const spec of specs) {
      if (!spec.startsWith('.')) {
        edges.push({ from: file, to: spec, package: true });
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ext) => base + ext)
        .find((f) => existsSync(f) && statSync(f).isFile());
      if (!found || found.endsWith('.css')) continue;
      edges.push({ from: file, to: found, package: false });
      visit(found);
    }
  };
  for (const entry of entries) visit(path.resolve(entry));
  return edges;
}

/** The files of `staticImports(...entries)`, the entries included. */
export function staticGraph(...entries: string[]): string[] {
  return [...new Set([...entries.map((e) => path.resolve(e)), ...staticImports(...entries).flatMap((e) => (e.package ? [] : [e.to]))])];
}
