import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, manualClock, signInManager, terminal } from '../support/hub';

const WIDE = { width: 1600, height: 1000 };
const MIN = 60_000;

/** A fact's value in the archive's list of recorded facts, by its label. */
const fact = (page: Page, list: string, label: string) =>
  page
    .locator(`dl[aria-label="${list}"] > div`)
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

describe('alerts in the efficiency archive, on the faces', () => {
  it('the alerts the hub recorded about a clerk are counted by kind in the manager’s view and the clerk’s own archive, in Chinese and English', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const a = actors(hub);
    const clerk = a.clerk(0);
    const counterId = 'H3301-c-01';
    const minute = async (n = 1) => {
      clock.advance(n * MIN);
      ok(clerk('counter.heartbeat', { counterId }));
      await hub.alertEpisodes.tick();
    };
    ok(clerk('counter.signIn', { counterId, login: 'c01', password: 'demo1234' }));
    ok(a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    await hub.alertEpisodes.tick();
    await minute(2); // idle past a minute while someone waits: one episode
    ok(clerk('ticket.callNext', { counterId }));
    await minute(6); // called and not started past five minutes: another
    ok(clerk('ticket.start', { counterId }));
    await minute();
    expect(hub.db.prepare('SELECT kind FROM staff_alerts ORDER BY id').all()).toEqual([
      { kind: 'idle_while_waiting' },
      { kind: 'called_not_started' },
    ]);

    const browser = await launchBrowser();
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const zh = locale === 'zh-CN';
      signInManager(hub);
      const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, WIDE, locale);
      await board.getByRole('tab', { name: zh ? '效能档案' : 'Staff archive' }).click();
      await board.getByRole('combobox', { name: zh ? '人员' : 'Staff member' }).selectOption({ label: 'c01 王晓明' });
      const list = zh ? '系统记录' : 'Recorded facts';
      const counts: [string, string][] = zh
        ? [
            ['预警：有人等候时窗口空闲（次）', '1'],
            ['预警：叫号后未开始办理（次）', '1'],
            ['预警：办理超时（次）', '0'],
          ]
        : [
            ['Alerts: idle while people waited (times)', '1'],
            ['Alerts: called and not started (times)', '1'],
            ['Alerts: service over its maximum (times)', '0'],
          ];
      for (const [label, n] of counts) await expect.poll(() => fact(board, list, label).textContent()).toBe(n);
      await screenshot(board, `archive-alerts-board-${zh ? 'zh' : 'en'}`);

      const own = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`, WIDE, locale);
      await own.getByRole('tab', { name: zh ? '我的档案' : 'My archive' }).click();
      for (const [label, n] of counts) await expect.poll(() => fact(own, list, label).textContent()).toBe(n);
      await fact(own, list, counts[2]![0]).scrollIntoViewIfNeeded();
      await screenshot(own, `archive-alerts-clerk-${zh ? 'zh' : 'en'}`);
    }
  });
});
