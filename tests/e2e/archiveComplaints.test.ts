import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../shared/archive/rules';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, manualClock, terminal } from '../support/hub';

const WIDE = { width: 1600, height: 1000 };

describe('complaints in the efficiency archive on the board', () => {
  it('a substantiated complaint shows in the facts, as a deduction, in the department line and on the score sheet (zh-CN and English)', async () => {
    const hub = await demoHub({ clock: manualClock(Date.parse('2026-11-25T01:00:00Z')) });
    const { manager } = actors(hub);
    const { followup } = ok(
      manager('complaint.record', {
        channel: 'hotline',
        subject: 'staff',
        subjectId: 'H3301-u-1',
        content: '办事拖沓',
        receivedDay: '2026-11-20',
        contact: null,
      }),
    ) as { followup: { id: string } };
    ok(manager('followup.step', { followupId: followup.id, step: 'verify', note: '调取录像' }));
    ok(manager('followup.step', { followupId: followup.id, step: 'fix', note: '已处理' }));
    ok(manager('followup.callback', { followupId: followup.id, day: '2026-11-25', method: 'phone', outcome: '已答复', satisfied: true }));
    ok(manager('followup.step', { followupId: followup.id, step: 'close', note: '办结', substantiated: true }));
    ok(manager('archive.scoreMonth', { month: '2026-11' }));

    const browser = await launchBrowser();
    for (const locale of ['zh-CN', 'en'] as const) {
      const zh = locale === 'zh-CN';
      const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, WIDE, locale);
      await board.getByRole('tab', { name: zh ? '效能档案' : 'Staff archive' }).click();
      await board.getByRole('combobox', { name: zh ? '人员' : 'Staff member' }).selectOption({ label: 'c01 王晓明' });
      const score = board.getByRole('region', { name: zh ? '月度评分' : 'Monthly score' });
      await expect.poll(() => score.getByRole('heading').textContent()).toContain('95');
      await score
        .getByRole('table', { name: zh ? '扣分明细' : 'Deductions' })
        .getByRole('rowheader', { name: zh ? '投诉属实' : 'Substantiated complaint' })
        .waitFor();
      const facts = board.getByRole('region', { name: zh ? '系统记录' : 'Recorded facts' });
      await facts.getByText(zh ? '效能投诉（属实 / 收到）' : 'Complaints (substantiated / received)').waitFor();
      await board
        .getByText(zh ? '效能投诉 1 件（属实 1 件）' : 'complaints: 1 (1 substantiated)')
        .first()
        .waitFor();
      await board.getByRole('spinbutton', { name: zh ? '每次投诉属实扣分' : 'Substantiated complaint: points each' }).waitFor();
      await screenshot(board, `archive-complaints-${locale}`);
      await board.getByRole('region', { name: zh ? '评分表' : 'Score sheet' }).scrollIntoViewIfNeeded();
      await screenshot(board, `archive-complaints-sheet-${locale}`);
      if (!zh) expect(await board.locator('body').innerText()).not.toMatch(/投诉|属实|效能/);
      if (!zh) {
        // Another administrator saves a new version meanwhile: the open sheet shows it, not the old one.
        const complaintPoints = board.getByRole('spinbutton', { name: 'Substantiated complaint: points each' });
        expect(await complaintPoints.inputValue()).toBe('5');
        const facts = DEFAULT_RULES.facts.map((f) => (f.fact === 'complaints' ? { ...f, points: 7 } : f));
        ok(manager('archive.setRules', { rules: { ...DEFAULT_RULES, facts } }));
        await expect.poll(() => complaintPoints.inputValue()).toBe('7');
      }
      await board.context().close();
    }
  }, 120_000);
});
