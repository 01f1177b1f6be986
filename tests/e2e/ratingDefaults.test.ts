import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../../shared/cases/notices';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { C1, caseHall } from '../support/caseHall';
import { callerOf, opId, terminal } from '../support/hub';

/**
 * Issue 13, items 1 and 7 on screen: under the hall's default rule the figures show the default
 * ratings apart (their count, and 满意率 with them beside the 满意率 without), by catalog item for
 * concluded cases; the 差评 list names a case's item. In Chinese and in English.
 */
describe('default ratings and the figures by item in Chromium', () => {
  it('shows the defaults apart and the cases by their item, in zh-CN and in English', async () => {
    const h = await caseHall();
    const { hub } = h;
    ok(actors(hub).manager('hall.setRatingSettings', { defaultAfterDays: 7 }));
    // Two tickets at counter 1: one rated 非常满意, one declined.
    for (const level of [5, null]) {
      ok(actors(hub).kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
      ok(h.clerk('ticket.callNext', { counterId: C1 }));
      ok(h.clerk('ticket.start', { counterId: C1 }));
      const { ticket } = ok(h.clerk('ticket.finish', { counterId: C1, handledServiceIds: ['H3301-s-A'] })) as { ticket: { id: string } };
      const requestId = hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!.id;
      h.clock.advance(5_000);
      const answer = hub.execute(callerOf(terminal(hub, 'evaluator')), {
        opId: opId(),
        ...(level === null
          ? { type: 'rating.decline', payload: { requestId } }
          : { type: 'rating.submit', payload: { requestId, level, subScores: {}, reasons: [], comment: '' } }),
      } as never);
      expect(answer).toMatchObject({ ok: true });
    }
    // Two concluded cases of 企业设立登记: one rated 不满意 by the code on its notice, one never.
    for (const rated of [true, false]) {
      const c = h.register();
      for (const s of ['accept', 'undertake', 'review', 'approve'] as const) ok(h.step(c.id, s));
      ok(h.step(c.id, 'conclude', { feeCents: 0 }));
      const notice = hub.store.where('case_notices', "case_id = ? AND kind = 'conclude'", c.id)[0]!;
      const code = NoticeDocument.parse(JSON.parse(notice.content)).ratingCode!;
      if (!rated) continue;
      const res = await fetch(`${hub.url}/rate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, level: 2, subScores: {}, reasons: ['repeat_trips'], comment: '' }),
      });
      expect(res.status).toBe(200);
    }
    h.days(8); // past the rule's days and the codes' expiry

    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    await board.getByRole('tab', { name: '好差评' }).click();
    const figures = board.getByRole('region', { name: '好差评指标' });
    await figures.getByRole('combobox', { name: '维度' }).selectOption({ label: '事项' });
    const table = figures.getByRole('table', { name: '好差评指标表' });
    await table.getByRole('columnheader', { name: '满意率（含默认评价）' }).waitFor();
    await table.getByRole('columnheader', { name: '默认评价', exact: true }).waitFor();
    // The case's item: 2 services, 1 rated (a 差评), 1 default; 满意率 0 of 1, with the default 1 of 2.
    // The 差评's follow-up, untouched and past its due day: not fixed, late, not called back.
    const item = table.getByRole('row', { name: /^企业设立登记/ });
    await expect
      .poll(() => item.textContent())
      .toBe(
        '企业设立登记2026-11-01 至 2026-11-100.0%（0/1） （样本少）50.0%（1/2） （样本少）100.0%（1/1） （样本少）0.0%（0/1） （样本少）0.0%（0/1） （样本少）0.0%（0/1） （样本少）50.0%（1/2） （样本少）10（0）',
      );
    // The tickets have no item: one rated 5 and one declined, now a default.
    expect(await table.getByRole('row', { name: /^未指明/ }).textContent()).toContain('100.0%（1/1） （样本少）50.0%（1/2）');
    await figures.scrollIntoViewIfNeeded();
    await screenshot(board, 'ratings-figures-defaults-item');
    const bad = board.getByRole('table', { name: '差评', exact: true });
    await bad.getByRole('cell', { name: '企业设立登记' }).waitFor();
    await bad.scrollIntoViewIfNeeded();
    await screenshot(board, 'ratings-bad-list-item');

    const english = await openFace(
      browser,
      `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`,
      { width: 1600, height: 1000 },
      'en-US',
    );
    await english.getByRole('tab', { name: 'Ratings' }).click();
    const en = english.getByRole('region', { name: 'Rating figures' });
    await en.getByRole('combobox', { name: 'By' }).selectOption({ label: 'Catalog item' });
    const enTable = en.getByRole('table', { name: 'Rating figures table' });
    await enTable.getByRole('columnheader', { name: 'Satisfaction with defaults' }).waitFor();
    await enTable.getByRole('columnheader', { name: 'Default ratings', exact: true }).waitFor();
    await enTable.getByRole('row', { name: /^Not given/ }).waitFor();
    const headers = (await enTable.getByRole('columnheader').allTextContents()).join(' ');
    expect(headers).not.toMatch(/[\u3400-\u9fff]/);
    await en.scrollIntoViewIfNeeded();
    await screenshot(english, 'ratings-figures-defaults-item-en');
    await english.getByRole('table', { name: 'Bad ratings', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(english, 'ratings-bad-list-item-en');

    // The rule is the hall's setting, switched off from the board: the defaults' columns go with it.
    const settings = board.getByRole('form', { name: '评价码与公示设置' });
    await settings.getByRole('spinbutton', { name: '未评价默认“基本满意”的天数（0 为不默认）' }).fill('0');
    await settings.getByRole('button', { name: '保存设置' }).click();
    await board.getByRole('status').getByText('设置已保存').waitFor();
    expect(JSON.parse(hub.store.all('halls')[0]!.rating_settings)).toMatchObject({ defaultAfterDays: 0 });
    await figures.getByRole('button', { name: '刷新' }).click();
    await table.getByRole('columnheader', { name: '满意率（含默认评价）' }).waitFor({ state: 'detached' });
    expect(await table.getByRole('columnheader', { name: '默认评价', exact: true }).count()).toBe(0);
  });
});
