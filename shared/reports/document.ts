import { z } from 'zod';
import { csvText } from '../kernel/csv';
import { FIGURE_UNITS } from './figures';
import type { ReportTable } from './table';

/**
 * A report's tables as files: exactly the rows, columns and rounding on screen. CSV is UTF-8 with a
 * byte-order mark, without which Excel reads Chinese as another code page; XLSX as write-excel-file
 * sheets (the board writes them with its browser entry, the hub's monthly pack with its Node one).
 */

/** What a file holds: the report's title, lines under it (the period, when printed), and its tables. */
export interface ReportDocument {
  title: string;
  lines: readonly string[];
  tables: readonly ReportTable[];
}

const text = z.string().max(300);
/**
 * A document as it crosses to a server that prints it (the region's PDF): the shape above, bounded
 * (a report over a county's halls is tens of rows; ten years by day is a few thousand).
 */
export const ReportDocumentSchema = z.strictObject({
  title: text.min(1),
  lines: z.array(text).max(10),
  tables: z
    .array(
      z.strictObject({
        title: text,
        columns: z
          .array(
            z.strictObject({ header: text, figure: z.strictObject({ id: z.string().max(60), unit: z.enum(FIGURE_UNITS) }).optional() }),
          )
          .min(1)
          .max(80),
        rows: z
          .array(
            z.strictObject({
              group: text,
              bucket: text,
              cells: z.array(z.strictObject({ text, value: z.number().finite().nullable() })).max(80),
            }),
          )
          .max(5000),
      }),
    )
    .min(1)
    .max(20),
}) satisfies z.ZodType<ReportDocument>;

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

type SheetCell = { value: string; type: StringConstructor; fontWeight?: 'bold' } | { value: number; type: NumberConstructor } | null;
/** One sheet as write-excel-file takes it. */
export interface ReportSheet {
  sheet: string;
  columns: { width: number }[];
  data: SheetCell[][];
}

/** The document as workbook sheets, a sheet per table: figures as numbers (rounded as shown), names as text. */
export function reportSheets(doc: ReportDocument): ReportSheet[] {
  const text = (value: string): SheetCell => ({ value, type: String });
  const bold = (value: string): SheetCell => ({ value, type: String, fontWeight: 'bold' });
  return doc.tables.map((table, i) => ({
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
}

/** A file name from the report's title and period: only characters every file system takes. */
export const exportName = (title: string, from: string, to: string, ext: string) =>
  `${`${title}-${from}-${to}`.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 100)}.${ext}`;
