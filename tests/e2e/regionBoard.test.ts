import { describe, expect, it } from 'vitest';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { caughtUp, REGION_HALLS, regionNetwork, work } from '../support/regionHalls';
import { signInSupervisor } from '../support/regionBoard';

describe('the regional board in Chromium', () => {
  it('a city supervisor signs in and sees three halls’ tiles and the ranking; in English too', async () => {
    const { hubs, region, url } = await regionNetwork();
    hubs.forEach((hub, i) => {
      work(hub, 2 + 3 * i);
      ok(actors(hub).kiosk('ticket.issue', { serviceId: `${hub.hallId}-s-B`, priority: 'normal', confirm: null }));
    });
    await caughtUp(region, hubs);
    const browser = await launchBrowser();
    const page = await openFace(browser, `${url}/#/region`, { width: 1440, height: 900 });
    await signInSupervisor(page);
    const tiles = page.getByRole('region', { name: '各大厅' });
    for (const hall of REGION_HALLS) await tiles.getByRole('article', { name: hall.name }).waitFor();
    await expect.poll(() => tiles.getByRole('article', { name: '丙镇便民服务中心' }).textContent()).toContain('示范市 › 甲县');
    const ranking = page.getByRole('table', { name: '今日办结排名' });
    // Ranked by people served: 丙镇 served 8, 乙县 5, 甲县 2.
    expect(await ranking.getByRole('rowheader').allTextContents()).toEqual(['丙镇便民服务中心', '乙县政务服务中心', '甲县政务服务中心']);
    await screenshot(page, 'region-board');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('table', { name: 'Served today, ranked' }).waitFor();
    await page.getByRole('region', { name: 'Halls' }).getByText('Longest wait').first().waitFor();
    await screenshot(page, 'region-board-en');
  });
});
