import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { at } from '../support/bookingHall';
import { busyHall } from '../support/busyHall';
import { demoHub, manualClock, terminal } from '../support/hub';

/**
 * Issue 16 in Chromium: the service guide (办事指南) at the kiosk (1080×1920) and on the booking
 * page (390×844), in Chinese and English, in a busy hall; and the follow page's call alert — a
 * vibration and a Web Audio tone after the first tap — with both stubbed in the page to see them fire.
 */

const KIOSK = { width: 1080, height: 1920 };
const PHONE = { width: 390, height: 844 };
/** Staff names of the demo hall: never on a public page. */
const STAFF = ['王晓明', '李红梅', '马超'];

async function hall({ busy }: { busy: boolean }) {
  // Wednesday 25 Nov 2026, 09:00 in the hall.
  const clock = manualClock(at('2026-11-25T09:00:00'));
  const hub = await demoHub({ clock });
  if (busy) busyHall(hub, 3);
  const a = actors(hub);
  ok(
    a.manager('booking.setTemplate', {
      serviceId: 'H3301-s-K',
      lines: [{ weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '09:30', capacity: 5 }],
    }),
  );
  return { hub, clock, ...a };
}

describe('the service guide in Chromium', () => {
  it('at the kiosk: a guide button before the ticket, the items’ materials, limits, fee, steps and basis in large type, and back', async () => {
    const h = await hall({ busy: true });
    const browser = await launchBrowser();
    const kiosk = await openFace(browser, `${h.hub.url}/#/kiosk?token=${terminal(h.hub, 'kiosk').token}`, KIOSK);
    await kiosk.getByRole('button', { name: '民政局' }).click();
    await kiosk.getByRole('button', { name: /^婚姻登记/ }).click();
    await screenshot(kiosk, 'guide-kiosk-issue-form');
    await kiosk.getByRole('button', { name: '查看“婚姻登记”的办事指南' }).click();
    const guide = kiosk.getByRole('region', { name: '“婚姻登记”办事指南' });
    const items = guide.getByRole('group', { name: '选择具体事项' });
    expect(await items.getByRole('button').allInnerTexts()).toEqual([
      '婚姻登记',
      '社会团体成立登记',
      '民办非企业单位成立登记',
      '殡葬服务机构设立许可',
    ]);
    await expect.poll(() => items.getByRole('button', { name: '婚姻登记' }).getAttribute('aria-pressed')).toBe('true');
    expect(await guide.getByRole('region', { name: '需要带的材料' }).getByRole('listitem').allInnerTexts()).toEqual([
      '申请书（表格可在窗口领取）',
      '申请人身份证明',
      '婚姻登记所需的证明文件',
    ]);
    await guide.getByText('即办件，材料齐全当场办结').waitFor();
    await guide.getByText('法定时限 20 工作日').waitFor();
    await guide.getByText('不收费').waitFor();
    await guide.getByRole('region', { name: '办理流程' }).getByText('当场审核办结').waitFor();
    await guide.getByText('《婚姻登记条例》《社会团体登记管理条例》').waitFor();
    // Large type for a person standing at the kiosk.
    const size = await guide
      .getByRole('region', { name: '需要带的材料' })
      .getByRole('listitem')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    await screenshot(kiosk, 'guide-kiosk-marriage');
    // Another item: a promised one, with its promised and statutory limits and its own steps.
    await items.getByRole('button', { name: '社会团体成立登记' }).click();
    await guide.getByText('承诺时限 30 工作日').waitFor();
    await guide.getByText('法定时限 45 工作日').waitFor();
    await guide.getByRole('region', { name: '办理流程' }).getByText('30个工作日内审核决定').waitFor();
    const text = await kiosk.locator('body').innerText();
    for (const secret of [...STAFF, 'SX-CIV', '许可 ·', '承诺件']) expect(text).not.toContain(secret);
    await screenshot(kiosk, 'guide-kiosk-promised');
    // Back to the ticket, which is still one tap away.
    await guide.getByRole('button', { name: '‹ 返回', exact: true }).click();
    await kiosk.getByRole('form', { name: '婚姻登记' }).getByRole('button', { name: '取号' }).waitFor();

    // A search for what people call it opens the found item's guide first; in English too.
    // The form's way back, then the department's, to the start.
    await kiosk.getByRole('button', { name: '‹ 返回', exact: true }).click();
    await kiosk.getByRole('button', { name: '‹ 返回', exact: true }).click();
    await kiosk.getByRole('button', { name: 'English' }).click();
    await kiosk.getByRole('searchbox').fill('公积金贷款');
    await kiosk.getByRole('button', { name: /^住房公积金贷款/ }).click();
    await kiosk.getByRole('button', { name: 'Service guide for “公积金提取与贷款”' }).click();
    const en = kiosk.getByRole('region', { name: 'Service guide: 公积金提取与贷款' });
    await expect.poll(() => en.getByRole('button', { name: '住房公积金贷款' }).getAttribute('aria-pressed')).toBe('true');
    await en.getByText('Promised: 20 working days').waitFor();
    await en.getByText('Statutory: 30 working days').waitFor();
    await en.getByText('Free of charge').waitFor();
    await en.getByRole('heading', { name: 'Papers to bring' }).waitFor();
    await screenshot(kiosk, 'guide-kiosk-en');
    await en.getByRole('button', { name: 'Done: back to take a ticket' }).click();
    await kiosk.getByRole('button', { name: 'Take ticket' }).waitFor();
  });

  it('on the booking page: the chosen service’s guide before booking, in Chinese and in English', async () => {
    const h = await hall({ busy: true });
    const browser = await launchBrowser();
    for (const [locale, names] of [
      [
        'zh-CN',
        {
          service: '选择事项',
          open: '查看“婚姻登记”的办事指南',
          region: '“婚姻登记”办事指南',
          item: '社会团体成立登记',
          promised: '承诺时限 30 工作日',
          close: '收起办事指南',
        },
      ],
      [
        'en-US',
        {
          service: 'Choose a service',
          open: 'Service guide for “婚姻登记”',
          region: 'Service guide: 婚姻登记',
          item: '社会团体成立登记',
          promised: 'Promised: 30 working days',
          close: 'Hide the service guide',
        },
      ],
    ] as const) {
      const phone = await openFace(browser, `${h.hub.url}/#/book`, PHONE, locale);
      await phone.getByRole('group', { name: names.service }).getByRole('button', { name: '婚姻登记' }).click();
      const open = phone.getByRole('button', { name: names.open });
      expect(await open.getAttribute('aria-expanded')).toBe('false');
      await open.click();
      const guide = phone.getByRole('region', { name: names.region });
      await guide.getByText('婚姻登记所需的证明文件').waitFor();
      await guide.getByRole('button', { name: names.item }).click();
      await guide.getByText(names.promised).waitFor();
      const text = await phone.locator('body').innerText();
      for (const secret of STAFF) expect(text).not.toContain(secret);
      await screenshot(phone, `guide-phone-${locale}`);
      // Folded away, the booking goes on below it.
      await phone.getByRole('button', { name: names.close }).click();
      expect(await guide.count()).toBe(0);
    }
  });
});

describe('the follow page’s call alert in Chromium', () => {
  it('rings (after the first tap opened the audio) and vibrates when the ticket is called, and at the chosen reminder', async () => {
    const h = await hall({ busy: false });
    const browser = await launchBrowser();
    // Three people ahead for 企业开办, then our ticket (a quiet hall: who is called next is plain).
    for (let n = 0; n < 3; n++) ok(h.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    const mine = h.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null });
    ok(mine);
    const token = (mine as unknown as { result: { followToken: string; ticket: { number: string } } }).result.followToken;
    const number = (mine as unknown as { result: { ticket: { number: string } } }).result.ticket.number;

    const follow = await openFace(browser, 'about:blank', PHONE);
    // The browser's vibration and audio, stubbed to record what the page asks of them.
    await follow.addInitScript(() => {
      const w = window as unknown as { alerts: { vibrations: unknown[]; tones: number[]; resumed: number } };
      w.alerts = { vibrations: [], tones: [], resumed: 0 };
      Object.defineProperty(navigator, 'vibrate', { value: (p: unknown) => (w.alerts.vibrations.push(p), true), configurable: true });
      class FakeAudio {
        currentTime = 0;
        destination = {};
        resume() {
          w.alerts.resumed++;
          return Promise.resolve();
        }
        createGain() {
          return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (d: unknown) => d };
        }
        createOscillator() {
          const osc = {
            type: 'sine',
            frequency: { value: 0 },
            connect: (d: unknown) => d,
            start: () => w.alerts.tones.push(osc.frequency.value),
            stop() {},
          };
          return osc;
        }
      }
      (window as unknown as { AudioContext: unknown }).AudioContext = FakeAudio;
    });
    await follow.goto(`${h.hub.url}/#/follow?t=${token}`);
    const alerts = () =>
      follow.evaluate(() => (window as unknown as { alerts: { vibrations: unknown[]; tones: number[]; resumed: number } }).alerts);
    await follow.getByLabel('您的号码').getByText(number).waitFor();
    await follow.getByRole('button', { name: '轻触这里（或本页任意处）开启提示音' }).waitFor();
    await follow.getByText('叫到您时手机会振动。').waitFor();
    await screenshot(follow, 'follow-sound-locked');
    // Remind at 1 ahead; the first tap (on the select) opens the audio.
    await follow.getByRole('combobox', { name: '前面剩几人时提醒我' }).click();
    await follow.getByRole('combobox', { name: '前面剩几人时提醒我' }).selectOption('1');
    await follow.getByText('提示音已开启：叫到您时会响铃，请勿关闭本页').waitFor();
    expect(await alerts()).toEqual({ vibrations: [], tones: [], resumed: 1 });

    const c = { counterId: 'H3301-c-01' };
    const serveNext = () => {
      ok(h.clerk(0)('ticket.callNext', c));
      ok(h.clerk(0)('ticket.start', c));
      ok(h.clerk(0)('ticket.finish', { ...c, handledServiceIds: ['H3301-s-A'] }));
    };
    ok(h.clerk(0)('counter.signIn', { ...c, login: 'c01', password: DEMO_PASSWORD }));
    serveNext();
    ok(h.clerk(0)('ticket.callNext', c));
    await follow.getByRole('alert').getByText('快到您了：前面还有 1 人').waitFor();
    await expect.poll(async () => (await alerts()).vibrations).toEqual([[200]]);
    expect((await alerts()).tones).toEqual([660]);
    await screenshot(follow, 'follow-reminded');

    ok(h.clerk(0)('ticket.start', c));
    ok(h.clerk(0)('ticket.finish', { ...c, handledServiceIds: ['H3301-s-A'] }));
    serveNext();
    ok(h.clerk(0)('ticket.callNext', c));
    await follow.getByRole('alert').getByText('请到 1 号窗口').waitFor();
    await expect.poll(async () => (await alerts()).vibrations).toEqual([[200], [300, 100, 300]]);
    expect((await alerts()).tones).toEqual([660, 880, 660, 880]);
    await screenshot(follow, 'follow-called-alert');
  });
});
