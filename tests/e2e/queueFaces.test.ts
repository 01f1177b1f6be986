import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { callAnnouncement } from '../../shared/queue/announce';
import { callerOf, demoHub, hallMorningClock, manualClock, opId, terminal } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';

async function takeTicket(kiosk: Page, department: string, service: string): Promise<string> {
  await kiosk.getByRole('button', { name: department }).click();
  await kiosk.getByRole('button', { name: new RegExp(`^${service} `) }).click();
  await kiosk.getByRole('button', { name: '取号' }).click();
  const ticket = kiosk.getByRole('region', { name: '排队凭条' });
  await ticket.waitFor();
  const number = (await ticket.locator('.ticket-number').textContent())!;
  await kiosk.getByRole('button', { name: '完成' }).click();
  return number;
}

async function signIn(clerk: Page, login: string) {
  await clerk.getByRole('textbox', { name: '工号' }).fill(login);
  await clerk.getByLabel('密码').fill(DEMO_PASSWORD);
  await clerk.getByRole('button', { name: '签到' }).click();
  await clerk.getByText('工作中', { exact: true }).waitFor();
}

const current = (clerk: Page) => clerk.locator('.current-number').textContent();

describe('the queue end to end, in Chromium', () => {
  it('kiosk issues, two clerks call, recall, no-show, transfer and finish; the display speaks each call; the board alerts', async () => {
    const wall = hallMorningClock();
    const clock = manualClock(wall());
    const hub = await demoHub({ clock });
    const browser = await launchBrowser();
    const kiosk = await openFace(browser, `${hub.url}/#/kiosk?token=${terminal(hub, 'kiosk').token}`, { width: 1080, height: 1920 });
    const display = await openFace(browser, `${hub.url}/#/display?token=${terminal(hub, 'display').token}`, { width: 1920, height: 1080 });
    // Headless Chromium has no speech voice: the display must fall back to the recorded clips.
    const clipsPlayed: string[] = [];
    await display.route('**/voice/*.wav', (route) => {
      clipsPlayed.push(/voice\/(.+)\.wav/.exec(route.request().url())![1]!);
      return route.continue();
    });
    const clerk1 = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`);
    const clerk2 = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 1).token}`);
    await signIn(clerk1, 'c01');
    await signIn(clerk2, 'c02');

    // The kiosk: department → service → ticket, with people ahead and the estimated wait.
    await kiosk.getByRole('button', { name: '市场监督管理局' }).click();
    await kiosk.getByRole('button', { name: /^企业开办 / }).waitFor();
    await screenshot(kiosk, 'kiosk-services');
    await kiosk.getByRole('button', { name: '返回' }).click();
    // Issued a minute apart (the hub's clock set back), so that the clerks' lists have an order.
    clock.set(wall() - 120_000);
    expect(await takeTicket(kiosk, '市场监督管理局', '企业开办')).toBe('A001');
    clock.set(wall() - 60_000);
    expect(await takeTicket(kiosk, '市场监督管理局', '个体工商户登记')).toBe('B001');
    clock.set(wall());
    await kiosk.getByRole('button', { name: '市场监督管理局' }).click();
    await kiosk.getByRole('button', { name: /^企业开办 / }).click();
    // Priority classes ask for a staff member's confirmation before a ticket is issued.
    expect(await kiosk.getByRole('radio').count()).toBe(4);
    for (const name of ['普通', '绿色通道（老年人、残疾人等）', '大项目直通车', '预约到场签到']) {
      expect(await kiosk.getByRole('radio', { name, exact: true }).count(), name).toBe(1);
    }
    await kiosk.getByRole('radio', { name: '预约到场签到' }).check();
    await kiosk.getByText('优先取号须由工作人员确认：').waitFor();
    await screenshot(kiosk, 'kiosk-priority');
    await kiosk.getByRole('radio', { name: '普通' }).check();
    await kiosk.getByRole('button', { name: '取号' }).click();
    const ticket = kiosk.getByRole('region', { name: '排队凭条' });
    await ticket.getByText('A002').waitFor();
    expect(await ticket.textContent()).toContain('您前面还有 1 人');
    expect(await ticket.textContent()).toMatch(/预计等候约 \d+ 分钟/);
    await screenshot(kiosk, 'kiosk-ticket');
    await kiosk.getByRole('button', { name: '完成' }).click();
    // Search finds a service across departments; a stopped service says so plainly.
    await kiosk.getByRole('searchbox', { name: '搜索事项' }).fill('婚姻');
    await kiosk.getByRole('button', { name: /^婚姻登记 暂无窗口办理/ }).waitFor();
    await kiosk.getByRole('button', { name: '返回' }).click();

    // Each clerk sees the numbers waiting for their counter, longest wait first, and how long.
    const waitingAt1 = clerk1.getByRole('list', { name: '等候中的号（按等候时长）' }).getByRole('listitem');
    await expect
      .poll(() => waitingAt1.evaluateAll((li) => li.map((l) => l.querySelector('.mono')?.textContent)))
      .toEqual(['A001', 'B001', 'A002']);
    expect(await waitingAt1.first().getAttribute('aria-label')).toMatch(/^A001，已等 \d\d:\d\d$/);
    // Clerk 1: call (F1), recall (F2), no-show (F3).
    await clerk1.keyboard.press('F1');
    await expect.poll(() => current(clerk1)).toBe('A001');
    const latest = display.getByRole('region', { name: '当前叫号' });
    await expect.poll(() => latest.textContent()).toBe('请A001到 1 号窗口办理');
    await clerk1.keyboard.press('F2');
    await clerk1.getByText('已重呼 1 次').waitFor();
    await clerk1.keyboard.press('F3');
    await clerk1.getByText('过号待恢复').waitFor();
    await expect.poll(() => current(clerk1)).toBe('—');

    // Clerk 2: call, start, transfer to 社保参保登记 keeping the place.
    await clerk2.getByRole('button', { name: /叫号/ }).first().click();
    await expect.poll(() => current(clerk2)).toBe('A002');
    await clerk2.keyboard.press('F4');
    await clerk2.getByText('办理中', { exact: true }).waitFor();
    await screenshot(clerk2, 'clerk-serving');
    await clerk2.keyboard.press('F6');
    const transfer = clerk2.getByRole('dialog', { name: '转移' });
    // Nothing is chosen for the clerk: Enter alone sends the ticket nowhere.
    expect(await transfer.getByRole('button', { name: '确定' }).isDisabled()).toBe(true);
    await transfer.getByText('请选择转到的事项或窗口').waitFor();
    await transfer.getByRole('combobox', { name: '转到事项' }).selectOption({ label: 'C · 社保参保登记' });
    await screenshot(clerk2, 'clerk-transfer');
    await clerk2.keyboard.press('F8'); // park: ignored while the transfer dialog is open
    expect(await clerk2.getByRole('dialog').count()).toBe(1);
    await transfer.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => current(clerk2)).toBe('—');

    // Clerk 1 serves B001 and finishes it (F5 confirms the services handled).
    await clerk1.keyboard.press('F1');
    await expect.poll(() => current(clerk1)).toBe('B001');
    await clerk1.keyboard.press('F4');
    await clerk1.getByText('办理中', { exact: true }).waitFor();
    await clerk1.keyboard.press('F5');
    await clerk1.getByRole('dialog', { name: '办结' }).getByRole('button', { name: '确定' }).click();
    await clerk1.getByText('已办 1 件').waitFor();
    // Holding nothing, nobody waiting for A or B: calling says why it cannot.
    expect(await clerk1.getByRole('button', { name: /叫号/ }).first().isDisabled()).toBe(true);
    await clerk1.getByText('当前无人等候').waitFor();

    // The display spoke every call, in order, none cut off: one entry per call (a call is said
    // twice while nobody else waits, once and short when calls pile up; voicePlan decides).
    const log = display.getByRole('list', { name: '播报队列' }).getByRole('listitem');
    await expect
      .poll(async () => (await log.allTextContents()).map((text) => /[A-Z]\d{3}/.exec(text)?.[0]), { timeout: 30_000 })
      .toEqual(['A001', 'A001', 'A002', 'B001']);
    // Each call ends said, or left to the screen when the recorded clips (slower than a voice)
    // would have said it past the lag bound; the first is said in full, after the chime.
    const states = () => log.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    await expect.poll(async () => (await states()).every((s) => s === 'done' || s === 'skipped'), { timeout: 120_000 }).toBe(true);
    expect((await states())[0]).toBe('done');
    const a001 = callAnnouncement('A001', 1).clips;
    expect(clipsPlayed.slice(0, a001.length)).toEqual(a001);
    const recent = display.getByRole('region', { name: '最近叫号' });
    expect(await recent.getByRole('row').allTextContents()).toEqual(['号码窗口', 'B0011 号窗口', 'A0022 号窗口', 'A0011 号窗口']);
    expect(await display.content()).not.toMatch(/王晓明|李红梅/);
    await screenshot(display, 'display-calls');

    // One more applicant for B; five minutes on (the hub's clock), both clerks' terminals still
    // beating, both idle while B waits: the manager's board raises it.
    expect(await takeTicket(kiosk, '市场监督管理局', '个体工商户登记')).toBe('B002');
    clock.advance(5 * 60_000);
    for (const n of [0, 1]) {
      const t = terminal(hub, 'clerk', n);
      expect(hub.execute(callerOf(t), { opId: opId(), type: 'counter.heartbeat', payload: { counterId: t.counterId! } })).toMatchObject({
        ok: true,
      });
    }
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`);
    const alerts = board.getByRole('list', { name: '告警' });
    await expect
      .poll(() => alerts.getByRole('alert').allTextContents())
      .toEqual(['1号窗口：窗口空闲，但其事项有 1 人等候', '2号窗口：窗口空闲，但其事项有 1 人等候']);
    expect(await board.getByRole('listitem', { name: /^1号窗口/ }).getAttribute('aria-label')).toBe('1号窗口 工作中');
    const services = board.getByRole('table', { name: '事项排队情况' });
    expect(await services.getByRole('row').filter({ hasText: '个体工商户登记' }).textContent()).toMatch(/个体工商户登记1/);
    await screenshot(board, 'manager-alerts');
    // The manager changes a calling rule, then closes the day: A001 (missed), A002 (moved to C) and
    // B002 end; the kiosk stops issuing.
    await board.getByRole('tab', { name: '管理与设置' }).click();
    const rules = board.getByRole('form', { name: '叫号规则' });
    await rules.getByRole('spinbutton', { name: '重呼次数上限' }).fill('5');
    // A closing time of midnight has always passed (the early close is in dayClose.test.ts).
    await rules.getByLabel('闭厅时间（此后可日终）').fill('00:00');
    await rules.getByRole('button', { name: '保存' }).click();
    await rules.getByRole('status').waitFor();
    expect(JSON.parse(hub.db.prepare('SELECT queue_settings FROM halls').pluck().get() as string)).toMatchObject({
      recallLimit: 5,
      priorityStreak: 2,
      closingTime: '00:00',
    });
    await board.getByRole('button', { name: '结束今日取号（日终）' }).click();
    await board.getByText('已过闭厅时间 00:00').waitFor();
    await board.getByRole('button', { name: '确定日终（结束 3 个号）' }).click();
    await board.getByRole('region', { name: '日终' }).getByText('已日终：3 个未办结的号已结束，2 个窗口已签退').waitFor();
    await kiosk.getByRole('button', { name: '市场监督管理局' }).click();
    await kiosk.getByRole('button', { name: /^企业开办 今日已停止取号/ }).waitFor();
    await screenshot(board, 'manager-day-closed');
    await board.getByRole('button', { name: '校验审计链' }).click();
    await expect
      .poll(() => board.getByRole('region', { name: '审计链' }).getByRole('status').textContent())
      .toMatch(/^审计链完整：共 \d+ 条记录，无篡改$/);

    // A minute after the last ticket on the hall's clock: an idle hall (two minutes without a ticket or a
    // call) would turn the satisfaction board in first, over the calls this screenshot is for.
    clock.advance(-4 * 60_000);
    const portrait = await openFace(browser, `${hub.url}/#/display?token=${terminal(hub, 'display').token}`, { width: 1080, height: 1920 });
    await portrait.getByRole('region', { name: '最近叫号' }).getByText('B001').waitFor();
    await screenshot(portrait, 'display-portrait');
  }, 180_000); // eight announcements really spoken, one after another, take about a minute
});
