import type * as PinyinPro from 'pinyin-pro';
import { latinKey, splitKeywords } from '../../../../shared/catalog/search';
import type { Row } from '../../../../shared/protocol';
import type { Store } from '../../store';

/**
 * The pinyin dictionary takes about 28 MB of the hub's memory, and a hall needs it only when an item's
 * name or keywords change (setup, a catalog import) or the keys' version changes: it is loaded then,
 * not when the hub starts (`require` here is lazy in the esbuild bundle as in Node).
 */
let loaded: typeof PinyinPro | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const dictionary = (): typeof PinyinPro => (loaded ??= require('pinyin-pro') as typeof PinyinPro);

/**
 * An item's pinyin keys, as the kiosk matches them (shared/catalog/search): for its name and each
 * keyword, the initials (住房公积金提取 → zfgjjtq) and the whole syllables without tones
 * (zhufanggongjijintiqu; ü as v, as pinyin keyboards type it). Computed here because the
 * dictionary is large: the kiosk gets the keys with the row and never loads it.
 */
export function pinyinKeys(name: string, keywords: string): string {
  const keys = new Set<string>();
  for (const term of [name, ...splitKeywords(keywords)]) {
    const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
    for (const key of [
      latinKey(
        dictionary()
          .pinyin(term, { ...opts, pattern: 'first' })
          .join(''),
      ),
      latinKey(dictionary().pinyin(term, opts).join('')),
    ]) {
      if (key) keys.add(key);
    }
  }
  return [...keys].join(' ');
}

/** The row with its pinyin keys as they follow from its name and keywords. */
export const withPinyin = (row: Row<'catalog_items'>): Row<'catalog_items'> => ({ ...row, pinyin: pinyinKeys(row.name, row.keywords) });

/**
 * The keys' version: the dictionary and the way keys are made. A hall whose keys were made by
 * another version has them all made again at start; otherwise only rows without keys (written
 * before migration 0016) get theirs, so a start does not compute every item's keys each time.
 */
const KEYS_VERSION = 'pinyin-pro 3.29.4, keys 1';

/**
 * Brings the items' keys up to date, in one transaction, when the hub starts, through the feed like
 * any change. Nothing is written when all are current.
 */
export function refreshPinyinKeys(store: Store): number {
  const meta = store.db.prepare("SELECT value FROM meta WHERE key = 'pinyin_keys'").get() as { value: string } | undefined;
  const all = meta?.value !== KEYS_VERSION;
  const stale = store.all('catalog_items').filter((r) => (all || r.pinyin === '') && r.pinyin !== pinyinKeys(r.name, r.keywords));
  if (stale.length || all)
    store.transaction(() => {
      stale.forEach((r) => store.upsert('catalog_items', withPinyin(r)));
      store.db
        .prepare("INSERT INTO meta (key, value) VALUES ('pinyin_keys', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(KEYS_VERSION);
    });
  return stale.length;
}
