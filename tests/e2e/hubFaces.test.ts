import { describe, expect, it } from 'vitest';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import { callerOf, demoHub, opId, terminal } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';

describe('faces served by the hub, in Chromium', () => {
  it('the board shows live counter states as clerks sign in, pause and resume; the display follows', async () => {
    const hub = await demoHub();
    const browser = await launchBrowser();
    const manager = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`);
    // The token leaves the address bar once stored.
    await expect.poll(() => manager.url()).not.toContain('token=');
    const tile3 = manager.getByRole('listitem', { name: /^3号窗口/ });
    await expect.poll(() => tile3.getAttribute('aria-label')).toBe('3号窗口 未开放');

    const clerk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 2).token}`);
    await clerk.getByRole('textbox', { name: '工号' }).fill('c03');
    await clerk.getByLabel('密码').fill('wrong');
    await clerk.getByRole('button', { name: '签到' }).click();
    await expect.poll(() => clerk.getByRole('alert').textContent()).toBe('签到失败：工号或密码错误');
    await clerk.getByLabel('密码').fill(DEMO_PASSWORD);
    await clerk.getByRole('button', { name: '签到' }).click();
    await clerk.getByText('工作中', { exact: true }).waitFor();
    await expect.poll(() => tile3.getAttribute('aria-label')).toBe('3号窗口 工作中');
    expect(await tile3.textContent()).toContain('张建国');

    // Pause from the keyboard: F9 opens the reasons, 4 picks 会议.
    await clerk.keyboard.press('F9');
    await clerk.getByRole('dialog', { name: '暂停原因' }).waitFor();
    await screenshot(clerk, 'clerk-pause-dialog');
    await clerk.keyboard.press('4');
    await clerk.getByText('暂停服务', { exact: true }).waitFor();
    await expect.poll(() => tile3.getAttribute('aria-label')).toBe('3号窗口 暂停');
    expect(await tile3.textContent()).toContain('会议');
    await screenshot(clerk, 'clerk-paused');

    // Commands from elsewhere show up too: another counter signs in through the hub directly.
    hub.execute(callerOf(terminal(hub, 'clerk', 8)), {
      opId: opId(),
      type: 'counter.signIn',
      payload: { counterId: 'H3301-c-09', login: 'c09', password: DEMO_PASSWORD },
    });
    await expect.poll(() => manager.getByRole('listitem', { name: /^9号窗口/ }).getAttribute('aria-label')).toBe('9号窗口 工作中');
    await manager.getByRole('tab', { name: '管理与设置' }).click();
    await manager.getByLabel('大屏滚动通知').fill('今日 17:00 后暂停受理不动产登记业务。');
    await manager.getByRole('button', { name: '发布通知' }).click();
    await manager.getByText('已发布').waitFor();
    await manager.getByRole('tab', { name: '实时看板' }).click();
    await screenshot(manager, 'manager-board');
    await manager.getByRole('button', { name: 'English' }).click();
    await manager.getByRole('tab', { name: 'Live' }).waitFor();
    expect(await manager.getByRole('listitem', { name: /^3号窗口/ }).getAttribute('aria-label')).toBe('3号窗口 Paused');
    await screenshot(manager, 'manager-board-en');
    await manager.getByRole('button', { name: '中文' }).click();

    const display = await openFace(browser, `${hub.url}/#/display?token=${terminal(hub, 'display').token}`, { width: 1920, height: 1080 });
    await display.getByText('今日 17:00 后暂停受理不动产登记业务。').waitFor();
    const waiting = display.getByRole('region', { name: '等候人数' });
    const row = (name: string) => waiting.getByRole('listitem').filter({ hasText: name });
    await expect.poll(() => row('不动产登记').textContent()).toContain('9 号窗口');
    expect(await row('企业开办').count()).toBe(0); // counter 3 is paused: not offered as serving
    await clerk.keyboard.press('F9'); // resume
    await clerk.getByText('工作中', { exact: true }).waitFor();
    await expect.poll(async () => (await row('企业开办').textContent()) ?? '').toContain('3 号窗口');
    const html = await display.content();
    expect(html).not.toContain('张建国'); // the display never receives staff or applicant names
    await screenshot(display, 'display-landscape');

    // The clerk's disabled buttons say why when the hub is gone.
    await hub.close();
    await clerk.getByText('与大厅服务器的连接已断开，正在重连').waitFor();
    expect(await clerk.getByRole('button', { name: /签退/ }).isDisabled()).toBe(true);
    await clerk.getByText('需要连接大厅服务器').first().waitFor();
    await display.getByRole('alert').getByText('叫号屏与服务器的连接已断开').waitFor();
    await screenshot(clerk, 'clerk-offline');
    await screenshot(display, 'display-offline');
  });

  it('a face without a valid token asks for one', async () => {
    const hub = await demoHub();
    const browser = await launchBrowser();
    const page = await openFace(browser, `${hub.url}/#/display?token=forged`);
    await page.getByRole('textbox', { name: '注册码或终端令牌' }).fill(terminal(hub, 'display').token);
    await page.getByRole('button', { name: '保存并连接' }).click();
    await page.getByRole('heading', { name: '示范市政务服务中心' }).waitFor();
    await page.getByRole('region', { name: '当前叫号' }).getByText('请先取号，留意叫号').waitFor();
  });
});

describe('a zoned lobby display', () => {
  it('shows and speaks only its zone’s calls', async () => {
    const hub = await demoHub();
    const token = hub.store.transaction(() =>
      createTerminal(
        hub.store,
        hub.hallId,
        { id: 'H3301-t-display-2f', role: 'display', name: '二楼叫号屏', counterId: null, zone: '二楼' },
        0,
      ),
    ).result;
    const run = (role: 'clerk' | 'kiosk', n: number, type: string, payload: unknown) =>
      expect(hub.execute(callerOf(terminal(hub, role, n)), { opId: opId(), type, payload })).toMatchObject({ ok: true });
    run('clerk', 0, 'counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD });
    run('clerk', 8, 'counter.signIn', { counterId: 'H3301-c-09', login: 'c09', password: DEMO_PASSWORD });
    const browser = await launchBrowser();
    const display = await openFace(browser, `${hub.url}/#/display?token=${token}`, { width: 1920, height: 1080 });
    // Synced once it lists 不动产登记 (only the hub's data can say that); calls before it are not spoken.
    await display.getByRole('region', { name: '等候人数' }).getByText('不动产登记').waitFor();
    run('kiosk', 0, 'ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null });
    run('kiosk', 0, 'ticket.issue', { serviceId: 'H3301-s-G', priority: 'normal', confirm: null });
    run('clerk', 0, 'ticket.callNext', { counterId: 'H3301-c-01' }); // 一楼: not this display's
    run('clerk', 8, 'ticket.callNext', { counterId: 'H3301-c-09' }); // 二楼
    const recent = display.getByRole('region', { name: '最近叫号' });
    await recent.getByText('G001').waitFor();
    expect(await recent.getByRole('row').allTextContents()).toEqual(['号码窗口', 'G0019 号窗口']);
    expect(await display.getByRole('region', { name: '当前叫号' }).textContent()).toBe('请G001到 9 号窗口办理');
    const announced = display.getByRole('list', { name: '播报队列' }).getByRole('listitem');
    // One entry per call (said twice while the voice keeps up).
    await expect.poll(() => announced.allTextContents()).toEqual(['请 G001 号 到 9 号窗口 办理']);
    const waiting = await display.getByRole('region', { name: '等候人数' }).textContent();
    expect(waiting).toContain('不动产登记');
    expect(waiting).not.toContain('企业开办');
  });
});
