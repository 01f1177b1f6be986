import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../../shared/cases/notices';
import { printedRatingCode } from '../../shared/ratings/phone';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { caseHall } from '../support/caseHall';
import { terminal } from '../support/hub';

const PHONE = { width: 390, height: 844 };

/** Concludes a 市场监管 case for 张三; answers the code its 办结通知书 carries. */
function concluded(h: Awaited<ReturnType<typeof caseHall>>): string {
  const c = h.register();
  for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(h.step(c.id, s));
  ok(h.step(c.id, 'conclude', { feeCents: 0 }));
  return NoticeDocument.parse(JSON.parse(h.hub.store.where('case_notices', "case_id = ? AND kind = 'conclude'", c.id)[0]!.content))
    .ratingCode!;
}

describe('rating by QR or code, on the applicant’s phone in Chromium', () => {
  it('the QR page at 390×844 takes one rating for a concluded case, then refuses the used code in words', async () => {
    const h = await caseHall();
    const code = concluded(h);
    const browser = await launchBrowser();
    const page = await openFace(browser, `${h.hub.url}/#/rate?code=${code}`, PHONE);
    const main = page.getByRole('main', { name: '政务服务好差评' });
    await main.getByText('企业设立登记').waitFor();
    await main.getByText('1号窗口').waitFor();
    await main.getByText('2026-11-02').waitFor();
    // Nothing of the applicant, nor of who served them, reaches the phone.
    const text = await page.locator('body').innerText();
    for (const secret of ['张三', '11010519491231002X', '13800138000', '王']) expect(text).not.toContain(secret);
    await screenshot(page, 'rate-phone');
    await main.getByRole('button', { name: '非常不满意', exact: true }).click();
    const send = main.getByRole('button', { name: '提交评价' });
    expect(await send.isDisabled()).toBe(true); // a 差评 names its reason first
    await main.getByRole('button', { name: '服务效率 不满意' }).click();
    await main.getByRole('button', { name: '多次往返' }).click();
    await main.getByRole('textbox', { name: '其他意见或建议（选填）' }).fill('材料清单不一致');
    await screenshot(page, 'rate-phone-bad');
    await send.click();
    await page.getByRole('status').getByText('感谢您的评价！').waitFor();
    await screenshot(page, 'rate-phone-thanks');
    const request = h.hub.store.where('rating_requests', 'case_id IS NOT NULL')[0]!;
    expect(h.hub.store.get('ratings', request.id)).toMatchObject({
      level: 1,
      efficiency: 2,
      reasons: 'repeat_trips',
      comment: '材料清单不一致',
    });
    expect(h.hub.store.get('rating_requests', request.id)).toMatchObject({ status: 'rated', channel: 'qr' });

    // Scanned again: refused in words, with the way to type another code.
    const again = await openFace(browser, `${h.hub.url}/#/rate?code=${code}`, PHONE);
    await again.getByRole('alert').getByText('本次服务已评价').waitFor();
    await again.getByRole('textbox', { name: '请输入办事凭条或办结通知书上的评价码' }).waitFor();
    await screenshot(again, 'rate-phone-used');

    // The manager exports the month: CSV for Excel, where and about whom, never who rated nor what they wrote.
    const board = await openFace(browser, `${h.hub.url}/#/manager?token=${terminal(h.hub, 'manager').token}`, {
      width: 1600,
      height: 1000,
    });
    await board.getByRole('tab', { name: '好差评' }).click();
    const publication = board.getByRole('region', { name: '好差评公示与导出' });
    const [download] = await Promise.all([
      board.waitForEvent('download'),
      publication.getByRole('button', { name: '导出本月评价（CSV）' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('ratings-2026-11.csv');
    expect(csv.startsWith('\uFEFF日期,部门,服务或事项,窗口,工号,评价等级,服务效率,服务水平,服务态度,原因,评价渠道,标记\r\n')).toBe(true);
    expect(csv).toContain(',市场监督管理局,企业设立登记,1号窗口,c01,1 非常不满意,2,,,多次往返,扫码评价,');
    for (const secret of ['张三', '11010519491231002X', '13800138000', '材料清单不一致']) expect(csv).not.toContain(secret);
    await publication.getByRole('status').getByText('已导出 1 条评价（不含评价人信息）').waitFor();
    await publication.scrollIntoViewIfNeeded();
    await screenshot(board, 'manager-ratings-export');
    // Another manager changes the settings meanwhile: the open form shows what is stored now.
    const codeDays = publication.getByRole('spinbutton', { name: '评价码有效天数' });
    expect(await codeDays.inputValue()).not.toBe('9');
    ok(actors(h.hub).manager('hall.setRatingSettings', { codeDays: 9 }));
    await expect.poll(() => codeDays.inputValue()).toBe('9');
  });

  it('in English, a code typed from the paper; an unknown one is refused in English', async () => {
    const h = await caseHall();
    const code = concluded(h);
    const browser = await launchBrowser();
    const page = await openFace(browser, `${h.hub.url}/#/rate`, PHONE, 'en-US');
    const field = page.getByRole('textbox', { name: 'Enter the rating code printed on your ticket or notice' });
    await field.fill('ABCD-EFGH-JKLM-NPQR');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('alert').getByText('This rating code is not valid here').waitFor();
    await field.fill(printedRatingCode(code).toLowerCase());
    await page.getByRole('button', { name: 'Start' }).click();
    const main = page.getByRole('main', { name: 'Rate our service' });
    await main.getByRole('button', { name: 'Very satisfied', exact: true }).click();
    await screenshot(page, 'rate-phone-en');
    // English throughout, but the hall's own data (the item's name) and the switch back to 中文.
    const text = (await page.locator('body').innerText()).replace('企业设立登记', '').replace('1号窗口', '').replace('中文', '');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    await main.getByRole('button', { name: 'Send rating' }).click();
    await page.getByRole('status').getByText('Thank you for your rating!').waitFor();
    expect(h.hub.store.all('ratings')).toMatchObject([{ level: 5 }]);
  });

  it('the kiosk’s slip carries the code and a QR image opening the phone page on the hub', async () => {
    const h = await caseHall();
    const browser = await launchBrowser();
    const kiosk = await openFace(browser, `${h.hub.url}/#/kiosk?token=${terminal(h.hub, 'kiosk').token}`, { width: 1080, height: 1920 });
    await kiosk.getByRole('button', { name: '市场监督管理局' }).click();
    await kiosk.getByRole('button', { name: /^企业开办 / }).click();
    await kiosk.getByRole('button', { name: '取号' }).click();
    const slip = kiosk.getByRole('region', { name: '排队凭条' });
    const qr = slip.getByRole('img', { name: '评价二维码' });
    await qr.waitFor();
    const [code] = h.hub.db.prepare('SELECT code FROM rating_codes').pluck().all() as string[];
    expect(await qr.getAttribute('data-text')).toBe(`${h.hub.url}/#/rate?code=${code}`);
    await slip.getByText(`评价码 ${printedRatingCode(code!)}`).waitFor();
    await screenshot(kiosk, 'rate-kiosk-slip');
  });

  it('the 办结通知书 carries the code in words and its QR image opening the phone page', async () => {
    const h = await caseHall();
    const c = h.register();
    for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(h.step(c.id, s));
    ok(h.step(c.id, 'conclude', { feeCents: 0 }));
    const notice = h.hub.store.where('case_notices', "case_id = ? AND kind = 'conclude'", c.id)[0]!;
    const code = NoticeDocument.parse(JSON.parse(notice.content)).ratingCode!;
    const browser = await launchBrowser();
    const page = await openFace(browser, `${h.hub.url}/#/clerk?token=${terminal(h.hub, 'clerk', 0).token}`, { width: 1600, height: 1000 });
    await page.getByRole('button', { name: new RegExp(`^${c.number}`) }).click();
    await page
      .getByRole('region', { name: /^办件 / })
      .getByRole('button', { name: /^办结通知书/ })
      .click();
    const sheet = page.getByRole('article', { name: /^办结通知书 / });
    await sheet.getByText(printedRatingCode(code), { exact: false }).waitFor();
    const qr = sheet.getByRole('img', { name: '好差评二维码' });
    expect(await qr.getAttribute('data-text')).toBe(`${h.hub.url}/#/rate?code=${code}`);
    await screenshot(page, 'rate-notice-conclude');
  });
});
