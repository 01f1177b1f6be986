import { csvText } from '../../../../shared/kernel/csv';
import type { ReportTable } from './table';

/**
 * A report's tables as files: exactly the rows, columns and rounding on screen. CSV is UTF-8 with a
 * byte-order mark, without which Excel reads Chinese as another code page; XLSX through
 * write-excel-file (loaded when a file is asked for, not with the board), a sheet per table.
 */

/** What a file holds: the report's title, lines under it (the period, when printed), and its tables. */
export interface ReportDocument {
  title: string;
  lines: readonly string[];
  tables: readonly ReportTable[];
}

/** Of several tables each is headed by its own title; one table is the document's. */
const headed = (doc: ReportDocument) => doc.tables.length > 1;

/** The document as CSV text: the title, the lines, each table's header and rows (tables apart by an empty line); CRLF as Excel writes. */
export function reportCsv(doc: ReportDocument): string {
  const rows: string[][] = [[doc.title], ...doc.lines.map((l) => [l])];
  doc.tables.forEach((table, i) => {
    if (i > 0) rows.push([]);
    if (headed(doc)) rows.push([table.title]);
    rows.push(
      table.columns.map((c) => c.header),
      ...table.rows.map((r) => r.cells.map((c) => c.text)),
    );
  });
  return csvText(rows);
}

/** A sheet's name: Excel takes at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string, i: number) => `${i + 1} ${title}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** The document as an .xlsx workbook, a sheet per table: figures as numbers (rounded as shown), names as text. */
export async function reportXlsx(doc: ReportDocument): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const text = (value: string) => ({ value, type: String });
  const bold = (value: string) => ({ value, type: String, fontWeight: 'bold' as const });
  const sheets = doc.tables.map((table, i) => ({
    sheet: sheetName(table.title, i),
    columns: table.columns.map((c) => ({ width: Math.max(10, c.header.length * 2) })),
    data: [
      [bold(doc.title)],
      ...doc.lines.map((l) => [text(l)]),
      ...(headed(doc) ? [[bold(table.title)]] : []),
      table.columns.map((c) => bold(c.header)),
      ...table.rows.map((r) =>
        r.cells.map((c, j) => (table.columns[j]?.figure ? (c.value === null ? null : { value: c.value, type: Number }) : text(c.text))),
      ),
    ],
  }));
  return (sheets.length === 1 ? writeXlsxFile(sheets[0]!.data, { columns: sheets[0]!.columns }) : writeXlsxFile(sheets)).toBlob();
}

/** A file name from the report's title and period: only characters every file system takes. */
export const exportName = (title: string, from: string, to: string, ext: string) =>
  `${`${title}-${from}-${to}`.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 100)}.${ext}`;
