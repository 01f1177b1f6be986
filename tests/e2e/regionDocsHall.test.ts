import { describe, expect, it } from 'vitest';
import { createTerminal } from '../../main/hub/seed';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, opId, terminal } from '../support/hub';

describe('the documents from the region on the hall’s manager board, in Chromium', () => {
  it('the administrator sees the applied versions and its level’s proxy items, adds a local day off and refuses an item, and revokes it', async () => {
    const hub = await demoHub();
    const region = { terminalId: `${hub.hallId}-t-region`, role: 'region' as const, counterId: null };
    hub.store.transaction(() =>
      createTerminal(hub.store, hub.hallId, { id: region.terminalId, role: 'region', name: '市级监管', counterId: null }, 0),
    );
    const apply = (document: unknown) => {
      const answer = hub.execute(region, { opId: opId(), type: 'regionDoc.apply', payload: { document, level: 'village' } });
      if (!answer.ok) throw new Error(answer.error.message);
    };
    apply({ kind: 'calendar', version: 3, publishedAt: 1, content: { year: 2027, holidays: ['2027-01-01', '2027-10-01'], workdays: [] } });
    apply({
      kind: 'proxy_catalog',
      version: 1,
      publishedAt: 1,
      content: { levels: { county: [], township: [], village: ['SX-AMR-001', 'SX-AMR-004'] } },
    });
    const browser = await launchBrowser();
    const page = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    await page.getByRole('tab', { name: '事项与日历' }).click();
    const docs = page.getByRole('region', { name: '全市下发文件与本地调整' });
    await docs.getByText('2027 年节假日安排 第 3 版').waitFor();
    await docs.getByText('本大厅可代办的事项：SX-AMR-001、SX-AMR-004').waitFor();

    const addDay = docs.getByRole('form', { name: '添加本地休息日' });
    await addDay.getByLabel('日期').fill('2027-10-12');
    await addDay.getByRole('textbox', { name: '说明' }).fill('村庆');
    await addDay.getByRole('button', { name: '添加本地休息日' }).click();
    const refuse = docs.getByRole('form', { name: '不再受理某事项的代办' });
    await refuse.getByRole('combobox', { name: '事项编码' }).selectOption('SX-AMR-004');
    await refuse.getByRole('button', { name: '不再受理' }).click();
    const table = docs.getByRole('table', { name: '本地调整' });
    await table.getByRole('rowheader', { name: 'SX-AMR-004' }).waitFor();
    await table.getByRole('rowheader', { name: '2027-10-12' }).waitFor();
    await docs.getByText('本大厅可代办的事项：SX-AMR-001', { exact: true }).waitFor();
    expect(hub.store.get('calendar_years', `${hub.hallId}:2027`)).toMatchObject({
      source: 'region',
      holidays: JSON.stringify(['2027-01-01', '2027-10-01', '2027-10-12']),
    });
    // A day the city already gives off is refused, and said so.
    await addDay.getByLabel('日期').fill('2027-10-01');
    await addDay.getByRole('button', { name: '添加本地休息日' }).click();
    await docs.getByRole('alert').filter({ hasText: '2027-10-01 已是全市假日或本大厅已添加的休息日' }).waitFor();
    await docs.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-region-docs');

    await table.getByRole('button', { name: '撤销 2027-10-12' }).click();
    await expect.poll(() => table.getByRole('rowheader').allTextContents()).toEqual(['SX-AMR-004']);
    expect(hub.store.get('calendar_years', `${hub.hallId}:2027`)!.holidays).toBe(JSON.stringify(['2027-01-01', '2027-10-01']));

    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('region', { name: 'Documents from the city and local exceptions' });
    await en.getByText('This hall takes in by proxy: SX-AMR-001').waitFor();
    await en.getByRole('table', { name: 'Local exceptions' }).getByRole('cell', { name: 'Not taken in by proxy' }).waitFor();
    await en.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-region-docs-en');
  });
});
