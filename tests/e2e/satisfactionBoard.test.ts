import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../../shared/cases/notices';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { C1, caseHall } from '../support/caseHall';
import { terminal } from '../support/hub';

describe('the lobby display turns in the public satisfaction board when the hall is idle', () => {
  it('two minutes after the last ticket it shows this month’s figures per department (aggregates only); a new ticket ends it', async () => {
    const h = await caseHall();
    const { hub, clock } = h;
    // Two concluded cases rated by phone, one 满意 and one 差评; the hall publishes names.
    for (const [level, reasons] of [
      [5, []],
      [1, ['slow']],
    ] as const) {
      const c = h.register();
      for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(h.step(c.id, s));
      ok(h.step(c.id, 'conclude', { feeCents: 0 }));
      const notice = hub.store.where('case_notices', "case_id = ? AND kind = 'conclude'", c.id)[0]!;
      const code = NoticeDocument.parse(JSON.parse(notice.content)).ratingCode!;
      const res = await fetch(`${hub.url}/rate`, {
        method: 'POST',
        body: JSON.stringify({ code, level, subScores: {}, reasons, comment: '申请人张三的意见' }),
      });
      expect(res.status).toBe(200);
    }
    ok(actors(hub).manager('hall.setRatingSettings', { publishNames: true }));
    // The day's one ticket, served; then two minutes and five seconds of nobody.
    const { kiosk } = actors(hub);
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    ok(h.clerk('ticket.callNext', { counterId: C1 }));
    ok(h.clerk('ticket.start', { counterId: C1 }));
    ok(h.clerk('ticket.finish', { counterId: C1, handledServiceIds: ['H3301-s-A'] }));
    clock.advance(125_000);

    const browser = await launchBrowser();
    const page = await openFace(browser, `${hub.url}/#/display?token=${terminal(hub, 'display').token}`, { width: 1920, height: 1080 });
    // The board holds for half a minute from two minutes on, then takes turns with the calls every
    // half minute on the display's own clock (the hub's time, running on in the browser): a page slow
    // to open on a loaded machine can land in the calls' turn, so the next turn is awaited.
    const board = page.getByRole('region', { name: '本月服务满意度' });
    await board.waitFor({ timeout: 65_000 });
    const row = board.getByRole('row', { name: /市场监督管理局/ });
    expect(await row.textContent()).toContain('50.0%');
    await row.getByText('评价较少').waitFor();
    const card = hub.store.get('staff_cards', 'H3301-u-1')!.display_name;
    await row.getByText(`${card} 50.0%（2）`).waitFor();
    // Aggregates only: nothing anyone wrote, nobody who rated or was served.
    const text = await page.locator('body').innerText();
    for (const secret of ['张三', '11010519491231002X', '13800138000', '意见']) expect(text).not.toContain(secret);
    await screenshot(page, 'display-satisfaction-board');

    // Someone takes a ticket: the board gives way to the calls at once.
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    await board.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: '等候人数' }).waitFor();
  }, 120_000);
});
