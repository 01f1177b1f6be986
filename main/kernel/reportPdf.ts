import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ReportDocument } from '../../shared/reports/document';
import type { ReportTable } from '../../shared/reports/table';

/**
 * A report's document (shared/reports/document) as a PDF, printed by a headless browser: the hub's
 * monthly pack and the region's report exports print the same page of the same tables.
 */

/** Debian's Chromium: PDFs are printed with it when it is there and no other is given. */
export const DEFAULT_PDF_BROWSER = '/usr/bin/chromium';

/** The browser to print PDFs with: the one given (--pdf-browser), else Debian's when installed; none means no PDF. */
export const pdfBrowserOf = (given: string | undefined): string | null =>
  given ?? (existsSync(DEFAULT_PDF_BROWSER) ? DEFAULT_PDF_BROWSER : null);

/** The longest a PDF may take to print: a browser that hangs fails the attempt. */
const PRINT_TIMEOUT_MS = 120_000;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The document as a printable page: a table per section, figures aligned right; `lang` its language (the words are the document's). */
export function reportHtml(doc: ReportDocument, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const table = (tb: ReportTable) =>
    `<section>${doc.tables.length > 1 ? `<h2>${escapeHtml(tb.title)}</h2>` : ''}<table><thead><tr>${tb.columns
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
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 11pt; margin: 12pt 0 4pt; }
p { margin: 0 0 2pt; } section { break-inside: avoid-page; margin-top: 8pt; }
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
  const dir = await mkdtemp(path.join(os.tmpdir(), 'servicehall-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const pdf = path.join(dir, 'report.pdf');
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
