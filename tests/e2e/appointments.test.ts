import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { residentIdCheckChar } from '../../shared/identity/rules';
import { actors, ok } from '../support/actors';
import { A_SLOTS, at } from '../support/bookingHall';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, manualClock, signInManager, terminal } from '../support/hub';

const PHONE = { width: 390, height: 844 };
const first17 = '11010119900101123';
const ID = first17 + residentIdCheckChar(first17);

async function bookingHall() {
  // Wednesday 25 Nov 2026, 09:00 in the hall.
  const clock = manualClock(at('2026-11-25T09:00:00'));
  const hub = await demoHub({ clock });
  const a = actors(hub);
  ok(
    a.manager('booking.setTemplate', {
      serviceId: 'H3301-s-A',
      lines: A_SLOTS,
    }),
  );
  ok(
    a.manager('booking.setTemplate', {
      serviceId: 'H3301-s-E',
      lines: [{ weekdays: [1, 3, 5], start: '14:00', end: '14:40', capacity: 3 }],
    }),
  );
  return { hub, clock, ...a };
}

describe('booking, check-in and following one’s turn, in Chromium', () => {
  it('books on the phone at 390×844, checks in at the kiosk, follows the turn until called; nothing personal on the kiosk or the follow page', async () => {
    const h = await bookingHall();
    const browser = await launchBrowser();
    const phone = await openFace(browser, `${h.hub.url}/#/book`, PHONE);
    await phone.getByRole('group', { name: '选择事项' }).getByRole('button', { name: '企业开办' }).click();
    const days = phone.getByRole('group', { name: '选择日期' });
    // Thursday, Friday, then Monday to Wednesday: the weekend and today are not offered.
    expect(await days.getByRole('button').allInnerTexts()).toEqual([
      '2026-11-26\n余 7 个',
      '2026-11-27\n余 7 个',
      '2026-11-30\n余 7 个',
      '2026-12-01\n余 7 个',
      '2026-12-02\n余 7 个',
    ]);
    await days.getByRole('button', { name: /^2026-11-26/ }).click();
    await phone
      .getByRole('group', { name: '选择时段' })
      .getByRole('button', { name: /^09:00–09:30/ })
      .click();
    await phone.getByRole('textbox', { name: '姓名' }).fill('张三');
    await phone.getByRole('textbox', { name: '身份证号' }).fill(ID.slice(0, 17) + '0');
    await phone.getByRole('textbox', { name: '手机号' }).fill('13800138000');
    await screenshot(phone, 'book-phone-form');
    await phone.getByRole('button', { name: '提交预约' }).click();
    // A wrong check digit is refused in words; nothing is booked.
    await phone.getByRole('alert').getByText('身份证号校验位不符，请核对').waitFor();
    expect(h.hub.db.prepare('SELECT count(*) AS n FROM bookings').get()).toEqual({ n: 0 });
    await screenshot(phone, 'book-phone-refused');
    await phone.getByRole('textbox', { name: '身份证号' }).fill(ID);
    await phone.getByRole('button', { name: '提交预约' }).click();
    const done = phone.getByRole('status', { name: '预约成功' });
    const code = (await done.getByLabel('预约码').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await done.getByText('2026-11-26 09:00–09:30').waitFor();
    await screenshot(phone, 'book-phone-done');

    // Thursday 08:40: the kiosk checks the booking in by its code.
    h.clock.set(at('2026-11-26T08:40:00'));
    signInManager(h.hub);
    const kiosk = await openFace(browser, `${h.hub.url}/#/kiosk?token=${terminal(h.hub, 'kiosk').token}`, { width: 1080, height: 1920 });
    await kiosk.getByRole('button', { name: '预约签到' }).click();
    await kiosk.getByRole('textbox', { name: '请输入预约码' }).fill(code.toLowerCase());
    await kiosk.getByRole('button', { name: '签到取号' }).click();
    const slip = kiosk.getByRole('region', { name: '排队凭条' });
    await slip.getByText('★ 预约到场签到').waitFor();
    const number = (await slip.locator('.ticket-number').innerText()).trim();
    expect(number).toBe('A001');
    const followUrl = await slip.getByRole('img', { name: '扫码查看排队进度' }).getAttribute('data-text');
    expect(followUrl).toMatch(/\/#\/follow\?t=[A-Z2-9]{16}$/);
    const kioskText = await kiosk.locator('body').innerText();
    for (const secret of ['张三', ID, ID.slice(-4), '13800138000']) expect(kioskText).not.toContain(secret);
    await screenshot(kiosk, 'book-kiosk-checkin-slip');

    // The phone follows the ticket: waiting, then called to counter 1.
    const follow = await openFace(browser, followUrl!, PHONE);
    await follow.getByLabel('您的号码').getByText('A001').waitFor();
    await follow.getByText('前面还有').waitFor();
    await screenshot(follow, 'follow-phone-waiting');
    ok(h.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
    ok(h.clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
    await follow.getByRole('alert').getByText('请到 1 号窗口').waitFor();
    const followText = await follow.locator('body').innerText();
    for (const secret of ['张三', ID, '13800138000', code]) expect(followText).not.toContain(secret);
    await screenshot(follow, 'follow-phone-called');
  });

  it('in English: the booking page and its refusals, and the follow page, with no Chinese but the hall’s data', async () => {
    const h = await bookingHall();
    const browser = await launchBrowser();
    const phone = await openFace(browser, `${h.hub.url}/#/book`, PHONE, 'en-US');
    await phone.getByRole('group', { name: 'Choose a service' }).getByRole('button', { name: '户籍业务' }).click();
    await phone
      .getByRole('group', { name: 'Choose a day' })
      .getByRole('button', { name: /^2026-11-27/ })
      .click();
    await phone
      .getByRole('group', { name: 'Choose a time' })
      .getByRole('button', { name: /^14:00–14:40/ })
      .click();
    await phone.getByRole('textbox', { name: 'Name' }).fill('Li Si');
    await phone.getByRole('textbox', { name: 'Resident ID number' }).fill(ID);
    await phone.getByRole('textbox', { name: 'Mobile number' }).fill('12345');
    await phone.getByRole('button', { name: 'Submit booking' }).click();
    await phone.getByRole('alert').getByText('Enter an 11-digit mobile number or a landline with its area code').waitFor();
    await screenshot(phone, 'book-phone-en-refused');
    const hallData = ['企业开办', '户籍业务', '中文'];
    const noChinese = async () => {
      const text = hallData.reduce((rest, d) => rest.split(d).join(' '), await phone.locator('body').innerText());
      expect(text).not.toMatch(/\p{Script=Han}/u);
    };
    await noChinese();
    await phone.getByRole('textbox', { name: 'Mobile number' }).fill('13800138000');
    await phone.getByRole('button', { name: 'Submit booking' }).click();
    const done = phone.getByRole('status', { name: 'Booked' });
    const code = (await done.getByLabel('Booking code').innerText()).trim();
    await screenshot(phone, 'book-phone-en-done');
    await noChinese();
    // Found again and cancelled with the code and the ID's last 4; a wrong last 4 is refused in English.
    await phone.getByRole('button', { name: 'Find / move / cancel a booking' }).click();
    await phone.getByRole('textbox', { name: 'Booking code' }).fill(code);
    await phone.getByRole('textbox', { name: 'Last 4 characters of the ID number' }).fill('0000');
    await phone.getByRole('button', { name: 'Find the booking' }).click();
    await phone.getByRole('alert').getByText('The booking code or the last 4 characters of the ID number do not match').waitFor();
    await phone.getByRole('textbox', { name: 'Last 4 characters of the ID number' }).fill(ID.slice(-4));
    await phone.getByRole('button', { name: 'Find the booking' }).click();
    await phone.getByRole('button', { name: 'Cancel this booking' }).click();
    await phone.getByText('Cancelled', { exact: true }).waitFor();
    await screenshot(phone, 'book-phone-en-cancelled');
    await noChinese();
    expect(h.hub.db.prepare('SELECT status FROM bookings').all()).toEqual([{ status: 'cancelled' }]);

    // A follow link that is not valid, in English.
    const follow = await openFace(browser, `${h.hub.url}/#/follow?t=ABCDEFGHJKLMNPQR`, PHONE, 'en-US');
    await follow.getByRole('alert').getByText('This progress link is not valid or has expired').waitFor();
    await screenshot(follow, 'follow-phone-en-invalid');
  });
});

describe('the managers’ booking tab', () => {
  it('sets a service’s slot template and the booking rules', async () => {
    const h = await bookingHall();
    const browser = await launchBrowser();
    const board = await openFace(browser, `${h.hub.url}/#/manager?token=${terminal(h.hub, 'manager').token}`, {
      width: 1600,
      height: 1000,
    });
    // One booking made on a phone, for Thursday.
    const booked = await fetch(`${h.hub.url}/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'H3301-s-A', day: '2026-11-26', start: '09:00', name: '张三', idNumber: ID, phone: '13800138000' }),
    });
    expect(booked.status).toBe(200);
    await board.getByRole('tab', { name: '预约' }).click();
    const figures = board.getByRole('region', { name: '预约统计' });
    await figures.getByLabel('从', { exact: true }).fill('2026-11-26');
    await figures.getByLabel('到', { exact: true }).fill('2026-11-30');
    // 企业开办: 1 booked of 7 places a working day (Thursday, Friday and Monday: 21).
    await figures.getByRole('row', { name: '企业开办 1 0 0 0 0.0% 21 4.8%' }).waitFor();
    const template = board.getByRole('form', { name: '预约时段模板' });
    await template.getByRole('combobox', { name: '事项' }).selectOption('H3301-s-E');
    // 户籍业务's stored template: one line, Monday, Wednesday and Friday 14:00–14:40 for 3.
    expect(await template.getByRole('spinbutton', { name: '名额 1' }).inputValue()).toBe('3');
    await template.getByRole('button', { name: '添加时段' }).click();
    await template.getByRole('spinbutton', { name: '名额 2' }).fill('4');
    await template.getByRole('button', { name: '保存模板' }).click();
    await template.getByText('已保存').waitFor();
    const stored = h.hub.store.all('booking_templates').find((tp) => tp.service_id === 'H3301-s-E')!;
    expect(JSON.parse(stored.lines)).toEqual([
      { weekdays: [1, 3, 5], start: '14:00', end: '14:40', capacity: 3 },
      { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '09:30', capacity: 4 },
    ]);
    // Two slots that overlap are refused with the hub's words; nothing changes.
    await template.getByLabel('开始 2').fill('14:20');
    await template.getByLabel('结束 2').fill('14:50');
    await template.getByRole('button', { name: '保存模板' }).click();
    await template.getByRole('alert').getByText('第 2 行的时段与前面的时段在同一天重叠').waitFor();
    expect(h.hub.store.all('booking_templates').find((tp) => tp.service_id === 'H3301-s-E')!.lines).toBe(stored.lines);
    const rules = board.getByRole('form', { name: '预约规则' });
    await rules.getByRole('spinbutton', { name: '最晚可约（第几个工作日）' }).fill('7');
    await rules.getByRole('button', { name: '保存规则' }).click();
    await rules.getByText('已保存').waitFor();
    expect(JSON.parse(h.hub.store.get('halls', 'H3301')!.booking_settings)).toMatchObject({ maxDaysAhead: 7 });
    await screenshot(board, 'manager-booking-tab');
  });
});
