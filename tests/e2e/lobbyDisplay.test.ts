import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createTerminal } from '../../main/hub/seed';
import { actors, ok } from '../support/actors';
import { busyHall } from '../support/busyHall';
import { demoHub, terminal } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';

/** Everything a person across the hall needs is inside the screen: nothing scrolls, nothing is cut. */
async function expectFits(page: Page) {
  const report = await page.evaluate(() => {
    const inside = (el: Element | null) => {
      if (!el) return 'missing';
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5 && r.height > 0
        ? 'inside'
        : 'outside';
    };
    const rows = [...document.querySelectorAll('.waiting li, .recent tbody tr')];
    return {
      scroll: [document.documentElement.scrollHeight <= innerHeight, document.documentElement.scrollWidth <= innerWidth],
      notice: inside(document.querySelector('[aria-label="通知"]')),
      subtitle: inside(document.querySelector('.subtitle')),
      latest: inside(document.querySelector('.latest-number')),
      rowsOutside: rows.filter((r) => inside(r) !== 'inside').map((r) => r.textContent),
      rows: rows.length,
    };
  });
  expect(report).toMatchObject({ scroll: [true, true], notice: 'inside', subtitle: 'inside', latest: 'inside', rowsOutside: [] });
  expect(report.rows).toBeGreaterThan(4);
}

describe('the lobby display in a busy hall (30 services, 16 counters, people waiting)', () => {
  it('fits 1920×1080 and 1080×1920: pages the waiting list, keeps the notice and subtitle on screen; each call shows at once; the clerk sees it announced', async () => {
    const hub = await demoHub();
    busyHall(hub, 3);
    const zoneToken = hub.store.transaction(() =>
      createTerminal(
        hub.store,
        hub.hallId,
        { id: 'H3301-t-display-2f', role: 'display', name: '二楼叫号屏', counterId: null, zone: '二楼' },
        0,
      ),
    ).result;
    const browser = await launchBrowser();
    const url = (token: string) => `${hub.url}/#/display?token=${token}`;
    const wide = await openFace(browser, url(terminal(hub, 'display').token), { width: 1920, height: 1080 });
    const tall = await openFace(browser, url(terminal(hub, 'display').token), { width: 1080, height: 1920 });
    const zoned = await openFace(browser, url(zoneToken), { width: 1920, height: 1080 });
    const clerk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`);
    // Synced: the busy hall's services are listed, on more than one page (zone: its own services).
    for (const page of [wide, tall])
      await page
        .getByRole('region', { name: '等候人数' })
        .getByText(/第 \d+\/\d+ 页/)
        .waitFor();
    await zoned.getByRole('region', { name: '等候人数' }).getByText('不动产登记').waitFor();
    await clerk.getByText('工作中', { exact: true }).waitFor();

    // Opening: counter 1 calls from its clerk's screen, then the 15 others within seconds.
    await clerk.keyboard.press('F1');
    await expect.poll(() => clerk.locator('.current-number').textContent()).toMatch(/^[A-Z]+\d{3}$/);
    const first = (await clerk.locator('.current-number').textContent())!;
    const a = actors(hub);
    const numbers: string[] = [];
    for (let i = 1; i < 16; i++)
      numbers.push(
        (ok(a.clerk(i)('ticket.callNext', { counterId: `H3301-c-${String(i + 1).padStart(2, '0')}` })).ticket as { number: string }).number,
      );
    // The screen shows each call at once, whatever the voice queue holds.
    const latest = wide.getByRole('region', { name: '当前叫号' });
    await expect.poll(() => latest.textContent(), { timeout: 3000 }).toContain(numbers.at(-1)!);
    await expect.poll(() => tall.getByRole('region', { name: '当前叫号' }).textContent(), { timeout: 3000 }).toContain(numbers.at(-1)!);
    // The zone display shows only 二楼 (counters 9–16) and its services.
    const zoneWindows = (await zoned.locator('.recent tbody td:nth-child(2)').allTextContents()).map((w) => Number(/\d+/.exec(w)![0]));
    expect(zoneWindows.length).toBeGreaterThan(0);
    expect(zoneWindows.every((n) => n >= 9)).toBe(true);
    const zoneWaiting = await zoned.getByRole('region', { name: '等候人数' }).textContent();
    expect(zoneWaiting).toContain('不动产登记');
    expect(zoneWaiting).not.toContain('企业开办');

    // The voice starts on the first call: the subtitle says it, and every part still fits.
    await wide
      .locator('.subtitle')
      .getByText(/正在播报/)
      .waitFor({ timeout: 15_000 });
    await expectFits(wide);
    await expectFits(tall);
    await expectFits(zoned);
    await screenshot(wide, 'display-busy-1920x1080');
    await screenshot(tall, 'display-busy-1080x1920');
    await screenshot(zoned, 'display-busy-zone-2f');
    // The list pages: the first page's services differ from the next page's.
    const names = (page: Page) => page.locator('.waiting .w-name').allTextContents();
    const page1 = await names(wide);
    await expect.poll(() => names(wide), { timeout: 20_000 }).not.toEqual(page1);

    // The clerk of counter 1 sees that the lobby said their call.
    await clerk
      .getByRole('status', { name: '大厅播报' })
      .getByText(/大厅已播报/)
      .waitFor({ timeout: 30_000 });
    expect(hub.store.get('call_announcements', hub.store.where('tickets', 'number = ?', first)[0]!.id)).toMatchObject({
      outcome: 'spoken',
    });
  });
});
