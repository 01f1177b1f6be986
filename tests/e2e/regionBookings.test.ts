import { readSheet } from 'read-excel-file/node';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { pdfText } from '../support/pdf';
import { askReport, CITY_REPORT_ROWS, signInSupervisor } from '../support/regionBoard';
import { regionBookings } from '../support/regionBookings';

/** Clicks an export button of the form and reads the file the browser was given. */
async function saved(page: Page, form: Locator, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: button }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}
const savedText = async (page: Page, form: Locator, button: string) => {
  const { name, bytes } = await saved(page, form, button);
  return { name, text: bytes.toString('utf8') };
};

describe('the regional board’s 预约 report in Chromium', () => {
  it('a city supervisor chooses 预约: a row per hall and the total from summed counts, exported; in English too', async () => {
    const { url } = await regionBookings();
    const browser = await launchBrowser();
    const page = await openFace(browser, `${url}/#/region`, { width: 1440, height: 1000 });
    await signInSupervisor(page);

    const { reports, setup } = await askReport(page, { subject: { label: '预约' }, from: '2026-11', to: '2026-11', node: 'city' });
    const table = reports.getByRole('table', { name: '示范市预约报表' });
    await table.waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(CITY_REPORT_ROWS);
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['预约数', '爽约率(%)', '可约名额', '时段利用率(%)', '按时叫号率(%)']));
    const cellsOf = async (hall: string) => {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: hall }) });
      const texts = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
      return Object.fromEntries(headers.slice(1).map((h, i) => [h, texts[i]]));
    };
    // The city: 9 booked, 2 cancelled, 2 no-shows of the 7 not cancelled, 310 places; called within
    // the target 3 of 4, waiting (5 + 30 + 40 + 2) / 4 min past the slots — the waits', not the halls' mean.
    expect(await cellsOf('合计')).toMatchObject({
      预约数: '9',
      '爽约率(%)': '28.6',
      可约名额: '310',
      '按时叫号率(%)': '75.0',
      '超过预约时段的等候(分)': '19.3',
    });
    expect(await cellsOf('乙县政务服务中心（示范市 › 乙县）')).toMatchObject({ 预约数: '3', '按时叫号率(%)': '100.0' });
    // Live, as the hall's own 预约 report: the moment the bookings were counted at, not a closed day.
    expect(await reports.textContent()).toContain('预约按 ');
    expect(await reports.textContent()).not.toContain('尚无已日结的数据');
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'region-report-bookings');

    const csv = await savedText(page, setup, '导出 CSV');
    expect(csv.name).toBe('示范市预约报表-2026-11-2026-11.csv');
    expect(csv.text.startsWith('\uFEFF示范市预约报表\r\n2026-11 至 2026-11\r\n预约按 ')).toBe(true);
    expect(csv.text).toContain('\r\n合计,9,2,22.2,4,2,28.6,310,');
    // Excel and PDF as the other subjects': the same table, the PDF printed by the region server.
    const xlsx = await saved(page, setup, '导出 Excel');
    expect(xlsx.name).toBe('示范市预约报表-2026-11-2026-11.xlsx');
    const sheet = await readSheet(xlsx.bytes);
    expect(sheet.at(-1)!.slice(0, 8)).toEqual(['合计', 9, 2, 22.2, 4, 2, 28.6, 310]);
    const pdf = await saved(page, setup, '导出 PDF');
    expect(pdf.name).toBe('示范市预约报表-2026-11-2026-11.pdf');
    const pdfWords = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
    for (const words of ['示范市预约报表', '预约按', '丙镇便民服务中心（示范市›甲县›丙镇）', '合计9222.2'])
      expect(pdfWords).toContain(words);

    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('region', { name: 'Reports by level' });
    await en.waitFor();
    await en.getByRole('button', { name: 'Show report' }).click();
    const enTable = en.getByRole('table', { name: '示范市: Bookings report' });
    await enTable.waitFor();
    expect(await enTable.getByRole('columnheader').allTextContents()).toEqual(
      expect.arrayContaining(['Bookings', 'No-show rate (%)', 'Places offered', 'Called within target (%)']),
    );
    expect(await en.textContent()).toContain('bookings as of ');
    const names = /甲县政务服务中心|乙县政务服务中心|丙镇便民服务中心|示范市|甲县|乙县|丙镇/g;
    expect((await en.innerText()).replace(names, '')).not.toMatch(/\p{Script=Han}/u);
    const enCsv = await savedText(page, en.getByRole('form', { name: 'Report settings' }), 'Export CSV');
    expect(enCsv.text.replace(names, '')).not.toMatch(/\p{Script=Han}/u);
    expect(enCsv.text).toContain('\r\nTotal,9,2,22.2,4,2,28.6,310,');
    await screenshot(page, 'region-report-bookings-en');
  }, 180_000);
});
