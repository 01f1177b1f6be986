import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import type { Answer, CommandPayload } from '../../shared/protocol';
import { isBad } from '../../shared/ratings/rules';
import { actors, ok } from '../support/actors';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { callerOf, demoHub, hallMorningClock, manualClock, opId, terminal } from '../support/hub';
import { chineseOnPage, hallData } from '../support/walkHall';

const BOARD = { width: 1600, height: 1000 };

/**
 * A morning at counter 1: services rated plainly, then the classic abuse, 非常满意 pressed on the
 * evaluator every two seconds, a rating within a second of the prompt (a 差评 among them), and one
 * given after the clerk had left.
 */
async function morning() {
  const clock = manualClock(hallMorningClock()());
  const hub = await demoHub({ clock });
  const { kiosk, clerk } = actors(hub);
  const evaluate = (payload: CommandPayload<'rating.submit'>) =>
    ok(hub.execute(callerOf(terminal(hub, 'evaluator')), { opId: opId(), type: 'rating.submit', payload }) as Answer);
  /** Serves one ticket, rated `after` ms after the prompt; the next service starts `gap` ms later. */
  const rate = (level: number, after: number, gap = 60_000) => {
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
    const { ticket } = ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] })) as {
      ticket: { id: string };
    };
    const requestId = hub.store.where('rating_requests', 'ticket_id = ?', ticket.id)[0]!.id;
    clock.advance(after);
    evaluate({ requestId, level, subScores: {}, reasons: isBad(level) ? ['slow'] : [], comment: '' });
    clock.advance(gap);
    return requestId;
  };
  ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
  for (const level of [5, 4, 3, 5]) rate(level, 8_000);
  // Six 5s two seconds apart: from the third on, a burst.
  const burst = [0, 1, 2, 3, 4, 5].map(() => rate(5, 2_000, 0));
  clock.advance(60_000);
  rate(5, 300);
  rate(2, 500);
  // The clerk leaves before the applicant rates.
  ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
  ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
  ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
  ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] }));
  const away = hub.store.where('rating_requests', "status = 'pending'")[0]!.id;
  clock.advance(3_000);
  ok(clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
  clock.advance(3_000);
  evaluate({ requestId: away, level: 4, subScores: {}, reasons: [], comment: '' });
  return { hub, clock, burst, flagged: () => hub.store.all('ratings').filter((g) => g.flags !== '') };
}

const board = (hub: Hub, locale?: string) =>
  launchBrowser().then((b) => openFace(b, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, BOARD, locale));

describe('flagged ratings on the 好差评 tab, in Chromium', () => {
  it('the manager sees a burst of flagged 5s, with the flags in words, and excludes one from the figures by keyboard', async () => {
    const { hub, burst, flagged } = await morning();
    const flags = flagged();
    expect(
      flags
        .filter((g) => g.flags.includes('burst'))
        .map((g) => g.id)
        .sort(),
    ).toEqual(burst.slice(2).sort());
    const page = await board(hub);
    await page.getByRole('tab', { name: '好差评' }).click();
    const section = page.getByRole('region', { name: '待复核评价' });
    const table = section.getByRole('table', { name: '待复核评价' });
    await section.getByText(`共 ${flags.length} 条被标记的评价，${flags.length} 条待复核`).waitFor();
    // A header row and one row per flagged rating, newest first: the one rated once the clerk had left, then the 差评 within a second.
    expect(await table.getByRole('row').count()).toBe(1 + flags.length);
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/满意.*评价时被评人员已不在窗口/);
    expect(await table.getByRole('row').nth(2).textContent()).toMatch(/不满意.*提示后一秒内作答/);
    const burstRows = table.getByRole('row').filter({ hasText: '同一设备短时连评' });
    expect(await burstRows.count()).toBe(4);
    expect(await burstRows.first().textContent()).toMatch(/非常满意.*1号窗口.*王晓明.*企业开办.*同一设备短时连评.*待复核/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-flagged-ratings');

    // Satisfied before: every 5 counts.
    const active = () => hub.store.all('ratings').filter((g) => g.excluded === 0).length;
    const before = active();
    // By keyboard: the row's review button, the note, the exclusion.
    const open = burstRows.first().getByRole('button', { name: /^复核 .*1号窗口的评价$/ });
    await open.focus();
    await page.keyboard.press('Enter');
    const form = section.getByRole('form', { name: '复核评价' });
    await form.getByRole('textbox', { name: '复核意见' }).fill('同一设备两秒一评，调阅录像为窗口人员代按');
    await screenshot(page, 'manager-flagged-review');
    await form.getByRole('button', { name: '排除，不计入统计' }).focus();
    await page.keyboard.press('Enter');
    await section.getByText(/^已排除，不计入统计（系统管理员，.*）：同一设备两秒一评，调阅录像为窗口人员代按$/).waitFor();
    await section.getByText(`共 ${flags.length} 条被标记的评价，${flags.length - 1} 条待复核`).waitFor();
    const excluded = hub.store.all('ratings').filter((g) => g.excluded === 1);
    expect(excluded).toHaveLength(1);
    expect(burst).toContain(excluded[0]!.id);
    expect(excluded[0]).toMatchObject({ level: 5, flags: 'burst' });
    expect(active()).toBe(before - 1);
    // The tab's figures follow at once: one active rating less.
    await page
      .getByLabel('全厅', { exact: true })
      .getByText(`主动评价 ${before - 1} 次`, { exact: false })
      .waitFor();
    // …and so do the 好差评指标: 满意率 over one active rating less.
    const satisfied = hub.store.all('ratings').filter((g) => g.excluded === 0 && g.level >= 3).length;
    await page
      .getByRole('region', { name: '好差评指标' })
      .getByRole('table', { name: '好差评指标表' })
      .getByText(`（${satisfied}/${before - 1}）`)
      .first()
      .waitFor();
    await screenshot(page, 'manager-flagged-reviewed');

    // A 差评 offers no exclusion here: its follow-up's appeal is the way.
    await table
      .getByRole('row')
      .nth(2)
      .getByRole('button', { name: /^复核 / })
      .click();
    await section.getByText('差评如属误评或恶意差评，请在“差评与投诉跟进”中申诉复核后排除').waitFor();
    expect(await form.getByRole('button', { name: '排除，不计入统计' }).count()).toBe(0);
    // A refusal is worded: the rating was reviewed meanwhile at another board.
    const bad = flags.find((g) => isBad(g.level))!;
    ok(actors(hub).manager('rating.review', { ratingId: bad.id, decision: 'stands', note: '另一台管理电脑已复核' }));
    await form.getByRole('textbox', { name: '复核意见' }).fill('核查无误');
    await form.getByRole('button', { name: '核查无误，保留' }).click();
    await form.getByRole('alert').getByText('此评价已复核过').waitFor();
  });

  it('in English: the flags, the review and its result in English words, nothing Chinese but the hall’s data', async () => {
    const { hub } = await morning();
    const page = await board(hub, 'en-US');
    await page.getByRole('tab', { name: 'Ratings' }).click();
    const section = page.getByRole('region', { name: 'Flagged ratings' });
    const rows = section.getByRole('table', { name: 'Flagged ratings' }).getByRole('row');
    await rows.filter({ hasText: 'Burst from one device' }).first().waitFor();
    await rows
      .filter({ hasText: 'Burst from one device' })
      .first()
      .getByRole('button', { name: /^Review the rating of .* at 1号窗口$/ })
      .click();
    const form = section.getByRole('form', { name: 'Review a rating' });
    await form.getByRole('textbox', { name: 'Review note' }).fill('Pressed by staff, seen on video');
    await form.getByRole('button', { name: 'Exclude from the figures' }).click();
    await section.getByText(/^Excluded: not counted \(.*\): Pressed by staff, seen on video$/).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-flagged-ratings-en');
    expect(await section.innerText()).toContain('Waiting for review');
    expect(await chineseOnPage(page, hallData(hub))).toEqual([]);
  });
});
