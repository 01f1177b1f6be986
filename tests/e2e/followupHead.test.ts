import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, manualClock, terminal } from '../support/hub';
import { badRating } from '../support/ratings';
import { chineseOnPage, hallData } from '../support/walkHall';

const HEAD = 'H3301-u-3'; // c03, head of 市场监管, signed in at counter 3

/**
 * Issue 13 item 5 at the counter: the department head, a clerk, works the follow-up of a 差评 about
 * one of their clerks from 我的评价 — 核实, 整改, the 回访 record, 办结 — from the keyboard; a
 * complaint about the head themselves is only shown. The same forms in English say nothing in Chinese.
 */
describe('the department head works follow-ups at their counter, in Chromium', () => {
  it('works a 差评’s follow-up to 办结 with a callback; the one about them stays read-only', async () => {
    const clock = manualClock(Date.parse('2026-11-25T02:00:00Z'));
    const hub = await demoHub({ clock });
    const { clerk, manager } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
    ok(clerk(2)('counter.signIn', { counterId: 'H3301-c-03', login: 'c03', password: DEMO_PASSWORD }));
    const f = badRating(hub, clock, true); // about c01, assigned to the head, with the case's phone
    const complaint = (subjectId: string) =>
      ok(
        manager('complaint.record', {
          channel: 'hotline',
          subject: 'staff',
          subjectId,
          content: '办事拖沓',
          receivedDay: '2026-11-25',
          contact: null,
        }),
      ).followup as { id: string; assignee_id: string };
    expect(complaint('H3301-u-3').assignee_id).toBe('H3301-u-mgr'); // about the head: a manager works it
    const aboutC01 = complaint('H3301-u-1');
    expect(aboutC01.assignee_id).toBe(HEAD);

    const browser = await launchBrowser();
    const desk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 2).token}`, { width: 1600, height: 1000 });
    await desk.getByRole('tab', { name: '我的评价' }).click();
    const open = desk.getByRole('table', { name: '待办跟进' });
    await expect.poll(() => open.getByRole('row').count()).toBe(4);
    const about = open.getByRole('row').filter({ hasText: '对我的' });
    expect(await about.getByRole('button').count()).toBe(0); // no work forms, no phone
    expect(await about.textContent()).not.toMatch(/\*{4}/);

    // From the keyboard: the row's button, the note, Tab to the step's button, Enter.
    const rated = open.getByRole('row').filter({ hasText: '差评' });
    await rated.getByRole('button', { name: '处理 2026-11-25 的差评' }).focus();
    await desk.keyboard.press('Enter');
    const step = async (name: string, note: string) => {
      const form = open.getByRole('form', { name });
      await form.getByRole('textbox', { name: '情况说明' }).focus();
      await desk.keyboard.type(note);
      await desk.keyboard.press('Tab');
      await desk.keyboard.press('Enter');
    };
    // The work area holds the callback phone, masked, as on the board.
    await open.getByText('138****8000').waitFor();
    await step('核实', '调取录像，情况属实');
    await rated.getByRole('cell', { name: '待整改' }).waitFor();
    await step('整改', '已对窗口人员批评教育');
    const callback = open.getByRole('form', { name: '回访' });
    expect(await callback.getByLabel('回访日期').inputValue()).toBe('2026-11-25');
    await callback.getByRole('combobox', { name: '回访方式' }).selectOption({ label: '上门' });
    await callback.getByRole('textbox', { name: '回访情况' }).fill('申请人表示认可');
    expect(await callback.getByRole('checkbox', { name: '申请人对处理结果满意' }).isChecked()).toBe(true);
    await desk.getByRole('region', { name: '我的评价' }).scrollIntoViewIfNeeded();
    await screenshot(desk, 'clerk-head-followup-callback');
    await callback.getByRole('textbox', { name: '回访情况' }).press('Enter');
    await rated.getByRole('cell', { name: '待办结' }).waitFor();
    await step('办结', '办结');
    await expect.poll(() => open.getByRole('row').count()).toBe(3);

    expect(hub.store.get('followups', f.id)).toMatchObject({
      status: 'closed',
      callback_day: '2026-11-25',
      callback_method: 'visit',
      callback_outcome: '申请人表示认可',
      callback_satisfied: 1,
    });
    const steps = hub.store.where('followup_events', 'followup_id = ? AND staff_id IS NOT NULL', f.id);
    expect(steps.map((e) => [e.action, e.staff_id]).sort()).toEqual(
      [
        ['callback', HEAD],
        ['close', HEAD],
        ['fix', HEAD],
        ['verify', HEAD],
      ].sort(),
    );

    // The same forms in English: nothing in Chinese but the hall's own data.
    const english = await openFace(
      browser,
      `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 2).token}`,
      { width: 1600, height: 1000 },
      'en-US',
    );
    await english.getByRole('tab', { name: 'My ratings' }).click();
    const list = english.getByRole('table', { name: 'Open follow-ups' });
    await list.getByRole('button', { name: 'Work on the complaint of 2026-11-25' }).click();
    const verify = list.getByRole('form', { name: 'Verified' });
    await verify.getByRole('textbox', { name: 'What was found or done' }).fill('Checked the recording');
    expect(await chineseOnPage(english, hallData(hub))).toEqual([]);
    await screenshot(english, 'clerk-head-followup-en');
    await verify.getByRole('button', { name: 'Verified' }).click();
    await list.getByRole('cell', { name: 'To fix' }).waitFor();
    expect(await chineseOnPage(english, hallData(hub))).toEqual([]);
    expect(hub.store.get('followups', aboutC01.id)).toMatchObject({ status: 'verified' });
  });
});
