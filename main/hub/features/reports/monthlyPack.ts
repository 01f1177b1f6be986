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
import { writeFileDurably } from '../../../db/durableFile';
import { printPdf, reportHtml } from '../../../kernel/reportPdf';
import type { Db } from '../../../db/open';
import { OneAtATime } from '../../../kernel/oneAtATime';
import type { Store } from '../../store';
import { packStatus } from './packStatus';
import { reportRows } from './queries';

export { DEFAULT_PDF_BROWSER, pdfBrowserOf } from '../../../kernel/reportPdf';

export interface PackSource {
  db: Db;
  store: Store;
  hall: { id: string; name: string };
  clock: Clock;
}

const OPEN_DAY = `SELECT 1 FROM tickets t WHERE t.day >= ? AND t.day < ?
  AND NOT EXISTS (SELECT 1 FROM hall_days h WHERE h.day = t.day AND h.closed_at IS NOT NULL) LIMIT 1`;

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
      if (files[1]) writeFileDurably(files[1], await printPdf(this.pdfBrowser!, reportHtml(doc)), 0o600);
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
