import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

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
