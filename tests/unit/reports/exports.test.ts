import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { reportCsv, reportXlsx, exportName } from '../../../renderer/src/features/reports/exports';
import { reportTable } from '../../../shared/reports/table';
import { reportWordingZh } from '../../../shared/reports/labels';

/** The exports write the table the tab shows: read back, a file holds the same headers, names and rounded figures. */
const t = reportWordingZh;
const sums = (issued: number, called: number, waitMs: number) => ({
  issued,
  transferred: 0,
  no_shows: 1,
  called,
  wait_ms: waitMs,
  within_target: called - 1,
  uncalled: 0,
  started: called,
  walk_ms: called * 30_000,
  finished: called - 1,
  service_ms: 600_000 * (called - 1),
  total_ms: 900_000 * (called - 1),
  serving_ms: 0,
});
const table = reportTable(
  { report: 'queue', dimension: 'service', bucket: 'day' },
  {
    rows: [
      { key: 's-b', bucket: '2026-11-17', sums: sums(4, 3, 3 * 7 * 60_000 + 20_000) },
      { key: 's-a', bucket: '2026-11-16', sums: sums(6, 5, 5 * 4 * 60_000) },
      { key: 's-x', bucket: '2026-11-16', sums: sums(2, 2, 0) },
    ],
    lastClosedDay: '2026-11-20',
  },
  (_d, key) => ({ 's-a': '企业开办', 's-b': '不动产登记, "一窗"', 's-x': '' })[key] ?? key,
  t,
  '排队叫号 · 业务 · 按日',
);

describe('report exports', () => {
  it('the table: names, the day, every queue figure, rows in time order then by name', () => {
    expect(table.columns.map((c) => c.header).slice(0, 4)).toEqual(['业务', '按日', '取号数', '叫号次数']);
    expect(table.rows.map((r) => [r.group, r.bucket])).toEqual([
      ['', '2026-11-16'],
      ['企业开办', '2026-11-16'],
      ['不动产登记, "一窗"', '2026-11-17'],
    ]);
    const avgWait = table.columns.findIndex((c) => c.figure?.id === 'avgWait');
    // 7 min 20 s over three calls ≈ 7.1 min: the shown text and the value agree on the rounding.
    expect(table.rows[2]!.cells[avgWait]).toEqual({ text: '7.1', value: 7.1 });
  });

  it('CSV: UTF-8 with a byte-order mark, quoted where needed, the same cells as the screen', () => {
    const csv = reportCsv({ title: table.title, lines: ['统计时段：2026-11-16 至 2026-11-17'], tables: [table] });
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('排队叫号 · 业务 · 按日');
    expect(lines[2]).toBe(table.columns.map((c) => c.header).join(','));
    expect(lines[5]!.startsWith('"不动产登记, ""一窗""",2026-11-17,4,3,')).toBe(true);
    expect(lines).toHaveLength(3 + table.rows.length + 1); // and the last line ends with CRLF
    expect(lines.at(-1)).toBe('');
  });

  it('XLSX: read back, the same headers, names as text and figures as the numbers shown', async () => {
    const blob = await reportXlsx({ title: table.title, lines: ['统计时段：2026-11-16 至 2026-11-17'], tables: [table] });
    const rows = await readSheet(Buffer.from(await blob.arrayBuffer()));
    expect(rows[0]).toEqual(expect.arrayContaining(['排队叫号 · 业务 · 按日']));
    expect(rows[2]).toEqual(table.columns.map((c) => c.header));
    const body = rows.slice(3).map((r) => r.map((c) => (c === null ? null : c)));
    expect(body).toEqual(table.rows.map((r) => r.cells.map((c, i) => (table.columns[i]!.figure ? c.value : c.text || null))));
    expect(typeof body[2]![2]).toBe('number');
  });

  it('a pack of tables: each under its own title, apart in CSV, a sheet each in Excel', async () => {
    const other = { ...table, title: '各部门 · 办件', rows: table.rows.slice(0, 1) };
    const doc = { title: '月度报表汇编', lines: ['统计时段：2026-11-01 至 2026-11-30'], tables: [table, other] };
    const lines = reportCsv(doc).slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['月度报表汇编', '统计时段：2026-11-01 至 2026-11-30', '排队叫号 · 业务 · 按日']);
    const second = lines.indexOf('各部门 · 办件');
    expect(lines[second - 1]).toBe('');
    expect(lines.slice(second + 1, second + 3)).toEqual([
      table.columns.map((c) => c.header).join(','),
      table.rows[0]!.cells.map((c) => c.text).join(','),
    ]);
    const sheets = await readXlsxFile(Buffer.from(await (await reportXlsx(doc)).arrayBuffer()));
    expect(sheets.map((x) => x.sheet)).toEqual(['1 排队叫号 · 业务 · 按日', '2 各部门 · 办件']);
    const trimmed = (row: unknown[]) => row.slice(0, row.findLastIndex((c) => c !== null) + 1);
    expect(sheets[1]!.data.slice(0, 4).map(trimmed)).toEqual([
      ['月度报表汇编'],
      ['统计时段：2026-11-01 至 2026-11-30'],
      ['各部门 · 办件'],
      table.columns.map((c) => c.header),
    ]);
    expect(sheets[1]!.data).toHaveLength(5);
  });

  it('file names keep only safe characters', () => {
    expect(exportName('排队叫号 · 业务 / 按日', '2026-11-01', '2026-11-30', 'csv')).toBe('排队叫号_业务_按日-2026-11-01-2026-11-30.csv');
  });
});
