import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../main/kernel/credentials';
import { addStaff } from '../../main/hub/features/setup/apply';
import { startHub } from '../../main/hub/hub';
import { createTerminal } from '../../main/hub/seed';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { onCleanup, tempDir } from '../support/hub';

/** Enrolls a fresh browser page as a terminal with the code the board showed. */
async function enroll(page: Page, code: string) {
  await page.getByRole('textbox', { name: '注册码或终端令牌' }).fill(code);
  await page.getByRole('button', { name: '保存并连接' }).click();
}

describe('a new hall set up entirely through the board, in Chromium', () => {
  it('the wizard after init-admin: a department, two services, three counters, a clerk, terminals; then a ticket is issued, called and finished', async () => {
    // A hall as init-admin leaves it: an administrator and a manager terminal, nothing else.
    const hub = await startHub({ dataDir: tempDir(), port: 0, log: () => {} });
    onCleanup(() => hub.close());
    const token = hub.store.transaction(() => {
      addStaff(
        { store: hub.store, hallId: hub.hallId, now: Date.now() },
        { id: 'u-boss', login: 'boss', name: '张主任', role: 'admin', departmentId: null },
        hashPassword('a-good-password'),
      );
      return createTerminal(hub.store, hub.hallId, { id: 't-mgr', role: 'manager', name: '管理电脑', counterId: null }, Date.now());
    }).result;
    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${token}`, { width: 1600, height: 1000 });
    const signIn = board.getByRole('form', { name: '管理人员登录' });
    await signIn.getByRole('textbox', { name: '工号' }).fill('boss');
    await signIn.getByLabel('密码').fill('a-good-password');
    await signIn.getByRole('button', { name: '登录' }).click();

    const wizard = board.getByRole('region', { name: '开办向导' });
    await wizard.waitFor();
    const next = wizard.getByRole('button', { name: '下一步' });
    // 1. The hall.
    const hall = wizard.getByRole('form', { name: '大厅信息' });
    await hall.getByRole('textbox', { name: '大厅名称' }).fill('城东政务服务中心');
    await hall.getByRole('textbox', { name: '大厅编码' }).fill('CD01');
    await hall.getByRole('button', { name: '保存' }).click();
    await hall.getByText('已保存').waitFor();
    await next.click();
    // 2. A zone and a department; the wizard goes on only once there is a department.
    expect(await next.isDisabled()).toBe(true);
    await wizard.getByText('至少添加一个部门').waitFor();
    const zones = wizard.getByRole('region', { name: '区域' });
    await zones.getByRole('textbox', { name: '区域名称' }).fill('一楼');
    await zones.getByRole('button', { name: '新增' }).click();
    await zones.getByRole('cell', { name: '一楼' }).waitFor();
    const departments = wizard.getByRole('region', { name: '部门' });
    await departments.getByRole('textbox', { name: '部门名称' }).fill('社会保障局');
    await departments.getByRole('button', { name: '新增' }).click();
    await departments.getByRole('cell', { name: '社会保障局' }).waitFor();
    await next.click();
    // 3. Two services.
    const services = wizard.getByRole('region', { name: '排队服务' });
    for (const [prefix, name] of [
      ['A', '社保登记'],
      ['B', '社保咨询'],
    ]) {
      await services.getByRole('button', { name: '新增' }).click();
      const form = services.getByRole('form', { name: '排队服务' });
      await form.getByRole('textbox', { name: '号码前缀' }).fill(prefix!);
      await form.getByRole('textbox', { name: '名称' }).fill(name!);
      await form.getByRole('button', { name: '保存' }).click();
      await services.getByRole('cell', { name: name }).waitFor();
    }
    await screenshot(board, 'wizard-services');
    await next.click();
    // 4. Three counters serving both.
    const counters = wizard.getByRole('region', { name: '窗口' });
    for (const n of [1, 2, 3]) {
      await counters.getByRole('button', { name: '新增' }).click();
      const form = counters.getByRole('form', { name: '窗口' });
      await form.getByRole('checkbox', { name: 'A 社保登记' }).check();
      await form.getByRole('checkbox', { name: 'B 社保咨询' }).check();
      await form.getByRole('button', { name: '保存' }).click();
      await counters.getByRole('cell', { name: `${n}号窗口` }).waitFor();
    }
    await screenshot(board, 'wizard-counters');
    await next.click();
    // 5. A clerk.
    const staff = wizard.getByRole('region', { name: '人员管理' });
    const add = staff.getByRole('form', { name: '添加人员' });
    await add.getByRole('textbox', { name: '工号' }).fill('c01');
    await add.getByRole('textbox', { name: '姓名' }).fill('王芳');
    await add.getByRole('combobox', { name: '部门' }).selectOption({ label: '社会保障局' });
    await add.getByLabel('初始密码').fill('clerk-password');
    await add.getByRole('button', { name: '添加人员' }).click();
    await staff.getByRole('cell', { name: '王芳' }).waitFor();
    // Her public 工号 for the evaluator: the hall's badge number, not the login she signs in with.
    await staff.getByRole('button', { name: '编辑 c01' }).click();
    const edit = staff.getByRole('form', { name: '编辑 c01' });
    await edit.getByRole('textbox', { name: '公示工号' }).fill('0101');
    await screenshot(board, 'wizard-staff-edit');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => hub.db.prepare('SELECT staff_no FROM staff_cards').pluck().all()).toEqual(['0101']);
    await next.click();
    // 6. Terminals: a kiosk and the PC at counter 1, each with its one-time code.
    const terminals = wizard.getByRole('region', { name: '终端管理' });
    const code = async (role: string, name: string, counter?: string) => {
      const form = terminals.getByRole('form', { name: '添加终端' });
      await form.getByRole('combobox', { name: '终端角色' }).selectOption({ label: role });
      await form.getByRole('textbox', { name: '名称' }).fill(name);
      if (counter) await form.getByRole('combobox', { name: '绑定窗口' }).selectOption({ label: counter });
      await form.getByRole('button', { name: '添加终端' }).click();
      const shown = terminals.getByRole('status').filter({ hasText: name });
      await shown.waitFor();
      return (await shown.locator('strong').textContent())!;
    };
    await screenshot(board, 'wizard-terminals');
    const kioskCode = await code('取号机', '大厅取号机');
    const clerkCode = await code('窗口工作台', '1号窗口电脑', '1号窗口');
    await wizard.getByRole('button', { name: '完成，进入看板' }).click();
    await board.getByRole('tab', { name: '实时看板' }).waitFor();

    // The hall works: a ticket issued at the kiosk, called and finished at counter 1.
    const kiosk = await openFace(browser, `${hub.url}/#/kiosk`, { width: 1080, height: 1920 });
    await enroll(kiosk, kioskCode);
    await kiosk.getByRole('button', { name: '社会保障局' }).click();
    await kiosk.getByRole('button', { name: /^社保登记 / }).click();
    await kiosk.getByRole('button', { name: '取号' }).click();
    const ticket = kiosk.getByRole('region', { name: '排队凭条' });
    await ticket.waitFor();
    expect(await ticket.locator('.ticket-number').textContent()).toBe('A001');

    const clerk = await openFace(browser, `${hub.url}/#/clerk`);
    await enroll(clerk, clerkCode);
    await clerk.getByRole('textbox', { name: '工号' }).fill('c01');
    await clerk.getByLabel('密码').fill('clerk-password');
    await clerk.getByRole('button', { name: '签到' }).click();
    await clerk.getByText('工作中', { exact: true }).waitFor();
    await clerk.keyboard.press('F1');
    await expect.poll(() => clerk.locator('.current-number').textContent()).toBe('A001');
    await clerk.keyboard.press('F4');
    await clerk.getByText('办理中', { exact: true }).waitFor();
    await clerk.keyboard.press('F5');
    await clerk.getByRole('dialog', { name: '办结' }).getByRole('button', { name: '确定' }).click();
    await clerk.getByText('已办 1 件').waitFor();
    expect(hub.store.where('tickets', "number = 'A001'")[0]).toMatchObject({ status: 'finished', counter_id: expect.any(String) });
  });
});
