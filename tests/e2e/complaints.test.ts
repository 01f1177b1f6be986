import { describe, expect, it } from 'vitest';
import type { Row } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { newCase } from '../support/cases';
import { callerOf, demoHub, manualClock, opId, signInManager, terminal } from '../support/hub';

/**
 * Issue 13, items 5–7 on screen: a 差评's follow-up goes to the department head with the case's
 * phone masked, the manager reveals it and reassigns; a complaint is recorded from the keyboard;
 * the figures show by clerk with their counts; the clerk sees their own month and follow-ups.
 */
describe('follow-up assignment, complaints and figures in Chromium', () => {
  it('works the board’s follow-ups and complaints, shows the figures, and the clerk’s own ratings', async () => {
    const clock = manualClock(Date.parse('2026-11-25T02:00:00Z'));
    const hub = await demoHub({ clock });
    const { kiosk, clerk, manager } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    // Two services at counter 1: a 5 and a 差评 (with a case, so with a phone).
    for (const level of [5, 2]) {
      const { ticket } = ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null })) as {
        ticket: Row<'tickets'>;
      };
      ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
      ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
      if (level === 2) ok(clerk(0)('case.register', newCase({ at: clock(), ticketId: ticket.id })));
      ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] }));
      const request = hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!;
      const rated = hub.execute(callerOf(terminal(hub, 'evaluator')), {
        opId: opId(),
        type: 'rating.submit',
        payload: { requestId: request.id, level, subScores: {}, reasons: level === 2 ? ['slow'] : [], comment: '' },
      });
      expect(rated).toMatchObject({ ok: true });
    }
    const head = hub.store.get('staff', 'H3301-u-3')!.name;
    const c02 = hub.store.get('staff', 'H3301-u-2')!.name;
    const c01 = hub.store.get('staff', 'H3301-u-1')!.name;

    const browser = await launchBrowser();
    signInManager(hub);
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    await board.getByRole('tab', { name: '好差评' }).click();
    const followups = board.getByRole('region', { name: '差评与投诉跟进' });
    const row = followups.getByRole('row').nth(1);
    await row.getByRole('cell', { name: head }).waitFor();
    expect(await row.textContent()).toContain('差评');
    await followups.getByRole('button', { name: /^处理 / }).click();
    await followups.getByText('138****8000').waitFor();
    await followups.getByRole('button', { name: '查看 138****8000 的完整号码' }).click();
    await followups.getByText('13800138000').waitFor();
    expect(hub.db.prepare("SELECT count(*) FROM audit WHERE type = 'followup.revealPhone' AND outcome = 'ok'").pluck().get()).toBe(1);
    const assign = followups.getByRole('form', { name: '改派' });
    await assign.getByRole('combobox', { name: '改派给' }).selectOption({ label: c02 });
    await assign.getByRole('button', { name: '改派' }).click();
    await row.getByRole('cell', { name: c02 }).waitFor();

    // A complaint, from the keyboard alone: each field reached with Tab, sent with Enter.
    const form = board.getByRole('form', { name: '登记投诉' });
    await form.getByRole('combobox', { name: '来源' }).focus();
    await board.keyboard.press('ArrowDown'); // 意见箱
    await board.keyboard.press('Tab');
    await board.keyboard.press('ArrowDown'); // 窗口
    await board.keyboard.press('ArrowDown'); // 工作人员
    await expect.poll(() => form.getByRole('combobox', { name: '投诉对象类别' }).inputValue()).toBe('staff');
    await form.getByRole('combobox', { name: '投诉对象', exact: true }).selectOption({ label: c01 });
    await form.getByRole('textbox', { name: '联系电话（可不填）' }).fill('139 1234 5678');
    await form.getByRole('textbox', { name: '投诉内容' }).fill('窗口人员办事拖沓，让我跑了三趟');
    await form.getByRole('button', { name: '登记投诉' }).focus();
    await board.keyboard.press('Enter');
    await board.getByRole('status').getByText('投诉已登记，已转承办人跟进').waitFor();
    const complaints = board.getByRole('table', { name: '投诉记录' });
    const complaint = complaints.getByRole('row').nth(1);
    await complaint.getByRole('cell', { name: '139****5678' }).waitFor();
    expect(await complaint.textContent()).toContain('意见箱');
    expect(await complaint.textContent()).toContain(head); // the head of c01's department works it
    expect(hub.store.all('complaints')).toMatchObject([{ channel: 'mailbox', subject: 'staff', staff_id: 'H3301-u-1' }]);

    // The figures by clerk: c01 has 2 services, both rated, 1 of 2 satisfied, 1 差评 needing 整改, 1 complaint.
    const figures = board.getByRole('region', { name: '好差评指标' });
    await figures.getByRole('combobox', { name: '维度' }).selectOption('staff');
    const table = figures.getByRole('table', { name: '好差评指标表' });
    const line = table.getByRole('row', { name: new RegExp(`^${c01}`) });
    await expect.poll(() => line.textContent()).toContain('50.0%（1/2）');
    expect(await line.textContent()).toContain('100.0%（2/2）');
    expect(await line.textContent()).toContain('0.0%（0/1）');
    expect(await line.textContent()).toContain('1（0）');
    await figures.getByRole('combobox', { name: '周期' }).selectOption('day');
    await table.getByRole('cell', { name: '2026-11-25' }).first().waitFor();
    await figures.getByRole('combobox', { name: '周期' }).selectOption('whole');
    await figures.scrollIntoViewIfNeeded();
    await screenshot(board, 'ratings-board-complaints-figures');
    await board.getByRole('region', { name: '差评与投诉跟进' }).scrollIntoViewIfNeeded();
    await screenshot(board, 'ratings-board-followups');

    // The clerk's own month and open follow-ups: about them, never who rated or complained.
    const desk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`, { width: 1600, height: 1000 });
    await desk.getByRole('tab', { name: '我的评价' }).click();
    const mine = desk.getByRole('region', { name: '我的评价' });
    await mine.getByText('满意率：').waitFor();
    await expect.poll(() => mine.textContent()).toContain('50.0%（1/2）');
    const levels = mine.getByRole('table', { name: '各级评价次数' });
    expect(await levels.getByRole('row', { name: /^非常满意/ }).textContent()).toBe('非常满意1');
    expect(await levels.getByRole('row', { name: /^不满意/ }).textContent()).toBe('不满意1');
    const open = mine.getByRole('table', { name: '待办跟进' });
    await expect.poll(() => open.getByRole('row').count()).toBe(3);
    const text = (await mine.textContent()) ?? '';
    for (const secret of ['138****8000', '139****5678', '拖沓', '张三']) expect(text).not.toContain(secret);
    await screenshot(desk, 'clerk-my-ratings');
    ok(manager('session.signOut', {}));
  });
});
