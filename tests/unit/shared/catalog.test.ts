import { describe, expect, it } from 'vitest';
import { CATALOG_COLUMNS, parseCatalogSheet, parseCsv } from '../../../shared/catalog/sheet';

const header = Object.values(CATALOG_COLUMNS);
const lookups = {
  departmentByName: new Map([['税务局', 'd-tax']]),
  serviceByKey: new Map([
    ['H', 's-H'],
    ['税务综合业务', 's-H'],
  ]),
};
const row = (over: Partial<Record<keyof typeof CATALOG_COLUMNS, string>> = {}) => {
  const base = {
    department: '税务局',
    code: 'SX-1',
    name: '发票领用',
    kind: '非许可',
    mode: '承诺件',
    statutoryLimit: '20',
    promisedLimit: '5',
    limitUnit: '工作日',
    fee: '不收费',
    materials: '申请书；身份证明',
    legalBasis: '《发票管理办法》',
    service: 'H',
    keywords: '',
    steps: '',
    ...over,
  };
  return (Object.keys(CATALOG_COLUMNS) as (keyof typeof CATALOG_COLUMNS)[]).map((k) => base[k]);
};

describe('catalog sheets', () => {
  it('reads CSV as Excel writes it: BOM, quoted commas, quotes and line breaks, CRLF', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n"x,1","say ""hi""","two\nlines"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x,1', 'say "hi"', 'two\nlines'],
    ]);
    expect(parseCsv('a,,c')).toEqual([['a', '', 'c']]);
  });

  it('turns good rows into items: labels to codes, fees to cents, materials split, the service by prefix or name', () => {
    const { items, problems } = parseCatalogSheet(
      [header, row(), row({ code: 'SX-2', fee: '80.5元', service: '税务综合业务', mode: '即办件', promisedLimit: '0' })],
      lookups,
    );
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      departmentId: 'd-tax',
      kind: 'non_licensing',
      mode: 'promised',
      feeCents: 0,
      materials: ['申请书', '身份证明'],
      serviceId: 's-H',
      limitUnit: 'working_days',
    });
    expect(items[1]).toMatchObject({ feeCents: 8050, mode: 'instant', promisedLimit: 0 });
  });

  it("reads the guide's steps in order, and leaves them alone when the sheet has no such column", () => {
    const { items } = parseCatalogSheet([header, row({ steps: '取号；提交材料\n领取结果' }), row({ code: 'SX-2' })], lookups);
    expect(items.map((i) => i.steps)).toEqual([['取号', '提交材料', '领取结果'], []]);
    const without = header.filter((h) => h !== CATALOG_COLUMNS.steps);
    const { items: kept, problems } = parseCatalogSheet([without, row().slice(0, without.length)], lookups);
    expect(problems).toEqual([]);
    expect(kept[0]!.steps).toBeUndefined();
  });

  it('reads limits in natural days, months and years', () => {
    const { items, problems } = parseCatalogSheet(
      [
        header,
        row({ limitUnit: '自然日' }),
        row({ code: 'SX-2', limitUnit: '月' }),
        row({ code: 'SX-3', limitUnit: '年', statutoryLimit: '2', promisedLimit: '1' }),
      ],
      lookups,
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.limitUnit)).toEqual(['natural_days', 'months', 'years']);
    expect(parseCatalogSheet([header, row({ limitUnit: '周' })], lookups).problems).toEqual([
      {
        row: 2,
        column: '时限单位',
        reason: 'sheet.oneOf',
        params: { words: '工作日、自然日、月、年' },
        message: '应为 工作日、自然日、月、年',
      },
    ]);
  });

  it('lists every problem of every bad row and returns no item at all', () => {
    const { items, problems } = parseCatalogSheet(
      [
        header,
        row(),
        row({ code: 'SX-1', promisedLimit: '30' }),
        row({ code: 'SX-3', department: '无此局', kind: '审批', fee: '1.234' }),
        row({ code: 'SX-4', mode: '即办件' }),
        ['', '', ''],
        row({ code: 'S', materials: '' }),
      ],
      lookups,
    );
    expect(items).toEqual([]);
    // Each problem says where, why (a reason the faces word in the reader's language) and the Chinese words for the log.
    expect(problems.map(({ row, column, reason, message }) => ({ row, column, reason, message }))).toEqual([
      { row: 3, column: '事项编码', reason: 'sheet.duplicate', message: '事项编码“SX-1”与第 2 行重复' },
      { row: 3, column: '承诺时限', reason: 'rule.promisedOverStatutory', message: '承诺时限不能长于法定时限' },
      { row: 4, column: '部门', reason: 'sheet.unknown', message: '未知部门“无此局”' },
      { row: 4, column: '事项类型', reason: 'sheet.oneOf', message: '应为 许可、非许可、公共服务' },
      { row: 4, column: '收费标准', reason: 'sheet.fee', message: '应为金额（元，最多两位小数）或“不收费”' },
      { row: 5, column: '办件类型', reason: 'rule.instantLimit', message: '即办件的承诺时限为 0（当场办结）；承诺件至少 1' },
      { row: 7, column: '事项编码', reason: 'rule.itemCode', message: '事项编码应为 4–40 位字母、数字或连字符' },
      { row: 7, column: '申请材料', reason: 'rule.materials', message: '至少列出一项申请材料' },
    ]);
    expect(problems[0]!.params).toEqual({ what: 'itemCode', value: 'SX-1', row: 2 });
  });

  it('a file without the required columns, or without rows, is one clear problem', () => {
    expect(parseCatalogSheet([['部门', '事项名称']], lookups).problems).toMatchObject([
      { row: 1, message: expect.stringContaining('缺少列：事项编码') },
    ]);
    expect(parseCatalogSheet([header], lookups).problems).toEqual([
      { row: 0, column: '', reason: 'sheet.empty', message: '文件中没有内容' },
    ]);
  });
});
