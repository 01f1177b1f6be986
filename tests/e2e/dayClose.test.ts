import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, manualClock, terminal } from '../support/hub';

describe('closing the day on the board, in Chromium', () => {
  it('at 08:27 the board lists what the close would end and asks for a reason; cancel ends nothing', async () => {
    // The board reckons time on the hub's clock: 08:27 in the hall.
    const hub = await demoHub({ clock: manualClock(Date.parse('2026-11-25T00:27:00Z')) });
    const { kiosk, clerk } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
    for (let i = 0; i < 3; i++) ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));

    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`);
    await board.getByRole('tab', { name: '管理与设置' }).click();
    const section = board.getByRole('region', { name: '日终' });
    await section.getByRole('button', { name: '结束今日取号（日终）' }).click();

    // Nothing has ended on the first click: the list of what would, and the reason asked for.
    await section.getByText('现在 08:27，未到闭厅时间 17:30：提前日终须填写原因（记入审计日志）').waitFor();
    const tickets = section.getByRole('list', { name: '将结束的号（3 个）' });
    await expect
      .poll(() => tickets.getByRole('listitem').allTextContents())
      .toEqual(['等候中 2 个 → 已作废： A002 A003', '已叫号 1 个 → 未到（已结束）： A001']);
    expect(await section.getByRole('list', { name: '将签退的窗口（1 个）' }).getByRole('listitem').allTextContents()).toEqual([
      '1号窗口 · 王晓明 · 工作中',
    ]);
    const confirm = section.getByRole('button', { name: '确定日终（结束 3 个号）' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(board, 'manager-day-close-early');
    await section.getByRole('button', { name: '取消' }).click();

    // In English, the same list and question, with no Chinese but the data (the clerk's name).
    await board.getByRole('button', { name: 'English' }).click();
    const sectionEn = board.getByRole('region', { name: 'Day close' });
    await sectionEn.getByRole('button', { name: 'Close today (stop tickets)' }).click();
    await sectionEn.getByText('It is 08:27, before the closing time 17:30', { exact: false }).waitFor();
    await sectionEn.getByRole('list', { name: 'Tickets it will end (3)' }).waitFor();
    expect((await sectionEn.textContent())!.replace('王晓明', '')).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(board, 'manager-day-close-early-en');
    await sectionEn.getByRole('button', { name: 'Cancel' }).click();
    await board.getByRole('button', { name: '中文' }).click();
    expect(hub.db.prepare("SELECT count(*) FROM tickets WHERE status IN ('waiting','called')").pluck().get()).toBe(3);
    expect(hub.db.prepare("SELECT count(*) FROM audit WHERE type = 'day.close'").pluck().get()).toBe(0);

    // Closing early, with the reason.
    await section.getByRole('button', { name: '结束今日取号（日终）' }).click();
    await section.getByRole('textbox', { name: '提前日终原因' }).fill('大楼停电，今日闭厅');
    await confirm.click();
    await section.getByRole('status').getByText('已日终：3 个未办结的号已结束，1 个窗口已签退').waitFor();
    expect(hub.db.prepare('SELECT status FROM tickets ORDER BY number').pluck().all()).toEqual(['no_show', 'cancelled', 'cancelled']);
    expect(JSON.parse(hub.db.prepare("SELECT detail FROM audit WHERE type = 'day.close'").pluck().get() as string)).toEqual({
      reason: '大楼停电，今日闭厅',
      early: true,
      closingTime: '17:30',
    });
  }, 60_000);
});
