import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium';
import { onCleanup } from './hub';

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());
  return browser;
}

/**
 * A face in a fresh browser context; a browser in another locale than zh-CN gets the English faces.
 * `before` prepares the page before it loads (a fake clock, a spy on an API).
 */
export async function openFace(
  browser: Browser,
  url: string,
  viewport = { width: 1366, height: 768 },
  locale = 'zh-CN',
  before?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  onCleanup(() => {
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  });
  await before?.(page);
  await page.goto(url);
  return page;
}

export const ARTIFACTS = path.resolve('test-artifacts');
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
