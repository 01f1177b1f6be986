import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoHub, manualClock, signInManager, tempDir, terminal } from '../support/hub';
import { ARTIFACTS, launchBrowser, openFace } from '../support/browser';

describe('the monthly report pack on the board', () => {
  it('the administrator sets its folder (a relative one is refused); a pack that cannot be written is alerted in both languages until one is', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
    const open = async (locale = 'zh-CN') => {
      signInManager(hub);
      return openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 }, locale);
    };
    const root = tempDir();
    const usb = path.join(root, 'usb');
    writeFileSync(usb, ''); // the disk is not there: a file where the folder should be

    const page = await open();
    await page.getByRole('tab', { name: '管理与设置' }).click();
    const form = page.getByRole('form', { name: '月度报表汇编' });
    await form.getByRole('checkbox', { name: '每月自动生成' }).check();
    const folder = form.getByRole('textbox', { name: '保存目录（服务器上的完整路径）' });
    await folder.fill('reports');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('报表汇编目录“reports”不是完整路径').waitFor();
    expect(JSON.parse(hub.store.get('halls', hub.hallId)!.report_pack_settings)).toEqual({});

    await folder.fill(usb);
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').getByText('已保存').waitFor();
    expect(JSON.parse(hub.store.get('halls', hub.hallId)!.report_pack_settings)).toEqual({ enabled: true, folder: usb });

    // October's pack is due (no day of it is open) and fails: every tab alerts, in both languages.
    await hub.packs.tick();
    const failing = await open();
    await failing.getByRole('tab', { name: '好差评' }).click();
    await failing
      .getByRole('alert')
      .getByText(/^月度报表汇编（2026-10）未能写入（.*）：请检查保存目录/)
      .waitFor();
    await failing.screenshot({ path: path.join(ARTIFACTS, 'report-pack-alert.png') });
    const english = await open('en-US');
    await english
      .getByRole('alert')
      .getByText(/^The monthly report pack \(2026-10\) could not be written \(.*\): check its folder/)
      .waitFor();
    await english.getByRole('tab', { name: 'Settings' }).click();
    const englishForm = english.getByRole('form', { name: 'Monthly report pack' });
    await englishForm
      .getByRole('table', { name: 'Recent report packs' })
      .getByText(/^Failed: /)
      .waitFor();
    await englishForm.screenshot({ path: path.join(ARTIFACTS, 'report-pack-settings-en.png') });

    // The disk is back: the next attempt (a quarter of an hour on) writes the pack and the alert goes.
    rmSync(usb);
    mkdirSync(usb);
    clock.advance(15 * 60_000);
    await hub.packs.tick();
    const after = await open();
    await after.getByRole('tab', { name: '管理与设置' }).click();
    const table = after.getByRole('form', { name: '月度报表汇编' }).getByRole('table', { name: '最近的报表汇编' });
    await table.getByText('H3301-月度报表汇编-2026-10-01-2026-10-31.xlsx', { exact: true }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await expect
      .poll(() =>
        after
          .getByRole('alert')
          .getByText(/月度报表汇编/)
          .count(),
      )
      .toBe(0);
    await after.getByRole('form', { name: '月度报表汇编' }).screenshot({ path: path.join(ARTIFACTS, 'report-pack-settings.png') });
  });
});
