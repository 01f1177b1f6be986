import type { ReportTable } from './table';

/**
 * A report's table as files: exactly the rows, columns and rounding on screen. CSV is UTF-8 with a
 * byte-order mark, without which Excel reads Chinese as another code page; XLSX through
 * write-excel-file (loaded when a file is asked for, not with the board).
 */

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The table as CSV text: the title line, the header, the rows; lines end CRLF as Excel writes them. */
export function reportCsv(table: ReportTable, lines: readonly string[] = []): string {
  const rows = [
    [table.title],
    ...lines.map((l) => [l]),
    table.columns.map((c) => c.header),
    ...table.rows.map((r) => r.cells.map((c) => c.text)),
  ];
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The table as an .xlsx workbook: figures as numbers (rounded as shown), names as text. */
export async function reportXlsx(table: ReportTable, lines: readonly string[] = []): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const text = (value: string) => ({ value, type: String });
  const data = [
    [{ value: table.title, type: String, fontWeight: 'bold' as const }],
    ...lines.map((l) => [text(l)]),
    table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const })),
    ...table.rows.map((r) =>
      r.cells.map((c, i) => (table.columns[i]?.figure ? (c.value === null ? null : { value: c.value, type: Number }) : text(c.text))),
    ),
  ];
  return writeXlsxFile(data, { columns: table.columns.map((c) => ({ width: Math.max(10, c.header.length * 2) })) }).toBlob();
}

/** A file name from the report's title and period: only characters every file system takes. */
export const exportName = (title: string, from: string, to: string, ext: string) =>
  `${`${title}-${from}-${to}`.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 100)}.${ext}`;
