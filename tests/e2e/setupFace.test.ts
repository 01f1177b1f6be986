import { describe, expect, it } from 'vitest';
import { defaultTerminalConfig } from '../../shared/terminals/config';
import { demoHub } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';

describe('the Electron setup screen, in Chromium', () => {
  it('edits the terminal configuration through the preload API', async () => {
    const hub = await demoHub();
    const browser = await launchBrowser();
    const page = await openFace(browser, 'about:blank');
    // Stand in for Electron's preload: the same window.servicehall the renderer gets there.
    await page.addInitScript((config) => {
      const saved: unknown[] = [];
      (window as unknown as { saved: unknown[] }).saved = saved;
      const never = () => () => {};
      (window as unknown as { servicehall: unknown }).servicehall = {
        face: async () => 'setup',
        getConfig: async () => config,
        saveConfig: async (c: { hubUrl: string }) => {
          saved.push(c);
          return c.hubUrl.startsWith('http')
            ? { ok: true }
            : { ok: false, error: { code: 'VALIDATION_FAILED', message: 'hubUrl: Invalid URL' } };
        },
        command: async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '' } }),
        replica: async () => ({ seq: 0, tables: {} }),
        connection: async () => null,
        onBatch: never,
        onSnapshot: never,
        onConnection: never,
        printTicket: async () => ({ ok: true }),
        // The main process's enrollTerminal is tested against a real hub; here only the screen.
        enroll: async (_hub: string, code: string) =>
          code === 'ABCD-EFGH-JKLM'
            ? { ok: true, role: 'display', hallName: '示范市政务服务中心', fingerprint: 'AB:CD:EF:01' }
            : { ok: false, error: { code: 'ENROLLMENT_INVALID', message: '注册码无效、已使用或已过期，请向大厅管理员重新获取' } },
      };
    }, defaultTerminalConfig);
    await page.goto(`${hub.url}/`);
    await page.getByRole('heading', { name: '终端设置' }).waitFor();
    await page.getByRole('radio', { name: '联网终端（连接大厅服务器）' }).check();
    await page.getByRole('textbox', { name: /^注册码/ }).fill('ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: '注册本机' }).click();
    await page.getByRole('alert').getByText('注册码无效、已使用或已过期，请向大厅管理员重新获取').waitFor();
    await page.getByRole('textbox', { name: /^注册码/ }).fill('ABCD-EFGH-JKLM');
    await page.getByRole('button', { name: '注册本机' }).click();
    await page
      .getByRole('status')
      .getByText('已注册为叫号大屏（示范市政务服务中心），重启后生效 已固定服务器证书 AB:CD:EF:01，请与管理看板上显示的指纹核对')
      .waitFor();
    await page.getByRole('combobox', { name: '终端角色' }).selectOption({ label: '叫号大屏' });
    await page.getByRole('textbox', { name: '大厅服务器地址' }).fill('not a url');
    await page.getByRole('textbox', { name: /^终端令牌/ }).fill('tok-123');
    await page.getByRole('button', { name: '保存设置（重启后生效）' }).click();
    await page.getByRole('alert').getByText('hubUrl: Invalid URL').waitFor();
    await page.getByRole('textbox', { name: '大厅服务器地址' }).fill('http://10.0.0.5:7700');
    await page.getByRole('combobox', { name: '凭条纸宽' }).selectOption('58');
    await page.getByRole('button', { name: '保存设置（重启后生效）' }).click();
    await page.getByText('设置已保存，重启后生效').waitFor();
    const saved = (await page.evaluate(() => (window as unknown as { saved: unknown[] }).saved)) as Record<string, unknown>[];
    expect(saved.at(-1)).toEqual({
      ...defaultTerminalConfig,
      mode: 'terminal',
      role: 'display',
      hubUrl: 'http://10.0.0.5:7700',
      token: 'tok-123',
      paperWidthMm: 58,
    });
    await screenshot(page, 'setup');
  });
});
