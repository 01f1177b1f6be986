import { describe, expect, it } from 'vitest';
import { demoHub, terminal } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';

describe('terminal enrollment end to end, in Chromium', () => {
  it('the manager adds a display; a TV box enrolls with the code; revoking drops it at once', async () => {
    const hub = await demoHub();
    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`);
    await board.getByRole('tab', { name: '管理与设置' }).click();
    const terminals = board.getByRole('region', { name: '终端管理' });
    expect(await terminals.getByRole('button', { name: '大厅管理电脑 吊销' }).count()).toBe(0); // not its own
    const add = terminals.getByRole('form', { name: '添加终端' });
    await add.getByRole('combobox', { name: '终端角色' }).selectOption({ label: '叫号大屏' });
    await add.getByRole('textbox', { name: '名称' }).fill('二楼叫号屏');
    await add.getByRole('combobox', { name: /区域/ }).selectOption('二楼');
    await add.getByRole('button', { name: '添加终端' }).click();
    const shown = terminals.getByRole('status');
    await shown.waitFor();
    const code = (await shown.locator('strong').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await shown.scrollIntoViewIfNeeded();
    await screenshot(board, 'manager-terminals');

    const tv = await openFace(browser, `${hub.url}/#/display`, { width: 1920, height: 1080 });
    await tv.getByRole('textbox', { name: '注册码或终端令牌' }).fill('AAAA-BBBB-CCCC');
    await tv.getByRole('button', { name: '保存并连接' }).click();
    await tv.getByRole('alert').getByText('注册码无效、已使用或已过期，请向大厅管理员重新获取').waitFor();
    await tv.getByRole('textbox', { name: '注册码或终端令牌' }).fill(code);
    await tv.getByRole('button', { name: '保存并连接' }).click();
    await tv.getByRole('region', { name: '等候人数' }).waitFor();
    await expect.poll(() => tv.getByRole('list', { name: '播报队列' }).count()).toBe(1);
    await expect.poll(() => hub.health().terminals.display).toBe(1);
    expect(hub.health().terminals).toMatchObject({ display: 1, manager: 1 }); // one page, one connection

    board.on('dialog', (d) => void d.accept());
    await terminals.getByRole('button', { name: '二楼叫号屏 吊销' }).click();
    await tv.getByRole('textbox', { name: '注册码或终端令牌' }).waitFor(); // asked again: its token is dead
    await expect.poll(() => hub.health().terminals.display).toBe(0);
    expect(await terminals.getByRole('row').filter({ hasText: '二楼叫号屏' }).textContent()).toContain('已吊销');
  });
});
