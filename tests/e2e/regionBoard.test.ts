import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { regionHttp } from '../../main/region/http';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { Supervisors } from '../../main/region/supervisors';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, onCleanup, until } from '../support/hub';
import { throwawayPostgres } from '../support/pg';
import { enrollRegion, REGION_HALLS, work } from '../support/regionHalls';

describe('the regional board in Chromium', () => {
  it('a city supervisor signs in and sees three halls’ tiles and the ranking; in English too', async () => {
    const db = await throwawayPostgres();
    const hubs = await Promise.all(REGION_HALLS.map((hall) => demoHub({ hall })));
    const region = await Region.start(RegionStore.connect(db.url), () => {});
    onCleanup(() => region.close());
    for (const hub of hubs) await enrollRegion(region, hub);
    const supervisors = new Supervisors(region.store, Date.now);
    await supervisors.addNode({ id: 'city', parentId: null, level: 'city', name: '示范市' });
    await supervisors.addNode({ id: 'jx', parentId: 'city', level: 'county', name: '甲县' });
    for (const hub of hubs) await supervisors.placeHall(hub.hallId, hub.hallId === 'H3303' ? 'city' : 'jx');
    await supervisors.add({ login: 'shi', name: '市监管科', nodeId: 'city', password: 'Region#2026' });
    hubs.forEach((hub, i) => {
      work(hub, 2 + 3 * i);
      ok(actors(hub).kiosk('ticket.issue', { serviceId: `${hub.hallId}-s-B`, priority: 'normal', confirm: null }));
    });
    for (const hub of hubs)
      await until(() => region.states().find((s) => s.hallId === hub.hallId)?.cursor === hub.store.currentSeq, 'caught up');
    await region.settled();
    const http = regionHttp({ region, supervisors, rendererDir: 'dist/renderer', clock: Date.now, log: () => {} });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    onCleanup(() => new Promise<void>((resolve) => http.close(() => resolve())));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

    const browser = await launchBrowser();
    const page = await openFace(browser, `${url}/#/region`, { width: 1440, height: 900 });
    const form = page.getByRole('form', { name: '监管人员登录' });
    await form.getByRole('textbox', { name: '工号' }).fill('shi');
    await form.getByLabel('密码').fill('Region#2026');
    await form.getByRole('button', { name: '登录' }).click();
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
