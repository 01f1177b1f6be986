import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { REFUSALS } from '../../../shared/protocol/refusals';

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
