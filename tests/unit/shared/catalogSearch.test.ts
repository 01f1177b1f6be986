import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../main/hub/demoCatalog';
import { pinyinKeys } from '../../../main/hub/features/catalog/pinyinKeys';
import { searchCatalog, splitKeywords } from '../../../shared/catalog/search';

const h = 'H3301';
const items = demoCatalog(h);
// The demo hall's queue services the items point at (main/hub/seed.ts), enough to name them.
const services = [
  { id: `${h}-s-A`, name: '企业开办', department_id: `${h}-d-amr`, sort: 0 },
  { id: `${h}-s-B`, name: '个体工商户登记', department_id: `${h}-d-amr`, sort: 1 },
  { id: `${h}-s-J`, name: '公积金提取与贷款', department_id: `${h}-d-hpf`, sort: 7 },
  { id: `${h}-s-K`, name: '婚姻登记', department_id: `${h}-d-civ`, sort: 8 },
  { id: `${h}-s-G`, name: '不动产登记', department_id: `${h}-d-re`, sort: 5 },
];
const departments = [
  { id: `${h}-d-amr`, name: '市场监督管理局' },
  { id: `${h}-d-hpf`, name: '住房公积金中心' },
  { id: `${h}-d-civ`, name: '民政局' },
  { id: `${h}-d-re`, name: '不动产登记中心' },
];
const find = (q: string) => searchCatalog(q, items, services, departments);
const servicesFound = (q: string) => [...new Set(find(q).map((hit) => hit.serviceId))];

describe('pinyin keys (computed by the hub)', () => {
  it('are the initials and the whole syllables of the name and of each keyword, ü typed as v', () => {
    expect(pinyinKeys('住房公积金提取', '')).toBe('zfgjjtq zhufanggongjijintiqu');
    expect(pinyinKeys('婚姻登记', '结婚、离婚')).toBe('hydj hunyindengji jh jiehun lh lihun');
    expect(pinyinKeys('绿色通道', '')).toBe('lstd lvsetongdao');
    expect(pinyinKeys('A类企业', '')).toBe('alqy aleiqiye');
  });

  it('come with every demo item', () => {
    for (const item of items) expect(item.pinyin).toBe(pinyinKeys(item.name, item.keywords));
  });
});

describe('the kiosk’s item search', () => {
  it('finds an item by what people call it: 结婚 → 婚姻登记, 营业执照 → 企业开办 and 个体工商户登记', () => {
    expect(servicesFound('结婚')).toEqual([`${h}-s-K`]);
    expect(find('结婚')[0]).toMatchObject({ label: '婚姻登记' });
    expect(servicesFound('营业执照')).toEqual([`${h}-s-A`, `${h}-s-B`]);
  });

  it('finds items by pinyin initials or syllables, in either case: gjj → the housing fund items', () => {
    // 住房公积金贷款 first: its keyword 公积金贷款 starts with gjj.
    expect(find('gjj').map((hit) => hit.label)).toEqual(['住房公积金贷款', '住房公积金缴存登记', '住房公积金提取']);
    expect(servicesFound('GJJ')).toEqual([`${h}-s-J`]);
    expect(servicesFound('jiehun')).toEqual([`${h}-s-K`]);
  });

  it('ranks a term that starts with the query before one that only holds it', () => {
    // bdc: 不动产… items start with it; nothing else holds it.
    const hits = find('bdc');
    expect(hits.length).toBe(6);
    expect(hits.every((hit) => hit.serviceId === `${h}-s-G`)).toBe(true);
  });

  it('also finds services by name and by department, and offers only active items with a service', () => {
    expect(find('民政局').map((hit) => hit.label)).toContain('婚姻登记');
    // The item 婚姻登记 and the service 婚姻登记: one thing to tap.
    expect(find('婚姻').map((hit) => hit.label)).toEqual(['婚姻登记']);
    const inactive = items.map((i) => (i.name === '婚姻登记' ? { ...i, active: 0 } : i));
    expect(searchCatalog('结婚', inactive, services, departments)).toEqual([]);
    const noService = items.map((i) => (i.name === '婚姻登记' ? { ...i, service_id: null } : i));
    expect(searchCatalog('结婚', noService, services, departments)).toEqual([]);
    expect(find('   ')).toEqual([]);
    expect(find('火星签证')).toEqual([]);
  });

  it('splits keywords on spaces, 、 and commas', () => {
    expect(splitKeywords(' 结婚、离婚,补证，  结婚证 ')).toEqual(['结婚', '离婚', '补证', '结婚证']);
  });
});
