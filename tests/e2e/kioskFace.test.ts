import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from '../support/actors';
import { demoHub, onCleanup, terminal } from '../support/hub';
import { ARTIFACTS, launchBrowser, screenshot } from '../support/browser';

describe('the kiosk in Chromium (portrait 1080×1920)', () => {
  it('finds items with the on-screen keyboard (pinyin initials, what people call them), resets when left alone, prints an 80 mm ticket with its priority and windows', async () => {
    const hub = await demoHub();
    const a = actors(hub);
    ok(a.manager('hall.setQueueSettings', { kioskIdleSeconds: 15 }));
    ok(a.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // The page's clock is the test's: the idle time passes without waiting for it.
    await context.clock.install();
    const kiosk = await context.newPage();
    const errors: string[] = [];
    kiosk.on('pageerror', (e) => errors.push(e.message));
    onCleanup(() => expect(errors).toEqual([]));
    await kiosk.goto(`${hub.url}/#/kiosk?token=${terminal(hub, 'kiosk').token}`);
    const search = kiosk.getByRole('searchbox', { name: '搜索事项' });
    const keyboard = kiosk.getByRole('group', { name: /^搜索事项.*键盘$/ });
    const key = (k: string) => keyboard.getByRole('button', { name: k, exact: true }).click();
    await kiosk.getByRole('list', { name: '办事部门' }).waitFor();

    // gjj on the keyboard: the housing fund items, each with the service that serves it.
    for (const k of 'GJJ') await key(k);
    expect(await search.inputValue()).toBe('gjj');
    const results = kiosk.getByRole('list', { name: '“gjj”的搜索结果' });
    await results.getByRole('button', { name: /^住房公积金提取 公积金提取与贷款/ }).waitFor();
    expect(await results.getByRole('button').count()).toBe(3);
    await screenshot(kiosk, 'kiosk-search-gjj-1080x1920');
    for (let i = 0; i < 3; i++) await key('退格');
    await kiosk.getByRole('list', { name: '办事部门' }).waitFor();

    // What people say: 结婚 (typed on a keyboard, if the kiosk has one) and 营业执照 by its initials.
    await search.fill('结婚');
    await kiosk.getByRole('button', { name: /^婚姻登记 / }).waitFor();
    await key('清空');
    for (const k of 'YYZZ') await key(k);
    const yyzz = kiosk.getByRole('list', { name: '“yyzz”的搜索结果' });
    await yyzz.getByRole('button', { name: /^企业设立登记 企业开办/ }).waitFor();
    await yyzz.getByRole('button', { name: /^个体工商户设立登记 个体工商户登记/ }).waitFor();

    // Half way through in English, then walked away from: back to the start, in Chinese.
    await yyzz.getByRole('button', { name: /^企业设立登记/ }).click();
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('radio', { name: 'Priority (elderly, disabled)' }).check();
    await kiosk.getByRole('textbox', { name: 'Staff ID' }).fill('c01');
    await context.clock.fastForward(14_000);
    expect(await kiosk.getByRole('textbox', { name: 'Staff ID' }).inputValue()).toBe('c01');
    await context.clock.fastForward(2_000);
    await kiosk.getByRole('list', { name: '办事部门' }).waitFor();
    expect(await search.inputValue()).toBe('');
    expect(await kiosk.getByRole('button', { name: 'English' }).count()).toBe(1);

    // A priority ticket from the search: the slip says its priority and the windows that serve it,
    // and prints on 80 mm paper (the browser's print: here as a PDF with the page's own size).
    for (const k of 'GJJ') await key(k);
    await kiosk.getByRole('button', { name: /^住房公积金提取/ }).click();
    await kiosk.getByRole('radio', { name: '绿色通道（老年人、残疾人等）' }).check();
    // The staff member confirms on the on-screen keyboard too (digits and letters).
    const typeOn = async (field: string, text: string) => {
      await kiosk.getByLabel(field, { exact: true }).click();
      const keys = kiosk.getByRole('group', { name: `${field}键盘` });
      for (const ch of text.toUpperCase()) await keys.getByRole('button', { name: ch, exact: true }).click();
    };
    await typeOn('工号', 'c01');
    await typeOn('密码', DEMO_PASSWORD);
    expect(await kiosk.getByLabel('工号', { exact: true }).inputValue()).toBe('c01');
    await kiosk.evaluate(() => (window.print = () => {}));
    await kiosk.getByRole('button', { name: '取号' }).click();
    const ticket = kiosk.getByRole('region', { name: '排队凭条' });
    await ticket.getByText('J001').waitFor();
    expect(await ticket.textContent()).toContain('★ 绿色通道（老年人、残疾人等）');
    expect(await ticket.textContent()).toContain('办理窗口：12 号');
    await screenshot(kiosk, 'kiosk-ticket-1080x1920');
    const printed = await kiosk.pdf({ preferCSSPageSize: true });
    writeFileSync(path.join(ARTIFACTS, 'kiosk-ticket-80mm.pdf'), printed);
    const pdf = printed.toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]![0]).toBeCloseTo((80 / 25.4) * 72, 0);
    // What the paper shows, to look at: the print layout on an 80 × 150 mm page at 96 dpi.
    await kiosk.setViewportSize({ width: 302, height: 567 });
    await kiosk.emulateMedia({ media: 'print' });
    await screenshot(kiosk, 'kiosk-ticket-print-80mm');
  });
});
