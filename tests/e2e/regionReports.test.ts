import { readSheet } from 'read-excel-file/node';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { pdfText } from '../support/pdf';
import { askReport, CITY_REPORT_ROWS, signInSupervisor } from '../support/regionBoard';
import { nine, regionDays } from '../support/regionDays';

/** Clicks an export button of the form and reads the file the browser was given. */
async function saved(page: Page, form: Locator, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: button }).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe('the regional board’s cases, 好差评, drill-down and reports in Chromium', () => {
  it('a city supervisor sees yellow and red cases, opens a hall’s departments, and exports a report by level; in English too', async () => {
    const { hubs, url, clock, workDay, accepted, conclude, settle } = await regionDays('2026-10-26');
    const [jia, yi, bing] = hubs as [Hub, Hub, Hub];
    workDay(jia, '2026-10-26', 6, { ratings: [5, 1, 4] });
    workDay(yi, '2026-10-26', 9, { ratings: [5, 5] });
    workDay(bing, '2026-10-26', 4);
    accepted(jia);
    await settle();
    workDay(jia, '2026-11-02', 8, { ratings: [2] });
    workDay(yi, '2026-11-02', 5, { during: () => conclude(yi, accepted(yi)) });
    workDay(bing, '2026-11-02', 7, { ratings: [3] });
    await settle();
    clock.set(nine('2026-11-09'));
    accepted(jia);
    clock.set(nine('2026-11-20'));
    workDay(jia, '2026-11-20', 7, { ratings: [5, 4, 1], close: false });
    workDay(yi, '2026-11-20', 4, { ratings: [5], close: false });
    await settle();

    const browser = await launchBrowser();
    const page = await openFace(browser, `${url}/#/region`, { width: 1440, height: 1000 });
    await signInSupervisor(page);
    const tiles = page.getByRole('region', { name: '各大厅' });
    const jiaTile = tiles.getByRole('article', { name: '甲县政务服务中心' });
    await jiaTile.waitFor();
    // 甲县: its case of 10-26 is overdue (due 11-09), today's 满意率 2 of 3.
    await expect.poll(() => jiaTile.textContent()).toContain('超期（红灯）1');
    expect(await jiaTile.textContent()).toContain('今日满意率66.7%');
    // 乙县: its case of 11-02 concluded on time, and not delivered by 11-16 (art. 44): red.
    const yiTile = await tiles.getByRole('article', { name: '乙县政务服务中心' }).textContent();
    expect(yiTile).toContain('本月按期办结率100.0%');
    expect(yiTile).toContain('超期（红灯）1');
    await jiaTile.getByRole('button', { name: '查看甲县政务服务中心详情' }).click();
    const detail = page.getByRole('region', { name: '甲县政务服务中心详情' });
    const departments = detail.getByRole('table', { name: '各部门预警与超期办件' });
    await departments.waitFor();
    expect(await departments.getByRole('rowheader').allTextContents()).toHaveLength(1);
    expect(await detail.textContent()).toContain('2/3');
    await screenshot(page, 'region-board-cases');

    const { reports, setup } = await askReport(page, { subject: 'queue', from: '2026-10', to: '2026-11', node: 'city' });
    const table = reports.getByRole('table', { name: '示范市排队叫号报表' });
    await table.waitFor();
    // The halls in the network's order (by their nodes' names), the total last.
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(CITY_REPORT_ROWS);
    // Tickets issued on the closed days: 6 + 8, 9 + 5, 4 + 7; today's are not closed yet.
    const totalRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '合计' }) });
    expect((await totalRow.getByRole('cell').first().textContent())!.trim()).toBe('39');
    await expect.poll(() => reports.textContent()).toContain('数据截至 2026-11-02');
    await screenshot(page, 'region-report');
    // The three files of the hall's reports, each the table on screen: its headers, its rows, its rounding.
    const shownRows = await table
      .getByRole('row')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    const csv = await saved(page, setup, '导出 CSV');
    expect(csv.name).toBe('示范市排队叫号报表-2026-10-2026-11.csv');
    const csvText = csv.bytes.toString('utf8');
    expect(csvText.startsWith('\uFEFF示范市排队叫号报表\r\n2026-10 至 2026-11\r\n数据截至 2026-11-02（已日结）\r\n大厅,取号数')).toBe(true);
    expect(csvText).toContain('\r\n合计,39,');
    const xlsx = await saved(page, setup, '导出 Excel');
    expect(xlsx.name).toBe('示范市排队叫号报表-2026-10-2026-11.xlsx');
    const sheet = await readSheet(xlsx.bytes);
    expect(sheet.slice(0, 3).map((r) => r.filter((c) => c !== null))).toEqual([
      ['示范市排队叫号报表'],
      ['2026-10 至 2026-11'],
      ['数据截至 2026-11-02（已日结）'],
    ]);
    expect(sheet[3]).toEqual(shownRows[0]);
    // Names as text, figures as numbers rounded as shown ('—' where there is nothing to divide: an empty cell).
    expect(sheet.slice(4).map((r) => r.map((c) => (c === null ? '—' : String(c))))).toEqual(
      shownRows.slice(1).map((r) => r.map((c, i) => (i === 0 || c === '—' ? c : String(Number(c.replace('%', '')))))),
    );
    const pdf = await saved(page, setup, '导出 PDF');
    expect(pdf.name).toBe('示范市排队叫号报表-2026-10-2026-11.pdf');
    const pdfWords = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
    for (const words of ['示范市排队叫号报表', '数据截至2026-11-02', '甲县政务服务中心（示范市›甲县）', '合计39'])
      expect(pdfWords).toContain(words);

    // A county's level from the same form: its two halls and their total.
    await setup.getByLabel('辖区').selectOption('jx');
    await setup.getByLabel('类别').selectOption('cases');
    await setup.getByRole('button', { name: '生成报表' }).click();
    const county = reports.getByRole('table', { name: '甲县办件报表' });
    await county.waitFor();
    expect(await county.getByRole('rowheader').allTextContents()).toHaveLength(3);

    // The counters' time of the whole city, as the hall's counters report has it.
    await setup.getByLabel('辖区').selectOption('city');
    await setup.getByLabel('类别').selectOption('counters');
    await setup.getByRole('button', { name: '生成报表' }).click();
    const counters = reports.getByRole('table', { name: '示范市窗口工时报表' });
    await counters.waitFor();
    expect(await counters.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining(['签到(时)', '办结数']));
    expect(await counters.getByRole('rowheader').allTextContents()).toHaveLength(4);
    await counters.scrollIntoViewIfNeeded();
    await screenshot(page, 'region-report-counters');
    await setup.getByLabel('辖区').selectOption('jx');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Reports by level' }).waitFor();
    await page.getByRole('region', { name: 'Halls' }).getByText('Overdue (red)').first().waitFor();
    await page
      .getByRole('region', { name: '甲县政务服务中心 in detail' })
      .getByRole('table', { name: 'Cases in warning or overdue by department' })
      .waitFor();
    const en = page.getByRole('region', { name: 'Reports by level' });
    await en.getByRole('form', { name: 'Report settings' }).getByLabel('Subject').selectOption('ratings');
    await en.getByRole('button', { name: 'Show report' }).click();
    await en.getByRole('table', { name: '甲县: Ratings report' }).waitFor();
    expect(await en.textContent()).toContain('Satisfaction (%)');
    // The reports in English have no Chinese but the names of places and halls (data); their files neither.
    const names = /甲县政务服务中心|乙县政务服务中心|丙镇便民服务中心|示范市|甲县|乙县|丙镇/g;
    expect((await en.innerText()).replace(names, '')).not.toMatch(/\p{Script=Han}/u);
    const enForm = en.getByRole('form', { name: 'Report settings' });
    const enCsv = await saved(page, enForm, 'Export CSV');
    expect(enCsv.bytes.toString('utf8')).toContain('figures up to 2026-11-02 (closed days)');
    const enXlsx = await saved(page, enForm, 'Export Excel');
    const enPdf = await saved(page, enForm, 'Export PDF');
    for (const text of [enCsv.bytes.toString('utf8'), (await readSheet(enXlsx.bytes)).flat().join(' '), await pdfText(enPdf.bytes)]) {
      expect(text).toContain('Total');
      expect(text.replace(names, '')).not.toMatch(/\p{Script=Han}/u);
    }
    await screenshot(page, 'region-report-en');
    // Two PDFs printed by a headless browser on a busy machine take their time.
  }, 180_000);
});
