import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { ok } from '../support/actors';
import { ARTIFACTS, launchBrowser, openFace, screenshot } from '../support/browser';
import { C1, caseHall } from '../support/caseHall';
import { terminal } from '../support/hub';

/** One A4 page (210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds to its pixels), not Letter (612 × 792). */
const onOneA4 = (pages: { width: number; height: number }[]) => {
  expect(pages).toHaveLength(1);
  expect(pages[0]!.width).toBeCloseTo(595.28, 0);
  expect(pages[0]!.height).toBeCloseTo(841.89, 0);
};

/** Each page's size and the whole text of a PDF, as a reader would copy it. */
async function readPdf(pdf: Uint8Array): Promise<{ pages: { width: number; height: number }[]; text: string }> {
  const doc = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { width: number; height: number }[] = [];
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    pages.push({ width, height });
    text += (await page.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  return { pages, text: text.replace(/\s+/g, '') };
}

/** Opens the notice whose button starts with `title`, prints it to PDF as Chromium would, and closes it. */
async function printNotice(clerk: Page, title: string, file: string) {
  const detail = clerk.getByRole('region', { name: /^办件 / });
  await detail.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await clerk.getByRole('article', { name: new RegExp(`^${title} `) }).waitFor();
  await screenshot(clerk, file);
  // preferCSSPageSize: the paper is the one the page asks for (@page), as a print dialog's default.
  const pdf = await clerk.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(path.join(ARTIFACTS, `${file}.pdf`), pdf);
  await clerk.keyboard.press('Escape');
  return readPdf(new Uint8Array(pdf));
}

describe('notices kept as issued, printed in Chromium', () => {
  it('the 特别程序告知书 and the 延期告知书 print on A4 with their facts; the 受理通知书 reprints as issued after the extension', async () => {
    const { hub, clock, register, step, clerk, days } = await caseHall(); // Monday 2026-11-02, 09:00
    const c = register();
    ok(step(c.id, 'accept'));
    ok(step(c.id, 'undertake'));
    days(1); // Tue 11-03
    ok(clerk('case.pause', { caseId: c.id, counterId: C1, at: clock(), kind: 'special', reason: '专家评审', expectedDays: 5 }));
    days(6); // Mon 11-09
    ok(clerk('case.resume', { caseId: c.id, counterId: C1, at: clock() }));
    ok(
      clerk('case.extend', {
        caseId: c.id,
        counterId: C1,
        days: 5,
        reason: '需现场核查',
        approver: { login: 'manager', password: DEMO_PASSWORD },
      }),
    );
    days(2); // Wed 11-11: printed two days after the extension, dated the day of issue

    const browser = await launchBrowser();
    const page = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`, { width: 1600, height: 1000 });
    await page.getByRole('button', { name: new RegExp(`^${c.number}`) }).click();

    const special = await printNotice(page, '特别程序告知书', 'notice-special');
    onOneA4(special.pages);
    for (const s of [
      '特别程序告知书',
      'H3301特〔2026〕1号',
      `办件编号：${c.number}`,
      '张三：',
      '企业设立登记',
      '专家评审',
      '5天（自2026年11月3日起）',
      '第四十五条',
      '市场监督管理局（印章）',
      '2026年11月3日',
      '监督投诉电话：12345',
    ])
      expect(special.text, s).toContain(s.replace(/\s+/g, ''));
    expect(special.text).not.toContain('签收'); // sent, not handed over: no receipt
    expect(special.text).not.toContain('2026年11月11日'); // the day of issue, not of printing

    const extension = await printNotice(page, '延期告知书', 'notice-extension');
    onOneA4(extension.pages);
    for (const s of [
      '延期告知书',
      'H3301延〔2026〕1号',
      '需现场核查',
      '延长5个工作日',
      '第四十二条',
      '2026年11月27日前作出决定',
      '市场监督管理局（印章）',
      '2026年11月9日',
    ])
      expect(extension.text, s).toContain(s);

    // The acceptance notice as issued on 11-02: the due day it promised then, with the applicant's receipt.
    const accepted = await printNotice(page, '受理通知书', 'notice-accept-reprint');
    onOneA4(accepted.pages);
    for (const s of ['H3301受〔2026〕1号', '预计于2026年11月16日前办结', '2026年11月2日', '申请人（或代理人）签收：'])
      expect(accepted.text, s).toContain(s);
    expect(accepted.text).not.toContain('2026年11月27日');
    expect(accepted.text).not.toContain('需现场核查');
  });
});
