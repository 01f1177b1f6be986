import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/rules';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, manualClock, signInManager, terminal } from '../support/hub';
import { seedHistory } from '../support/history';

const WIDE = { width: 1600, height: 1000 };

describe('the efficiency archive and the forecast on the faces', () => {
  it('a manager adds an entry and sees the score; the clerk views their archive and contests it; another manager decides', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    ok(actors(hub).clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const browser = await launchBrowser();
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, WIDE);
    await board.getByRole('tab', { name: '效能档案' }).click();
    await board.getByRole('combobox', { name: '人员' }).selectOption({ label: 'c01 王晓明' });
    const score = board.getByRole('region', { name: '月度评分' });
    await expect.poll(() => score.getByRole('heading').textContent()).toContain('100 分（评分表第 2 版）');
    const form = board.getByRole('form', { name: '新增档案记录' });
    await form.getByRole('combobox', { name: '类别' }).selectOption({ label: '明查暗访' });
    await form.getByRole('combobox', { name: '扣分项' }).selectOption({ label: '离岗 −5' });
    await form.getByRole('textbox', { name: '内容' }).fill('暗访：10:20 离岗 15 分钟');
    await form.getByRole('button', { name: '保存记录' }).click();
    await expect.poll(() => score.getByRole('heading').textContent()).toContain('95 分（评分表第 2 版）');
    const entries = board.getByRole('table', { name: '档案记录' });
    await entries.getByRole('cell', { name: '暗访：10:20 离岗 15 分钟' }).waitFor();
    await entries.getByRole('cell', { name: '系统管理员' }).waitFor();
    await board.getByRole('button', { name: '发布本月评分' }).click();
    await board.getByRole('status').getByText('已按第 2 版评分表为 16 人评分').waitFor();
    await board
      .getByRole('table', { name: '市场监督管理局' })
      .getByRole('row', { name: /王晓明/ })
      .getByRole('cell', { name: '95' })
      .waitFor();
    await screenshot(board, 'archive-board-zh');

    const clerk = await openFace(browser, `${hub.url}/#/clerk?token=${terminal(hub, 'clerk', 0).token}`, WIDE);
    await clerk.getByRole('tab', { name: '我的档案' }).click();
    const mine = clerk.getByRole('region', { name: '我的档案' });
    await mine.getByRole('cell', { name: '暗访：10:20 离岗 15 分钟' }).waitFor();
    await mine.getByRole('button', { name: '对 2026-11-25 的记录提出异议' }).click();
    const contest = mine.getByRole('form', { name: '对 2026-11-25 的记录提出异议' });
    await contest.getByRole('textbox', { name: '异议理由' }).fill('当时按科长安排去档案室调取材料');
    await contest.getByRole('button', { name: '提交异议' }).click();
    await mine.getByText('异议待处理').waitFor();
    expect(await mine.getByRole('button', { name: /提出异议/ }).count()).toBe(0);
    await screenshot(clerk, 'archive-clerk-zh');

    // Another manager decides (the board's administrator did not contest); upheld, the points come back.
    await board.getByRole('button', { name: '刷新' }).first().click();
    const decide = board.getByRole('form', { name: '处理 2026-11-25 的异议' });
    await decide.getByRole('textbox', { name: '处理意见' }).fill('经核实确为科长安排');
    await decide.getByRole('button', { name: '异议成立' }).click();
    await expect.poll(() => score.getByRole('heading').textContent()).toContain('100 分');
    await board.getByText('异议成立（不计分）').waitFor();
    expect(hub.store.all('archive_entries')[0]).toMatchObject({ contest: 'upheld', decided_by: 'H3301-u-admin' });
  });

  it('the forecast screen for a chosen day: arrivals per service and hour, counters needed beside those able', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const days: string[] = [];
    for (let d = '2026-10-12'; d < '2026-11-25'; d = addDays(d, 1))
      if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) days.push(d);
    // A busy Monday morning for 企业开办 (A) and a steady afternoon for 不动产登记 (G).
    seedHistory(
      hub.store.db,
      days,
      ['A', 'G'],
      (d, p, h) => {
        const monday = new Date(`${d}T00:00:00Z`).getUTCDay() === 1;
        if (p === 'A') return h >= 9 && h <= 11 ? (monday ? 24 : 8) : h >= 14 && h <= 16 ? 6 : 0;
        return h >= 9 && h <= 16 && h !== 12 ? 5 : 0;
      },
      15,
    );
    const browser = await launchBrowser();
    for (const [locale, tab, day, hour] of [
      ['zh-CN', '客流预测', '日期', '10时'],
      ['en-US', 'Forecast', 'Day', '10:00'],
    ] as const) {
      signInManager(hub);
      const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, WIDE, locale);
      await board.getByRole('tab', { name: tab }).click();
      await board.getByLabel(day, { exact: true }).fill('2026-11-30');
      const table = board.getByRole('table', {
        name: locale === 'zh-CN' ? '按事项、按小时的预计到访人数与所需窗口数' : /Expected arrivals/,
      });
      const a = table.getByRole('row', { name: /企业开办/ });
      await a.waitFor();
      // 24 an hour at 15 minutes each (6 Erlangs) on the Mondays: more counters than the 3 able to take it.
      const hours = await table.getByRole('columnheader').allTextContents();
      const at10 = a.getByRole('cell').nth(hours.indexOf(hour) - 1);
      await expect.poll(() => at10.textContent()).toMatch(/^24\.0/);
      expect(await at10.locator('.forecast-over').count()).toBe(1);
      await board
        .getByText(locale === 'zh-CN' ? '依据：此前 7 个相同星期的工作日' : 'From the 7 previous working days on the same weekday')
        .waitFor();
      await screenshot(board, `forecast-${locale}`);
    }
  });
});
