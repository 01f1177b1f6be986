import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { A, A_SLOTS, at, idFor } from '../support/bookingHall';
import { busyHall } from '../support/busyHall';
import { demoHub, manualClock, signInManager, terminal } from '../support/hub';

/**
 * The manager's side of issue 16 items 5 and 6 in Chromium, in a busy hall: the guide's steps
 * edited in the catalog, and the 预约 figures in the reports tab, in Chinese and English.
 */

const tableText = (table: Locator): Promise<string[][]> =>
  table.evaluate((el) => [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));

describe('the manager’s board: the guide’s steps and the booking figures', () => {
  it('edits an item’s steps, and reads bookings, no-shows, utilisation and punctuality in the reports', async () => {
    const clock = manualClock(at('2026-11-25T09:00:00'));
    const hub = await demoHub({ clock });
    busyHall(hub, 3);
    const a = actors(hub);
    ok(
      a.manager('booking.setTemplate', {
        serviceId: A,
        lines: A_SLOTS,
      }),
    );
    const codes: string[] = [];
    for (const [n, start] of [
      [1, '09:00'],
      [2, '09:00'],
      [3, '09:30'],
      [4, '09:30'],
    ] as const) {
      const res = await fetch(`${hub.url}/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: A, day: '2026-11-26', start, name: `张${n}`, idNumber: idFor(n), phone: `1380000000${n}` }),
      });
      codes.push(((await res.json()) as { code: string }).code);
    }
    await fetch(`${hub.url}/book/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes[3], idLast4: idFor(4).slice(-4) }),
    });
    // Thursday: 1 checks in at 08:50 and is called at 09:12 (12 minutes past the slot); 2 at 09:05, called 09:45 (40); 3 never comes.
    const c = { counterId: 'H3301-c-01' };
    const setTime = (iso: string) => (clock.set(at(iso)), signInManager(hub));
    setTime('2026-11-26T08:50:00');
    ok(a.kiosk('booking.checkIn', { code: codes[0]! }));
    setTime('2026-11-26T09:05:00');
    ok(a.kiosk('booking.checkIn', { code: codes[1]! }));
    setTime('2026-11-26T09:12:00');
    // The busy hall's clerks are signed in; the appointments come first, in slot order.
    ok(a.clerk(0)('ticket.callNext', c));
    ok(a.clerk(0)('ticket.start', c));
    ok(a.clerk(0)('ticket.finish', { ...c, handledServiceIds: [A] }));
    setTime('2026-11-26T09:45:00');
    ok(a.clerk(0)('ticket.callNext', c));
    setTime('2026-11-26T12:00:00');

    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });

    // The guide's steps, one a line, in the catalog's editor.
    await board.getByRole('tab', { name: '事项与日历' }).click();
    await board.getByRole('button', { name: '编辑“婚姻登记”' }).click();
    const editor = board.getByRole('form', { name: '事项信息' });
    await editor.getByRole('textbox', { name: /^办理流程/ }).fill('双方到场取号\n填写声明书\n\n当场领证');
    await screenshot(board, 'catalog-steps-editor');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => hub.store.where('catalog_items', 'name = ?', '婚姻登记')[0]!.steps)
      .toBe('["双方到场取号","填写声明书","当场领证"]');

    await board.getByRole('tab', { name: '报表' }).click();
    const reports = board.getByRole('region', { name: '统计报表' });
    await reports.getByRole('combobox', { name: '类别' }).selectOption('bookings');
    await reports.getByRole('combobox', { name: '维度' }).selectOption('service');
    await reports.getByRole('combobox', { name: '时间粒度' }).selectOption('day');
    // The hour is not offered: a booking counts on its slot's day.
    expect(await reports.getByRole('combobox', { name: '时间粒度' }).getByRole('option').allInnerTexts()).not.toContain('按小时');
    const table = reports.getByRole('table', { name: '预约 · 业务 · 按日明细' });
    await expect.poll(async () => (await tableText(table)).length).toBeGreaterThan(1);
    const rows = await tableText(table);
    expect(rows[0]).toEqual([
      '业务',
      '按日',
      '预约数',
      '取消数',
      '取消率(%)',
      '签到数',
      '爽约数',
      '爽约率(%)',
      '可约名额',
      '时段利用率(%)',
      '超过预约时段的等候(分)',
      '按时叫号率(%)',
    ]);
    // 4 booked, 1 cancelled, 2 checked in, 1 missed of 3; 3 of 7 places taken; waits 12 and 40 min (target 30).
    expect(rows.find((r) => r[0] === '企业开办' && r[1] === '2026-11-26')).toEqual([
      '企业开办',
      '2026-11-26',
      '4',
      '1',
      '25.0',
      '2',
      '1',
      '33.3',
      '7',
      '42.9',
      '26.0',
      '50.0',
    ]);
    await reports.getByText(/预约数据为实时数据/).waitFor();
    await screenshot(board, 'manager-reports-bookings');

    await board.getByRole('button', { name: 'English' }).click();
    const en = board.getByRole('table', { name: 'Bookings · Service · By day table' });
    await expect.poll(async () => (await tableText(en))[0]?.slice(2, 4)).toEqual(['Bookings', 'Cancelled']);
    await board.getByText(/Booking figures are live/).waitFor();
    // No Chinese but the hall's data (the service's name).
    const text = (await board.getByRole('region', { name: 'Reports' }).innerText()).split('企业开办').join('');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    await screenshot(board, 'manager-reports-bookings-en');
  });
});
