import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandSpecs, querySpecs, tableSpecs } from '../../../shared/protocol/registry';
import { commandSpecOf, lightCommandSpecs, lightQuerySpecs, querySpecOf } from '../../../shared/protocol/specs';
import { TABLE_NAMES } from '../../../shared/protocol/tableNames';
import { staticImports } from '../../support/moduleGraph';

/**
 * The lobby display's page must stay small (≤ 100 KB gzip, issue 9; displayBundle.test.ts weighs
 * it as built): what it loads before any `import()` — the page's entry and the display face — holds
 * neither the registry of every feature nor classic zod, whose schemas carry their whole API into
 * the page, nor socket.io-client (the page talks socket.io's wire itself, app/hubSocket), nor the
 * English words (loaded for a page shown in English).
 */
const edges = staticImports('renderer/src/main.tsx', 'renderer/src/faces/display/DisplayFace.tsx');
const shown = (file: string) => path.relative(process.cwd(), file);

describe('the lobby display’s static module graph', () => {
  it('reaches the wire, the replica and the display, but not the registry, every feature’s refusals, classic zod, socket.io-client nor English', () => {
    const files = new Set(edges.filter((e) => !e.package).map((e) => shown(e.to)));
    expect([...files]).toEqual(
      expect.arrayContaining([
        'shared/protocol/syncClient.ts',
        'shared/protocol/feed.ts',
        'shared/protocol/specs.ts',
        'renderer/src/faces/display/SatisfactionBoard.tsx',
        'renderer/src/app/hubSocket.ts',
      ]),
    );
    expect([...files].filter((f) => f.startsWith('renderer/src/i18n/en/'))).toEqual([]);
    const heavy = edges
      .filter((e) =>
        e.package
          ? e.to === 'zod' || e.to.startsWith('zod/v4/classic') || /^(socket|engine)\.io-client/.test(e.to)
          : /shared\/protocol\/(registry|refusals|index)\.ts$/.test(e.to),
      )
      .map((e) => `${shown(e.from)} → ${e.package ? e.to : shown(e.to)}`);
    expect(heavy).toEqual([]);
    expect(edges.some((e) => e.to === 'zod/mini')).toBe(true);
  });
});

describe('the light lists the display checks with', () => {
  it('name exactly the registry’s tables', () => {
    expect([...TABLE_NAMES].sort()).toEqual(Object.keys(tableSpecs).sort());
  });

  it('hold the registry’s own specs, and every other name is found in the registry', async () => {
    for (const [name, spec] of Object.entries(lightCommandSpecs)) expect(commandSpecs[name as keyof typeof commandSpecs]).toBe(spec);
    for (const [name, spec] of Object.entries(lightQuerySpecs)) expect(querySpecs[name as keyof typeof querySpecs]).toBe(spec);
    expect(await commandSpecOf('ticket.callNext')).toBe(commandSpecs['ticket.callNext']);
    expect(await querySpecOf('ratings.summary')).toBe(querySpecs['ratings.summary']);
    expect(await commandSpecOf('ticket.nothing')).toBeUndefined();
    expect(await querySpecOf('toString')).toBeUndefined();
  });
});
