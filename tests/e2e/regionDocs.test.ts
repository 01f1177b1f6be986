import { describe, expect, it } from 'vitest';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { caughtUp, REGION_HALLS, regionNetwork } from '../support/regionHalls';
import { signInSupervisor } from '../support/regionBoard';

describe('documents sent down from the regional board, in Chromium', () => {
  it('a city supervisor enters a year and the proxy list; the board shows each hall’s version and a hall’s own day off; in English too', async () => {
    const { hubs, region, url } = await regionNetwork();
    const browser = await launchBrowser();
    const page = await openFace(browser, `${url}/#/region`, { width: 1440, height: 1100 });
    await signInSupervisor(page);

    const docs = page.getByRole('region', { name: '全市统一下发' });
    const year = docs.getByRole('form', { name: '录入全市年度节假日安排' });
    // Importing fills in the holiday-data package's year, to check before publishing.
    await year.getByRole('spinbutton', { name: '年份' }).fill('2026');
    await year.getByRole('button', { name: '从节假日数据包导入' }).click();
    await expect.poll(() => year.getByRole('textbox', { name: '放假日期（逐日列出）' }).inputValue()).toContain('2026-10-01');
    // 2027 is entered by hand: National Day, with a Sunday worked before it; a wrong date is named, not sent.
    await year.getByRole('spinbutton', { name: '年份' }).fill('2027');
    await year
      .getByRole('textbox', { name: '放假日期（逐日列出）' })
      .fill('2027-01-01\n2027-10-01 2027-10-02 2027-10-03，2027-10-04\n2027-10-35');
    await year.getByRole('textbox', { name: '调休上班日期（周末上班）' }).fill('2027-09-26');
    await year.getByRole('button', { name: '发布到各大厅' }).click();
    await docs.getByRole('alert').filter({ hasText: '2027-10-35' }).waitFor();
    await year.getByRole('textbox', { name: '放假日期（逐日列出）' }).fill('2027-01-01\n2027-10-01 2027-10-02 2027-10-03，2027-10-04');
    await year.getByRole('button', { name: '发布到各大厅' }).click();
    await docs.getByRole('status').filter({ hasText: '已发布第 1 版' }).waitFor();

    const proxy = docs.getByRole('form', { name: '各级可代办事项清单（全程代办）' });
    await proxy.getByRole('textbox', { name: '村级可代办的事项编码' }).fill('SX-AMR-001 SX-AMR-004');
    await proxy.getByRole('textbox', { name: '乡镇级可代办的事项编码' }).fill('SX-AMR-001\nSX-AMR-004\nSX-AMR-005');
    await proxy.getByRole('button', { name: '发布代办清单' }).click();
    await expect.poll(() => docs.getByRole('listitem').allTextContents()).toHaveLength(2);

    // Every hall acknowledges both; 丙镇's administrator closes on 12 October and no longer takes in SX-AMR-005.
    const table = docs.getByRole('table', { name: '各大厅应用情况' });
    for (const hall of REGION_HALLS)
      await expect
        .poll(() => table.getByRole('row', { name: new RegExp(hall.name) }).textContent(), { timeout: 15_000 })
        .toMatch(/已应用第 1 版.*已应用第 1 版/);
    const bing = hubs[2]!;
    ok(actors(bing).manager('regionDoc.addOverride', { type: 'extra_holiday', year: 2027, day: '2027-10-12', note: '镇庆' }));
    ok(actors(bing).manager('regionDoc.addOverride', { type: 'refuse_item', code: 'SX-AMR-005', note: '无专人' }));
    await caughtUp(region, hubs);
    const bingRow = table.getByRole('row', { name: /丙镇便民服务中心/ });
    await expect
      .poll(() => bingRow.textContent(), { timeout: 15_000 })
      .toContain('本地休息日 2027-10-12（镇庆）、不受理代办 SX-AMR-005（无专人）');
    expect(await table.getByRole('row', { name: /甲县政务服务中心/ }).textContent()).toContain('无');
    await docs.scrollIntoViewIfNeeded();
    await screenshot(page, 'region-docs');

    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('region', { name: 'Sent to every hall' });
    const enTable = en.getByRole('table', { name: 'What each hall applied' });
    await expect.poll(() => enTable.getByRole('row', { name: /丙镇便民服务中心/ }).textContent()).toContain('Local day off 2027-10-12');
    expect(await en.getByRole('status').textContent()).toBe('Version 1 published; it is being sent to every hall');
    expect(await enTable.getByRole('columnheader').allTextContents()).toEqual([
      'Hall',
      'Holiday schedule 2027 (version 1)',
      'Proxy item list (version 1)',
      'Local exceptions',
    ]);
    await en.scrollIntoViewIfNeeded();
    await screenshot(page, 'region-docs-en');
  });
});
