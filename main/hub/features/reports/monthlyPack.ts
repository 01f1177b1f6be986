import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { monthDays } from '../../../../shared/archive/rules';
import { addDays } from '../../../../shared/calendar/rules';
import type { Clock } from '../../../../shared/kernel/clock';
import { hallClockTime, hallDay } from '../../../../shared/queue/rules';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { exportName, reportSheets, type ReportDocument } from '../../../../shared/reports/document';
import type { ReportDimension } from '../../../../shared/reports/enums';
import { reportWordingZh as t } from '../../../../shared/reports/labels';
import { packAsks, packTables } from '../../../../shared/reports/pack';
import type { PackStatus } from '../../../../shared/reports/queries';
import { PACK_RETRY_MS, parsePackSettings, previousMonth } from '../../../../shared/reports/settings';
import type { ReportTable } from '../../../../shared/reports/table';
import { writeFileDurably } from '../../../db/durableFile';
import type { Db } from '../../../db/open';
import { OneAtATime } from '../../../kernel/oneAtATime';
import type { Store } from '../../store';
import { packStatus } from './packStatus';
import { reportRows } from './queries';

/** Debian's Chromium: the hub prints the pack's PDF with it when it is there and no other is given. */
export const DEFAULT_PDF_BROWSER = '/usr/bin/chromium';

/** The browser the hub prints PDFs with: the one given (--pdf-browser), else Debian's when installed; none means XLSX only. */
export const pdfBrowserOf = (given: string | undefined): string | null =>
  given ?? (existsSync(DEFAULT_PDF_BROWSER) ? DEFAULT_PDF_BROWSER : null);

export interface PackSource {
  db: Db;
  store: Store;
  hall: { id: string; name: string };
  clock: Clock;
}

const OPEN_DAY = `SELECT 1 FROM tickets t WHERE t.day >= ? AND t.day < ?
  AND NOT EXISTS (SELECT 1 FROM hall_days h WHERE h.day = t.day AND h.closed_at IS NOT NULL) LIMIT 1`;

/** The longest a PDF may take to print: a browser that hangs fails the attempt, to be tried again. */
const PRINT_TIMEOUT_MS = 120_000;

/**
 * The monthly report pack, written by the hub after each month ends on the hall's calendar, when the
 * administrator has turned it on (reports.setPackSettings): the board's pack (shared/reports/pack),
 * the same tables, as an Excel workbook (a sheet per section) and, when a browser to print with is
 * there, as a PDF of the same tables. Every attempt is recorded in report_packs: a month is written
 * once; a failure is tried again PACK_RETRY_MS later (at once when the folder changes) and the
 * board alerts until a pack is written. Time is the hub's clock: the hub calls tick() every minute,
 * tests call it after moving their clock.
 */
export class MonthlyPacks {
  private readonly jobs = new OneAtATime();

  constructor(
    private readonly src: PackSource,
    private readonly pdfBrowser: string | null,
    private readonly log: (m: string) => void,
  ) {}

  /** Writes the month just ended when it is due. Resolves once that is done (or at once); never rejects. */
  tick(): Promise<void> {
    return this.jobs.run(() => this.sweep()).catch((e: unknown) => this.log(`report pack sweep failed: ${(e as Error).message}`));
  }

  /** Resolves once a pack under way is written (before the database closes under it). */
  idle(): Promise<void> {
    return this.jobs.idle();
  }

  status(): PackStatus {
    return packStatus(this.src.db);
  }

  private async sweep(): Promise<void> {
    const { db, store, hall, clock } = this.src;
    const row = store.get('halls', hall.id)!;
    const settings = parsePackSettings(row.report_pack_settings);
    if (!settings.enabled || settings.folder === '') return;
    const { utcOffsetMinutes } = parseQueueSettings(row.queue_settings);
    const now = clock();
    const today = hallDay(now, utcOffsetMinutes);
    const month = previousMonth(today);
    if (db.prepare('SELECT 1 FROM report_packs WHERE month = ? AND written_at IS NOT NULL').get(month)) return;
    const { first, next } = monthDays(month);
    // The pack's queue, counter and case figures come from closed days: a day of the month with
    // tickets and no close yet (its close comes the evening it ends, or the next morning) holds the
    // pack back until the new month's second day, when it is written with what was closed.
    const open = db.prepare(OPEN_DAY).get(first, next);
    if (open && today < addDays(next, 1)) return;

    const files = packFiles(settings.folder, row.code, month, this.pdfBrowser !== null);
    const last = db.prepare('SELECT files, attempted_at FROM report_packs WHERE month = ? ORDER BY id DESC LIMIT 1').get(month) as
      { files: string; attempted_at: number } | undefined;
    if (last && last.files === JSON.stringify(files) && now - last.attempted_at < PACK_RETRY_MS) return;

    const record = db.prepare('INSERT INTO report_packs (month, files, attempted_at, written_at, error) VALUES (?, ?, ?, ?, ?)');
    try {
      const doc = this.document(month, now, utcOffsetMinutes);
      const xlsx = await writeXlsxFile(reportSheets(doc)).toBuffer();
      writeFileDurably(files[0]!, xlsx, 0o600);
      if (files[1]) writeFileDurably(files[1], await printPdf(this.pdfBrowser!, packHtml(doc)), 0o600);
      record.run(month, JSON.stringify(files), now, clock(), null);
      this.log(`report pack ${month} written: ${files.join(', ')}`);
    } catch (e) {
      const message = (e as Error).message.slice(0, 1000);
      record.run(month, JSON.stringify(files), now, null, message);
      this.log(`report pack ${month} failed: ${message}`);
    }
  }

  /** The pack of `month`: the board's pack view of the whole month, titled and dated in Chinese. */
  private document(month: string, now: number, utcOffsetMinutes: number): ReportDocument {
    const { first, next } = monthDays(month);
    const last = addDays(next, -1);
    const results = packAsks(first, last).map((p) => ({
      rows: reportRows(this.src.db, p, { hallId: this.src.hall.id, now, utcOffsetMinutes }),
      lastClosedDay: null,
    }));
    const tables = packTables(results, nameOf(this.src.db), t);
    return {
      title: `${this.src.hall.name} ${t('rp.view.pack')} ${month}`,
      lines: [
        t('rp.period', { from: first, to: last }),
        t('rp.printedAt', { at: `${hallDay(now, utcOffsetMinutes)} ${hallClockTime(now, utcOffsetMinutes)}` }),
      ],
      tables,
    };
  }
}

/** The pack's files in `folder`: the workbook, and the PDF when the hub can print one; named by the hall's code and the month. */
function packFiles(folder: string, hallCode: string, month: string, pdf: boolean): string[] {
  const { first, next } = monthDays(month);
  const base = exportName(`${hallCode}-${t('rp.view.pack')}`, first, addDays(next, -1), 'xlsx');
  return [path.join(folder, base), ...(pdf ? [path.join(folder, base.replace(/\.xlsx$/, '.pdf'))] : [])];
}

const NAMED: Record<Exclude<ReportDimension, 'hall'>, string> = {
  department: 'departments',
  service: 'services',
  counter: 'counters',
  staff: 'staff',
  item: 'catalog_items',
};

/** A group's name from the hall's rows, as the board names it from its replica. */
function nameOf(db: Db) {
  return (dimension: ReportDimension, key: string): string => {
    if (!key) return t('rp.unknown');
    if (dimension === 'hall') return t('rp.hall');
    const row = db.prepare(`SELECT name FROM ${NAMED[dimension]} WHERE id = ?`).get(key) as { name: string } | undefined;
    return row?.name ?? key;
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The pack as a printable page: the same document the workbook holds, a table per section, figures aligned right. */
export function packHtml(doc: ReportDocument): string {
  const table = (tb: ReportTable) =>
    `<section><h2>${escapeHtml(tb.title)}</h2><table><thead><tr>${tb.columns
      .map((c) => `<th${c.figure ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`)
      .join('')}</tr></thead><tbody>${
      tb.rows.length === 0
        ? `<tr><td colspan="${tb.columns.length}">—</td></tr>`
        : tb.rows
            .map(
              (r) =>
                `<tr>${r.cells.map((c, j) => `<td${tb.columns[j]?.figure ? ' class="num"' : ''}>${escapeHtml(c.text)}</td>`).join('')}</tr>`,
            )
            .join('')
    }</tbody></table></section>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 11pt; margin: 12pt 0 4pt; }
p { margin: 0 0 2pt; } section { break-inside: avoid-page; }
table { border-collapse: collapse; width: 100%; } th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; }
th { background: #eee; } .num { text-align: right; }
</style></head><body><h1>${escapeHtml(doc.title)}</h1>${doc.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${doc.tables
    .map(table)
    .join('')}</body></html>`;
}

/**
 * Prints a page to PDF with a headless browser. The page is a file in a private temporary folder
 * (owner-only, deleted after): nothing is served, so no token of any kind is handed to the browser.
 */
export async function printPdf(browser: string, html: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'servicehall-pack-'));
  try {
    const page = path.join(dir, 'pack.html');
    const pdf = path.join(dir, 'pack.pdf');
    await writeFile(page, html, { mode: 0o600 });
    await new Promise<void>((resolve, reject) =>
      execFile(
        browser,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          `file://${page}`,
        ],
        { timeout: PRINT_TIMEOUT_MS },
        (error, _out, stderr) =>
          error ? reject(new Error(`PDF printing failed: ${error.message} ${String(stderr).slice(0, 300)}`)) : resolve(),
      ),
    );
    const bytes = await readFile(pdf).catch(() => {
      throw new Error(`PDF printing failed: ${browser} wrote no file`);
    });
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
