import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../main/hub/features/catalog/pinyinKeys';
import { actors, ok } from '../support/actors';
import { demoHub, tempDir } from '../support/hub';

/** The hub keeps every catalog item's pinyin keys current: at each write, and at start for older rows. */
describe('catalog pinyin keys at the hub', () => {
  it('are computed when an item is saved with its keywords, and when a sheet with a 关键词 column is imported', async () => {
    const hub = await demoHub();
    const a = actors(hub);
    const item = {
      code: 'SX-CIV-900',
      name: '收养登记',
      departmentId: 'H3301-d-civ',
      kind: 'licensing' as const,
      mode: 'promised' as const,
      statutoryLimit: 30,
      promisedLimit: 20,
      limitUnit: 'working_days' as const,
      feeCents: 0,
      materials: ['申请书'],
      legalBasis: '《中国公民收养子女登记办法》',
      serviceId: 'H3301-s-K',
      active: true,
      keywords: ' 领养、 收养 ',
    };
    ok(a.manager('catalog.save', { itemId: 'H3301-item-adopt', item }));
    expect(hub.store.get('catalog_items', 'H3301-item-adopt')).toMatchObject({
      keywords: '领养 收养',
      pinyin: pinyinKeys('收养登记', '领养 收养'),
    });
    const header = [
      '部门',
      '事项编码',
      '事项名称',
      '事项类型',
      '办件类型',
      '法定时限',
      '承诺时限',
      '时限单位',
      '收费标准',
      '申请材料',
      '设定依据',
      '叫号业务',
      '关键词',
    ];
    const row = [
      '民政局',
      'SX-CIV-901',
      '慈善组织认定',
      '许可',
      '承诺件',
      '20',
      '10',
      '工作日',
      '不收费',
      '申请书',
      '《慈善法》',
      'K',
      '慈善',
    ];
    ok(a.manager('catalog.import', { fileName: 'c.csv', rows: [header, row] }));
    expect(hub.store.where('catalog_items', 'code = ?', 'SX-CIV-901')[0]).toMatchObject({
      keywords: '慈善',
      pinyin: 'cszzrd cishanzuzhirending cs cishan',
    });
  });

  it('are brought up to date at start, through the feed, for rows written without them', async () => {
    const dataDir = tempDir();
    const first = await demoHub({ dataDir });
    first.store.db.prepare("UPDATE catalog_items SET pinyin = '' WHERE name = '婚姻登记'").run();
    const id = first.store.where('catalog_items', 'name = ?', '婚姻登记')[0]!.id;
    const seq = first.store.currentSeq;
    await first.close();
    const again = await demoHub({ dataDir }, { managerSession: false });
    expect(again.store.get('catalog_items', id)!.pinyin).toBe(pinyinKeys('婚姻登记', '结婚 离婚 结婚证'));
    expect(
      again.store
        .entriesAfter(seq, 100)
        .filter((e) => e.table === 'catalog_items')
        .map((e) => e.id),
    ).toEqual([id]);
    // A start with every key current writes nothing.
    const settled = again.store.currentSeq;
    await again.close();
    const third = await demoHub({ dataDir }, { managerSession: false });
    expect(third.store.entriesAfter(settled, 100).filter((e) => e.table === 'catalog_items')).toEqual([]);
  });
});
