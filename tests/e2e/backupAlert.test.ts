import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupSettings } from '../../shared/backup/settings';
import { demoHub, manualClock, signInManager, tempDir, terminal } from '../support/hub';
import { ARTIFACTS, launchBrowser, openFace } from '../support/browser';

describe('backups on the board', () => {
  it('a failed backup raises an alert on every tab, in both languages, until one succeeds; the administrator backs up from the board', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    // The second disk is not there: its path is a file, where a folder should be.
    const folder = path.join(tempDir(), 'usb');
    writeFileSync(folder, '');
    const hub = await demoHub({ clock, backup: { settings: { ...defaultBackupSettings, folders: [folder] }, key: null } });
    const browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
    const open = async (locale = 'zh-CN') => {
      signInManager(hub);
      return openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 }, locale);
    };
    const quiet = await open();
    await quiet.getByRole('tab', { name: '好差评' }).waitFor();
    expect(await quiet.getByText(/数据备份/).count()).toBe(0);

    await expect(hub.backups.run()).rejects.toThrow();
    const page = await open();
    await page.getByRole('tab', { name: '好差评' }).click();
    await page
      .getByRole('alert')
      .getByText(/^数据备份失败（.*）：请检查备份盘/)
      .waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'backup-alert.png') });
    const english = await open('en-US');
    await english
      .getByRole('alert')
      .getByText(/^The data backup failed \(.*\): check the backup disk/)
      .waitFor();

    // The disk is back: the next backup succeeds and the alert goes.
    rmSync(folder);
    await hub.backups.run();
    const after = await open();
    await after.getByRole('tab', { name: '好差评' }).waitFor();
    await expect
      .poll(() =>
        after
          .getByRole('alert')
          .getByText(/数据备份/)
          .count(),
      )
      .toBe(0);

    // The administrator backs up from the board and sees it listed.
    await after.getByRole('tab', { name: '管理与设置' }).click();
    const panel = after.getByRole('region', { name: '数据备份' });
    clock.advance(60_000); // a backup of another minute: another file
    await panel.getByRole('button', { name: '立即备份' }).click();
    // The backup of 09:01 is listed; the one of 09:00 the same day was pruned by the rule (7 daily).
    const table = panel.getByRole('table', { name: '最近的备份' });
    await table.getByRole('cell', { name: 'H3301-20261125T010100Z.shbak' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await panel.getByText(/^最近一次成功备份：/).waitFor();
    await panel.screenshot({ path: path.join(ARTIFACTS, 'backup-panel.png') });
  });
});
