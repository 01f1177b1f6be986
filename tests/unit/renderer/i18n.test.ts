import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enLobby } from '../../../renderer/src/i18n/en/lobby';
import { zhLobby } from '../../../renderer/src/i18n/zh-CN/lobby';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { REFUSALS } from '../../../shared/protocol/refusals';
import { staticGraph } from '../../support/moduleGraph';

const places = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the renderer’s dictionaries', () => {
  it('give every key words in both languages, with the same {places} to fill', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key], key).not.toBe('');
      expect(en[key], key).not.toBe('');
      expect(places(en[key]), key).toEqual(places(zhCN[key]));
    }
  });

  it('have no English key that zh-CN lacks', () => {
    expect(Object.keys(en).filter((k) => !(k in zhCN))).toEqual([]);
  });
});

describe('refusals in the faces’ words', () => {
  it('English has no Chinese, but for the switch back to Chinese', () => {
    const chinese = Object.entries(en).filter(([k, v]) => k !== 'lang.switch' && /\p{Script=Han}/u.test(v));
    expect(chinese).toEqual([]);
  });

  it('every reason and every code a reason labels has words in both languages', () => {
    for (const r of REFUSALS.values()) {
      expect(`reason.${r.reason}` in zhCN, r.reason).toBe(true);
      for (const [place, { prefix, zh }] of Object.entries(r.labels ?? {}))
        for (const code of Object.keys(zh)) expect(`${prefix}.${code}` in en, `${r.reason} {${place}} ${code}`).toBe(true);
    }
  });
});

describe('the lobby display’s words', () => {
  it('are all in the lobby dictionary, the only words the display route loads', () => {
    const files = staticGraph('renderer/src/main.tsx', 'renderer/src/faces/display/DisplayFace.tsx');
    expect(files.some((f) => f.endsWith('display/SatisfactionBoard.tsx'))).toBe(true);
    expect(files.some((f) => f.endsWith('i18n/zh-CN/index.ts'))).toBe(false);
    const keys = new Set(Object.keys(zhLobby));
    const missing: string[] = [];
    for (const file of files) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt(?:Nodes)?\('([\w.]+)'/g)) if (!keys.has(key!)) missing.push(key!);
      // A key built from a code: some key under its prefix must be there.
      for (const [, prefix] of readFileSync(file, 'utf8').matchAll(/\bt\(`([\w.]+)\.\$\{/g))
        if (![...keys].some((k) => k.startsWith(`${prefix!}.`))) missing.push(`${prefix!}.*`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(enLobby).sort()).toEqual([...keys].sort());
  });
});
