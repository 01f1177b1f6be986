import { describe, expect, it } from 'vitest';
import { actors, ok } from '../support/actors';
import { demoHub, hallMorningClock, manualClock, terminal } from '../support/hub';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { serveAtCounter1 } from '../support/ratings';
import { requestStatus } from '../../shared/ratings/rules';

describe('the window’s evaluator, in Chromium at tablet size', () => {
  it('shows the clerk’s card; when the clerk finishes it asks, takes a 差评 with its reason once, and thanks', async () => {
    const hub = await demoHub({ clock: manualClock(hallMorningClock()()) });
    const { clerk } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const browser = await launchBrowser();
    const page = await openFace(browser, `${hub.url}/#/evaluator?token=${terminal(hub, 'evaluator').token}`, { width: 1280, height: 800 });
    const idle = page.getByRole('main', { name: '本窗口' });
    await idle.getByText('王工 001').waitFor();
    // The card shows the clerk's public 工号 too (DOMAIN.md "Evaluation": photo, 工号 and name), never the login.
    await idle.getByText('工号 3301001').waitFor();
    await screenshot(page, 'evaluator-idle');
    // The evaluator holds nothing of the applicant: no ticket, no case, no staff rows.
    const held = hub.snapshot(terminal(hub, 'evaluator').id).tables;
    expect(Object.keys(held).filter((t) => ['cases', 'staff', 'ratings', 'inquiries'].includes(t))).toEqual([]);

    serveAtCounter1(hub);
    const prompt = page.getByRole('main', { name: '服务评价' });
    await prompt.getByText('请您对本次服务作出评价').waitFor();
    await prompt.getByRole('button', { name: '不满意', exact: true }).click();
    const send = prompt.getByRole('button', { name: '提交评价' });
    expect(await send.isDisabled()).toBe(true); // a 差评 names its reason first
    await prompt.getByRole('group', { name: '服务态度' }).getByRole('button', { name: '服务态度 不满意' }).click();
    await prompt.getByRole('button', { name: '办理时间长' }).click();
    await screenshot(page, 'evaluator-bad');
    await send.click();
    await page.getByRole('status').getByText('感谢您的评价！').waitFor();
    const [rating] = hub.store.all('ratings');
    expect(rating).toMatchObject({ level: 2, reasons: 'slow', attitude: 2, efficiency: null });

    // The manager sees it at once on the 好差评 tab, with the figures beside their counts.
    const board = await openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    await board.getByRole('tab', { name: '好差评' }).click();
    const bad = board.getByRole('table', { name: '差评' });
    await bad.getByRole('cell', { name: '办理时间长' }).waitFor();
    expect(await bad.getByRole('row').nth(1).textContent()).toContain('王晓明');
    const groups = board.getByRole('table', { name: '分组统计' });
    expect(await groups.getByRole('row').nth(1).textContent()).toBe(
      '市场监督管理局1100.0%（1） （样本少）0.0%（1） （样本少）1100.0%（1） （样本少）',
    );
    await screenshot(board, 'manager-ratings');

    // The 差评's follow-up, worked on the same tab: verified, fixed, called back, closed.
    const followups = board.getByRole('region', { name: '差评与投诉跟进' });
    const work = async (step: string, note: string) => {
      const form = followups.getByRole('form', { name: step });
      await form.getByRole('textbox', { name: '情况说明' }).fill(note);
      await form.getByRole('button', { name: step }).click();
    };
    await followups.getByRole('button', { name: /^处理 / }).click();
    await work('核实', '调取录像，情况属实');
    await followups.getByRole('cell', { name: '待整改' }).waitFor();
    await followups.getByRole('button', { name: /^处理 / }).click();
    await work('整改', '已对窗口人员批评教育');
    await followups.getByRole('button', { name: /^处理 / }).click();
    const callback = followups.getByRole('form', { name: '回访' });
    await callback.getByRole('textbox', { name: '回访情况' }).fill('申请人表示认可');
    await screenshot(board, 'manager-followup');
    await callback.getByRole('button', { name: '记录回访' }).click();
    await followups.getByRole('button', { name: /^处理 / }).click();
    await work('办结', '办结');
    await followups.getByText('没有待办的差评或投诉跟进').waitFor();
    expect(hub.store.all('followups')[0]).toMatchObject({ status: 'closed', callback_method: 'phone', callback_satisfied: 1 });
  });
  it('chimes when it asks, in large type; left alone, the prompt counts down to idle and the service counts unrated', async () => {
    const clock = manualClock(hallMorningClock()());
    const hub = await demoHub({ clock });
    const { clerk } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    const browser = await launchBrowser();
    const page = await openFace(
      browser,
      `${hub.url}/#/evaluator?token=${terminal(hub, 'evaluator').token}`,
      { width: 1280, height: 800 },
      'zh-CN',
      async (p) => {
        // The tones the page starts, heard through a spy on Web Audio; the page's timers on a clock the test moves.
        await p.addInitScript(() => {
          const tones: number[] = [];
          (window as unknown as { tones: number[] }).tones = tones;
          const create = AudioContext.prototype.createOscillator;
          AudioContext.prototype.createOscillator = function (this: AudioContext) {
            const tone = create.call(this);
            const start = tone.start.bind(tone);
            tone.start = (when?: number) => (tones.push(tone.frequency.value), start(when));
            return tone;
          };
        });
        await p.clock.install();
      },
    );
    await page.getByRole('main', { name: '本窗口' }).getByText('王工 001').waitFor();
    expect(await page.evaluate(() => (window as unknown as { tones: number[] }).tones)).toEqual([]);

    serveAtCounter1(hub);
    const prompt = page.getByRole('main', { name: '服务评价' });
    await prompt.getByText('请您对本次服务作出评价').waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { tones: number[] }).tones)).toEqual([660, 880]);
    // Large type for an elderly applicant: the five levels in letters of 28 px or more, every other
    // button in 22 px or more and 48 px high at least.
    const sizes = await prompt
      .getByRole('button', { name: /^(非常满意|满意|基本满意|不满意|非常不满意)$/ })
      .evaluateAll((buttons) => buttons.map((b) => parseFloat(getComputedStyle(b).fontSize)));
    expect(sizes).toHaveLength(5);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(28);
    await prompt.getByRole('button', { name: '不满意', exact: true }).click(); // shows the sub-scores and reasons, sends nothing
    const others = await prompt
      .getByRole('button', { name: /^(不评价|服务效率 .+|办理时间长|其他)$/ })
      .evaluateAll((buttons) => buttons.map((b) => [parseFloat(getComputedStyle(b).fontSize), b.getBoundingClientRect().height]));
    expect(others).toHaveLength(8);
    for (const [size, height] of others) expect([size! >= 22, height! >= 48]).toEqual([true, true]);

    // Nobody rates: a minute later the prompt is gone, the card is back, and the hub counts the service unrated.
    await page.clock.fastForward(61_000);
    clock.advance(61_000);
    await page.getByRole('main', { name: '本窗口' }).getByText('王工 001').waitFor();
    expect(await prompt.count()).toBe(0);
    const [request] = hub.store.all('rating_requests');
    expect(requestStatus.ts(request!, clock())).toBe('unrated');
    expect(await page.evaluate(() => (window as unknown as { tones: number[] }).tones)).toEqual([660, 880]);
  });
});
