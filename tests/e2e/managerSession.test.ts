import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { demoHub, terminal } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';

describe('the manager board acts for a signed-in person, in Chromium', () => {
  it('signs in, shows the administrator-only parts to the administrator only, signs out; the administrator adds staff', async () => {
    const hub = await demoHub({}, { managerSession: false });
    const browser = await launchBrowser();
    const page = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    const form = page.getByRole('form', { name: '管理人员登录' });
    const signIn = async (login: string) => {
      await form.getByRole('textbox', { name: '工号' }).fill(login);
      await form.getByLabel('密码').fill(DEMO_PASSWORD);
      await form.getByRole('button', { name: '登录' }).click();
    };
    await form.waitFor();
    await screenshot(page, 'manager-signin');
    await signIn('c01'); // a clerk's login answers as a wrong password, right password or not
    await form.getByText('登录失败：工号或密码错误').waitFor();

    await signIn('manager');
    await page.getByText('林主任（大厅管理员）').waitFor();
    await page.getByRole('tab', { name: '管理与设置' }).click();
    await page.getByText(/须由系统管理员登录后操作/).waitFor();
    expect(await page.getByRole('region', { name: '人员管理' }).count()).toBe(0);
    await page.getByRole('button', { name: '退出登录' }).click();
    await form.waitFor();

    await signIn('admin');
    await page.getByRole('tab', { name: '管理与设置' }).click();
    const staff = page.getByRole('region', { name: '人员管理' });
    const add = staff.getByRole('form', { name: '添加人员' });
    await add.getByRole('textbox', { name: '工号' }).fill('c17');
    await add.getByRole('textbox', { name: '姓名' }).fill('钱多多');
    await add.getByRole('combobox', { name: '部门' }).selectOption({ label: '税务局' });
    await add.getByLabel('初始密码（至少 8 位）').fill('first-password');
    await add.getByRole('button', { name: '添加人员' }).click();
    await staff.getByText('已添加 c17').waitFor();
    await staff.getByRole('cell', { name: '钱多多' }).waitFor();
    await screenshot(page, 'manager-staff');
    expect(hub.db.prepare("SELECT staff_id FROM audit WHERE type = 'staff.create'").pluck().get()).toBe('H3301-u-admin');
  });
});
