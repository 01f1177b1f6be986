import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openFace, screenshot } from '../support/browser';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from '../support/actors';
import { busyHall } from '../support/busyHall';
import { demoHub, manualClock, signInManager, terminal } from '../support/hub';
import { pdfText } from '../support/pdf';
import { reportHall } from '../support/reportHall';

/** The table on screen, as text: its header row and body rows. */
async function tableText(table: Locator): Promise<string[][]> {
  return table.evaluate((el) =>
    [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
  );
}

/** Clicks an export button and reads the file the browser was given. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const saved = path.join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
}

describe('reports on the manager board, in Chromium', () => {
  it('a manager opens three reports, changes dimension and period, and exports what is on screen as CSV, Excel and PDF', async () => {
    const { hub } = await reportHall();
    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1366, height: 900 });
    await board.getByRole('tab', { name: '报表' }).click();
    const reports = board.getByRole('region', { name: '统计报表' });

    // 1. The queue by service over the month so far (the default).
    const byService = reports.getByRole('table', { name: '排队叫号 · 业务 · 整个时段明细' });
    await expect.poll(async () => (await tableText(byService)).length).toBeGreaterThan(2);
    const services = await tableText(byService);
    expect(services[0]!.slice(0, 3)).toEqual(['业务', '取号数', '叫号次数']);
    await reports.getByRole('figure', { name: '排队叫号 · 业务 · 整个时段图表' }).locator('svg').waitFor();

    // The dimension changed: by clerk; the hall's issued tickets are the same whichever way they are split.
    await reports.getByRole('combobox', { name: '维度' }).selectOption('staff');
    const byStaff = reports.getByRole('table', { name: '排队叫号 · 人员 · 整个时段明细' });
    await expect.poll(async () => (await tableText(byStaff))[0]![0]).toBe('人员');
    const issued = (rows: string[][]) => rows.slice(1).reduce((s, r) => s + Number(r[1]), 0);
    const expectedIssued = hub.db.prepare("SELECT count(*) FROM tickets WHERE day < '2026-11-24'").pluck().get() as number;
    expect(issued(services)).toBe(expectedIssued);
    expect(issued(await tableText(byStaff))).toBeLessThanOrEqual(expectedIssued); // by who called: uncalled ones have no clerk
    await screenshot(board, 'manager-reports-staff');

    // 2. The trend by day, then the period narrowed to three days.
    await reports.getByRole('combobox', { name: '报表' }).selectOption('trend');
    const trend = reports.getByRole('table', { name: '按日趋势明细' });
    await expect
      .poll(async () => (await tableText(trend)).slice(1).map((r) => r[0]))
      .toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    await reports.getByLabel('从').fill('2026-11-18');
    await expect.poll(async () => (await tableText(trend)).slice(1).map((r) => r[0])).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    await screenshot(board, 'manager-reports-trend');

    // 3. Arrivals per hour beside the counters open; exported as CSV, Excel and PDF, each what is on screen.
    await reports.getByRole('combobox', { name: '报表' }).selectOption('arrivals');
    const arrivals = reports.getByRole('table', { name: '每小时到达与开窗明细' });
    await expect
      .poll(async () => (await tableText(arrivals))[0])
      .toEqual(['按小时', '到达人数', '开窗工时（窗口·小时）', '每窗口小时办结']);
    await expect.poll(async () => (await tableText(arrivals)).length).toBeGreaterThan(2);
    const shown = await tableText(arrivals);
    await screenshot(board, 'manager-reports-arrivals');

    const csv = await download(board, '导出 CSV');
    expect(csv.name).toBe('每小时到达与开窗-2026-11-18-2026-11-24.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('每小时到达与开窗');
    expect(lines[1]).toBe('统计时段：2026-11-18 至 2026-11-24');
    expect(lines.slice(4).map((l) => l.split(','))).toEqual(shown.slice(1));
    expect(lines[3]!.split(',')).toEqual(shown[0]);

    const xlsx = await download(board, '导出 Excel');
    expect(xlsx.name).toBe('每小时到达与开窗-2026-11-18-2026-11-24.xlsx');
    const sheet = await readSheet(xlsx.bytes);
    expect(sheet[3]).toEqual(shown[0]);
    expect(sheet.slice(4).map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(1) : String(c))))).toEqual(
      shown.slice(1).map((r) => r.map((c, i) => (i === 0 ? c : Number(c).toFixed(1)))),
    );

    // PDF: the print layout (what the PDF export prints, window.print here, printToPDF in Electron).
    const pdf = await board.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(ARTIFACTS, 'manager-reports-arrivals.pdf'), pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('每小时到达与开窗');
    expect(text).toContain('统计时段：2026-11-18 至 2026-11-24');
    for (const row of shown.slice(1, 3)) expect(text).toContain(row.join(' '));
    expect(text).not.toContain('导出 CSV'); // the controls are not printed

    // The monthly pack: every section's table on one page, and in one PDF.
    await reports.getByRole('combobox', { name: '报表' }).selectOption('pack');
    const sections = [
      '全厅 · 排队叫号',
      '全厅 · 窗口工时',
      '全厅 · 办件',
      '全厅 · 好差评',
      '各部门 · 排队叫号',
      '各窗口 · 工时',
      '各人员 · 排队叫号',
      '各人员 · 工时',
      '各部门 · 办件',
      '各部门 · 好差评',
    ];
    for (const section of sections) await reports.getByRole('table', { name: `${section}明细` }).waitFor();
    await screenshot(board, 'manager-reports-pack');
    const packText = await pdfText(await board.pdf({ preferCSSPageSize: true, printBackground: true }));
    for (const section of ['月度报表汇编', ...sections]) expect(packText).toContain(section);
    const packXlsx = await download(board, '导出 Excel');
    expect((await readXlsxFile(packXlsx.bytes)).map((x) => x.sheet)).toHaveLength(sections.length);

    // In English, the same report, no Chinese but the hall's own names.
    await board.getByRole('button', { name: 'English' }).click();
    const en = board.getByRole('region', { name: 'Reports' });
    await en.getByRole('table', { name: 'Departments: cases table' }).waitFor();
    await screenshot(board, 'manager-reports-pack-en');
    await en.getByRole('combobox', { name: 'Report' }).selectOption('clerks');
    await en.getByRole('table', { name: 'Staff comparison table' }).waitFor();
    const names = hub.db.prepare('SELECT name FROM staff').pluck().all() as string[];
    const enText = names.reduce((s, n) => s.replaceAll(n, ''), (await en.textContent())!);
    expect(enText).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(board, 'manager-reports-clerks-en');
  }, 120_000);

  it('a clerk sees their own figures, today and this month', async () => {
    const { hub } = await reportHall();
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
    const browser = await launchBrowser();
    const desk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`, { width: 1600, height: 1000 });
    await desk.getByRole('tab', { name: '我的工作量' }).click();
    const mine = desk.getByRole('table', { name: '我的工作量' });
    const finished = hub.db
      .prepare("SELECT count(*) FROM ticket_events WHERE type = 'finish' AND staff_id = 'H3301-u-1'")
      .pluck()
      .get() as number;
    await expect.poll(async () => (await tableText(mine)).find((r) => r[0] === '办结数')).toEqual(['办结数', '0', String(finished)]);
    await screenshot(desk, 'clerk-my-figures');
  }, 60_000);

  it('a busy hall (30 services, 16 counters): every service in the table, the chart readable', async () => {
    const clock = manualClock(Date.parse('2026-11-23T01:00:00Z')); // Monday 09:00
    const hub = await demoHub({ clock });
    const { counterIds } = busyHall(hub, 2);
    const a = actors(hub);
    // Every counter serves what it can, one every ten minutes, all morning.
    for (let round = 0; round < 12; round++)
      counterIds.forEach((counterId, i) => {
        clock.set(Date.parse('2026-11-23T01:05:00Z') + round * 600_000 + i * 20_000);
        const called = a.clerk(i)('ticket.callNext', { counterId });
        if (!called.ok) return;
        const { service_id } = (called.result as { ticket: { service_id: string } }).ticket;
        ok(a.clerk(i)('ticket.start', { counterId }));
        ok(a.clerk(i)('ticket.finish', { counterId, handledServiceIds: [service_id] }));
      });
    clock.set(Date.parse('2026-11-23T10:00:00Z')); // 18:00
    signInManager(hub);
    ok(a.manager('day.close', {}));
    clock.set(Date.parse('2026-11-24T01:30:00Z'));
    signInManager(hub);

    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1366, height: 900 });
    await board.getByRole('tab', { name: '报表' }).click();
    const reports = board.getByRole('region', { name: '统计报表' });
    const byService = reports.getByRole('table', { name: '排队叫号 · 业务 · 整个时段明细' });
    await expect.poll(async () => (await tableText(byService)).length).toBe(31);
    await screenshot(board, 'manager-reports-busy-services');
    await reports.getByRole('combobox', { name: '时间粒度' }).selectOption('hour');
    await reports.getByRole('table', { name: '排队叫号 · 业务 · 按小时明细' }).waitFor();
    await reports.getByRole('combobox', { name: '图表指标' }).selectOption('finished');
    await screenshot(board, 'manager-reports-busy-by-hour');
  }, 120_000);
});
