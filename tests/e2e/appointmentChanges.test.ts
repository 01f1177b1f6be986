import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ok } from '../support/actors';
import { bookingHall, idFor } from '../support/bookingHall';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { terminal } from '../support/hub';

/**
 * 预约 after it is made, in Chromium (issue 16): moving a booking on the phone (390×844), a
 * booking the hall cancelled read on the phone, check-in by ID number on the kiosk's keypad
 * (1080×1920), and the managers' blackout review and block lifting.
 */

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };
const BOARD = { width: 1600, height: 1000 };
type Hall = Awaited<ReturnType<typeof bookingHall>>;

const codeOf = async (h: Hall, n: number, day = '2026-11-26', start = '09:00') => {
  const r = await h.book(n, day, start);
  expect(r.status).toBe(200);
  return r.json.code as string;
};
/** Text on the page but the hall's own data (service names, a manager's reason), which stay Chinese in English. */
const noChinese = async (page: Page, hallData: string[]) => {
  const text = hallData.reduce((rest, d) => rest.split(d).join(' '), await page.locator('body').innerText());
  expect(text).not.toMatch(/\p{Script=Han}/u);
};

describe('moving a booking on the phone', () => {
  it('finds the booking by its code and last 4, picks another slot, moves it keeping the code (390×844)', async () => {
    const h = await bookingHall();
    const code = await codeOf(h, 1);
    const browser = await launchBrowser();
    const phone = await openFace(browser, `${h.hub.url}/#/book`, PHONE);
    await phone.getByRole('button', { name: '查询 / 改约 / 取消' }).click();
    await phone.getByRole('textbox', { name: '预约码' }).fill(code.toLowerCase());
    await phone.getByRole('textbox', { name: '身份证号后四位' }).fill(idFor(1).slice(-4));
    await phone.getByRole('button', { name: '查询预约' }).click();
    await phone.getByText('2026-11-26 09:00–09:30').waitFor();
    await phone.getByRole('button', { name: '改约到其他时段' }).click();
    const move = phone.getByRole('region', { name: '改约：选择新的日期和时段' });
    const confirm = move.getByRole('button', { name: '确认改约' });
    expect(await confirm.isDisabled()).toBe(true);
    await move
      .getByRole('group', { name: '选择日期' })
      .getByRole('button', { name: /^2026-11-27/ })
      .click();
    await move
      .getByRole('group', { name: '选择时段' })
      .getByRole('button', { name: /^09:30–10:00/ })
      .click();
    await screenshot(phone, 'book-phone-move-choose');
    await confirm.click();
    await phone.getByRole('status').getByText('已改约，预约码不变').waitFor();
    await phone.getByText('2026-11-27 09:30–10:00').waitFor();
    await screenshot(phone, 'book-phone-moved');
    expect(h.bookings()).toEqual([expect.objectContaining({ code, day: '2026-11-27', start: '09:30', status: 'booked' })]);
    // Moving into a slot filled meanwhile is refused in words; the booking stays where it is.
    await h.book(2, '2026-11-30', '09:30');
    await phone.getByRole('button', { name: '改约到其他时段' }).click();
    await move
      .getByRole('group', { name: '选择日期' })
      .getByRole('button', { name: /^2026-11-30/ })
      .click();
    await move
      .getByRole('group', { name: '选择时段' })
      .getByRole('button', { name: /^09:30–10:00/ })
      .click();
    await h.book(3, '2026-11-30', '09:30');
    await confirm.click();
    await phone.getByRole('alert').getByText('2026-11-30 09:30 时段已约满').waitFor();
    expect(h.bookings().find((b) => b.code === code)).toMatchObject({ day: '2026-11-27', start: '09:30' });
    // The slots reload: the full slot can no longer be chosen.
    await expect
      .poll(() =>
        move
          .getByRole('group', { name: '选择时段' })
          .getByRole('button', { name: /^09:30–10:00/ })
          .isDisabled(),
      )
      .toBe(true);
  });

  it('in English: a booking the hall cancelled says why; a closed day cannot be chosen; the move goes through', async () => {
    const h = await bookingHall();
    const cancelled = await codeOf(h, 1);
    const mine = await codeOf(h, 2, '2026-11-27');
    ok(h.manager('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '停电检修', affected: 1 }));
    const browser = await launchBrowser();
    const phone = await openFace(browser, `${h.hub.url}/#/book`, PHONE, 'en-US');
    const find = async (code: string, n: number) => {
      await phone.getByRole('textbox', { name: 'Booking code' }).fill(code);
      await phone.getByRole('textbox', { name: 'Last 4 characters of the ID number' }).fill(idFor(n).slice(-4));
      await phone.getByRole('button', { name: 'Find the booking' }).click();
    };
    await phone.getByRole('button', { name: 'Find / move / cancel a booking' }).click();
    await find(cancelled, 1);
    await phone.getByRole('note').getByText('The hall cancelled this booking. Reason: 停电检修').waitFor();
    expect(await phone.getByRole('button', { name: 'Move to another slot' }).count()).toBe(0);
    await screenshot(phone, 'book-phone-en-cancelled-by-hall');
    await noChinese(phone, ['企业开办', '停电检修', '中文']);
    await find(mine, 2);
    await phone.getByText('2026-11-27 09:00–09:30').waitFor();
    await phone.getByRole('button', { name: 'Move to another slot' }).click();
    const move = phone.getByRole('region', { name: 'Move: choose a new day and slot' });
    // The booking's own slot is shown as such and cannot be picked again.
    await move
      .getByRole('group', { name: 'Choose a day' })
      .getByRole('button', { name: /^2026-11-27/ })
      .click();
    const own = move.getByRole('group', { name: 'Choose a time' }).getByRole('button', { name: /^09:00–09:30/ });
    expect(await own.innerText()).toBe('09:00–09:30\nYour booking');
    expect(await own.isDisabled()).toBe(true);
    // Thursday is closed: shown so, with the hall's reason, and not to be picked.
    const thursday = move.getByRole('group', { name: 'Choose a day' }).getByRole('button', { name: /^2026-11-26/ });
    expect(await thursday.innerText()).toBe('2026-11-26\nClosed');
    expect(await thursday.isDisabled()).toBe(true);
    await move.getByText('No bookings on 2026-11-26: 停电检修').waitFor();
    await move
      .getByRole('group', { name: 'Choose a day' })
      .getByRole('button', { name: /^2026-11-30/ })
      .click();
    await move
      .getByRole('group', { name: 'Choose a time' })
      .getByRole('button', { name: /^09:00–09:30/ })
      .click();
    await screenshot(phone, 'book-phone-en-move-closed-day');
    await noChinese(phone, ['企业开办', '停电检修', '中文']);
    await move.getByRole('button', { name: 'Confirm the move' }).click();
    await phone.getByRole('status').getByText('Moved; the booking code stays the same').waitFor();
    await phone.getByText('2026-11-30 09:00–09:30').waitFor();
    await screenshot(phone, 'book-phone-en-moved');
    await noChinese(phone, ['企业开办', '停电检修', '中文']);
  });
});

describe('check-in at the kiosk by ID number', () => {
  const typeId = async (kiosk: Page, keyboard: string, id: string) => {
    const keys = kiosk.getByRole('group', { name: keyboard });
    for (const ch of id) await keys.getByRole('button', { name: ch, exact: true }).click();
  };

  it('typed on the keypad, shown hidden but for the last 4, gives the appointment ticket (1080×1920)', async () => {
    const h = await bookingHall();
    await codeOf(h, 1);
    h.setTime('2026-11-26T08:40:00');
    const browser = await launchBrowser();
    const kiosk = await openFace(browser, `${h.hub.url}/#/kiosk?token=${terminal(h.hub, 'kiosk').token}`, KIOSK);
    await kiosk.getByRole('button', { name: '预约签到' }).click();
    await kiosk.getByRole('group', { name: '签到方式' }).getByRole('button', { name: '用身份证号' }).click();
    const id = idFor(1);
    await typeId(kiosk, '请输入身份证号键盘', id);
    const field = kiosk.getByRole('textbox', { name: '请输入身份证号' });
    expect(await field.inputValue()).toBe('•'.repeat(14) + id.slice(-4));
    const typed = await kiosk.locator('body').innerText();
    expect(typed).not.toContain(id.slice(0, 6));
    await screenshot(kiosk, 'kiosk-checkin-by-id');
    await kiosk.getByRole('button', { name: '签到取号' }).click();
    const slip = kiosk.getByRole('region', { name: '排队凭条' });
    await slip.getByText('★ 预约到场签到').waitFor();
    expect((await slip.locator('.ticket-number').innerText()).trim()).toBe('A001');
    const text = await kiosk.locator('body').innerText();
    for (const secret of ['张1明', id, id.slice(0, 6), id.slice(-4), '13800000001']) expect(text).not.toContain(secret);
    await screenshot(kiosk, 'kiosk-checkin-by-id-slip');
    expect(h.bookings()[0]).toMatchObject({ status: 'checked_in' });
    expect(JSON.stringify(h.hub.db.prepare('SELECT * FROM audit').all())).not.toContain(id);
  });

  it('in English: a number without a booking today is refused in words; a short one before it is sent', async () => {
    const h = await bookingHall();
    h.setTime('2026-11-26T08:40:00');
    const browser = await launchBrowser();
    const kiosk = await openFace(browser, `${h.hub.url}/#/kiosk?token=${terminal(h.hub, 'kiosk').token}`, KIOSK, 'en-US');
    await kiosk.getByRole('button', { name: 'Booking check-in' }).click();
    await kiosk.getByRole('group', { name: 'Check in with' }).getByRole('button', { name: 'ID number' }).click();
    await typeId(kiosk, 'Keyboard for Enter your ID number', idFor(5).slice(0, 10));
    await kiosk.getByRole('button', { name: 'Check in' }).click();
    await kiosk.getByRole('alert').getByText('An ID number has 18 characters: please check it').waitFor();
    await typeId(kiosk, 'Keyboard for Enter your ID number', idFor(5).slice(10));
    await kiosk.getByRole('button', { name: 'Check in' }).click();
    await kiosk.getByRole('alert').getByText('This ID number has no booking to check in today').waitFor();
    await screenshot(kiosk, 'kiosk-en-checkin-by-id-refused');
    await noChinese(kiosk, ['示范市政务服务中心', '中文']);
    expect(h.hub.store.all('tickets')).toEqual([]);
  });
});

describe('the managers’ booking tab: blackouts and blocks', () => {
  it('reviews the bookings a blackout affects, confirms, and lists the closed day; the holders read why', async () => {
    const h = await bookingHall();
    const first = await codeOf(h, 1);
    await codeOf(h, 2, '2026-11-26', '09:30');
    const browser = await launchBrowser();
    const board = await openFace(browser, `${h.hub.url}/#/manager?token=${terminal(h.hub, 'manager').token}`, BOARD);
    await board.getByRole('tab', { name: '预约' }).click();
    const days = board.getByRole('region', { name: '停约日' });
    await days.getByText('没有停约日').waitFor();
    await days.getByLabel('停约日期').fill('2026-11-26');
    await days.getByRole('textbox', { name: '停约原因（预约人可见）' }).fill('停电检修');
    await days.getByRole('button', { name: '查看受影响的预约' }).click();
    const review = days.getByRole('table', { name: '将取消 2 个预约' });
    await review.getByRole('row', { name: `企业开办 09:00–09:30 张*明 110101********${idFor(1).slice(-4)} 138****0001` }).waitFor();
    await review.getByRole('row', { name: `企业开办 09:30–10:00 张*明 110101********${idFor(2).slice(-4)} 138****0002` }).waitFor();
    // Nothing is cancelled by the review.
    expect(h.bookings().map((b) => b.status)).toEqual(['booked', 'booked']);
    await board.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(board, 'manager-blackout-review');
    // One more booking meanwhile: the confirmation is refused and the list shows 3.
    await codeOf(h, 3, '2026-11-26', '09:00');
    await days.getByRole('button', { name: '确认停约并取消 2 个预约' }).click();
    await days.getByRole('alert').getByText('受影响的预约已变为 3 个，请重新核对后再确认').waitFor();
    expect(h.bookings().map((b) => b.status)).toEqual(['booked', 'booked', 'booked']);
    await days.getByRole('button', { name: '确认停约并取消 3 个预约' }).click();
    await days.getByRole('status').getByText('已停约，取消了 3 个预约').waitFor();
    await days.getByRole('table', { name: '已设停约日' }).getByRole('row', { name: '2026-11-26 全部事项 停电检修' }).waitFor();
    await screenshot(board, 'manager-blackout-declared');
    expect(h.bookings().map((b) => b.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await h.post('/book/look', { code: first, idLast4: idFor(1).slice(-4) })).json).toMatchObject({ cancelReason: '停电检修' });
    // Reopened by keyboard with its reason: the day takes bookings again, what it cancelled stays cancelled.
    await days.getByRole('button', { name: '恢复 2026-11-26（全部事项）的预约' }).click();
    await days.getByRole('textbox', { name: '恢复 2026-11-26 预约的原因' }).fill('已恢复供电');
    await board.keyboard.press('Enter');
    await days.getByRole('status').getByText('2026-11-26 已恢复预约；停约时取消的 3 个预约仍为取消（预约人已收到通知）').waitFor();
    await days
      .getByRole('table', { name: '已设停约日' })
      .getByRole('row', { name: '2026-11-26 全部事项 停电检修 已恢复：已恢复供电' })
      .waitFor();
    await screenshot(board, 'manager-blackout-lifted');
    expect(h.bookings().map((b) => b.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await h.book(4)).status).toBe(200);
  });

  it('in English: lifts a blocked person’s block by ID number with a reason, and lists it', async () => {
    const h = await bookingHall();
    await codeOf(h, 7, '2026-11-26');
    await codeOf(h, 7, '2026-11-27');
    h.setTime('2026-11-27T12:00:00');
    expect((await h.book(7, '2026-12-02')).json.error).toMatchObject({ reason: 'booking.blocked' });
    const browser = await launchBrowser();
    const board = await openFace(browser, `${h.hub.url}/#/manager?token=${terminal(h.hub, 'manager').token}`, BOARD, 'en-US');
    await board.getByRole('tab', { name: 'Bookings' }).click();
    const blocks = board.getByRole('region', { name: 'Lift a booking block' });
    await blocks.getByText('No block lifted').waitFor();
    await blocks.getByRole('textbox', { name: 'ID number' }).fill(idFor(8));
    await blocks.getByRole('textbox', { name: 'Reason for lifting' }).fill('误记');
    await blocks.getByRole('button', { name: 'Lift the block' }).click();
    await blocks.getByRole('alert').getByText('This ID number is not blocked from booking').waitFor();
    await blocks.getByRole('textbox', { name: 'ID number' }).fill(idFor(7));
    await blocks.getByRole('textbox', { name: 'Reason for lifting' }).fill('系统故障误记爽约');
    await blocks.getByRole('button', { name: 'Lift the block' }).click();
    const masked = `110101********${idFor(7).slice(-4)}`;
    await blocks.getByRole('status').getByText(`Block lifted for ${masked} (it ran until 2027-02-27)`).waitFor();
    await blocks
      .getByRole('table', { name: 'Blocks lifted' })
      .getByRole('row', { name: `${masked} 2027-02-27 系统故障误记爽约` })
      .waitFor();
    // The number typed is not kept on screen.
    expect(await blocks.getByRole('textbox', { name: 'ID number' }).inputValue()).toBe('');
    await board.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(board, 'manager-en-block-lifted');
    expect((await h.book(7, '2026-12-02')).status).toBe(200);
  });
});
