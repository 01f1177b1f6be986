import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { defaultTerminalConfig } from '../../shared/terminals/config';
import { launchBrowser, openFace, screenshot } from '../support/browser';
import { demoHub, hallMorningClock, manualClock, terminal } from '../support/hub';
import { openBookingPage } from '../support/bookingPages';
import { busyHall, chineseOnPage, hallData } from '../support/walkHall';

/**
 * Complete English (issue 12, item 10): every face, in a browser whose language is English, shows
 * no Chinese but the hall's own data — its name, departments, services, counters, staff, catalog
 * items, the notice, what people typed — and what is Chinese on purpose, marked `lang="zh…"` (the
 * official notices, the switch back to 中文).
 *
 * To walk a new screen, add a stop to WALK: the face it is on, its name, and how to get there from
 * the face's first screen. Every tab of a screen is walked by itself (`tabs`), so a new manager tab
 * needs no stop of its own.
 */

type Face = 'clerk' | 'kiosk' | 'display' | 'manager' | 'evaluator' | 'setup' | 'rate' | 'book' | 'follow';
interface Stop {
  face: Face;
  name: string;
  /** From the face as it opened (the previous stop left it as it was): get to the screen to check. */
  go?: (page: Page) => Promise<void>;
  /** Check each tab of every tab list on the screen, one after the other. */
  tabs?: boolean;
  /** Back to where the next stop expects the face (a dialog closed). */
  leave?: (page: Page) => Promise<void>;
}

const dialog = (page: Page) => page.getByRole('dialog');
const escape = async (page: Page) => {
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
};
const press = (key: string) => async (page: Page) => {
  await page.keyboard.press(key);
  await dialog(page).waitFor();
};

export const WALK: readonly Stop[] = [
  { face: 'setup', name: 'terminal setup (Electron)' },
  {
    face: 'setup',
    name: 'terminal setup: a refused enrollment code',
    go: async (p) => {
      await p.getByRole('radio', { name: /^Networked terminal/ }).check();
      await p.getByRole('textbox', { name: /^Enrollment code/ }).fill('ZZZZ-ZZZZ-ZZZZ');
      await p.getByRole('button', { name: 'Enroll this PC' }).click();
      await p.getByRole('alert').waitFor();
    },
  },
  { face: 'display', name: 'lobby display' },
  { face: 'kiosk', name: 'kiosk: departments' },
  {
    face: 'kiosk',
    name: 'kiosk: a department’s services',
    go: async (p) => p.getByRole('button', { name: '市场监督管理局' }).click(),
  },
  {
    face: 'kiosk',
    name: 'kiosk: a service, priority classes and staff confirmation',
    go: async (p) => {
      await p.getByRole('button', { name: /^企业开办 / }).click();
      await p.getByRole('radio').nth(1).check();
    },
  },
  {
    face: 'kiosk',
    name: 'kiosk: a refused priority ticket',
    go: async (p) => {
      await p.getByRole('textbox').first().fill('nobody');
      await p.getByLabel('Password').fill('wrong-password');
      await p
        .getByRole('button', { name: /ticket/i })
        .last()
        .click();
      await expect
        .poll(() => p.getByRole('alert').textContent())
        .toBe('A priority ticket needs a staff member’s confirmation: wrong staff number or password');
    },
  },
  {
    face: 'kiosk',
    name: 'kiosk: a ticket',
    go: async (p) => {
      await p.getByRole('radio').first().check();
      await p.getByRole('button', { name: 'Take ticket' }).click();
      await p.getByRole('region', { name: 'Queue ticket' }).waitFor();
    },
  },
  { face: 'clerk', name: 'clerk: queue, counter and cases', tabs: true },
  {
    face: 'clerk',
    name: 'clerk: my ratings this month and my open follow-ups',
    go: async (p) => {
      await p.getByRole('tab', { name: 'My ratings' }).click();
      await p.getByRole('table', { name: 'Open follow-ups' }).getByRole('cell', { name: 'Complaint' }).waitFor();
    },
    leave: async (p) => p.getByRole('tab').first().click(), // the screen as it opened, for the next stop
  },
  { face: 'clerk', name: 'clerk: pause reasons (F9)', go: press('F9'), leave: escape },
  { face: 'clerk', name: 'clerk: transfer (F6)', go: press('F6'), leave: escape },
  { face: 'clerk', name: 'clerk: park (F8)', go: press('F8'), leave: escape },
  {
    face: 'clerk',
    name: 'clerk: finish (F5)',
    go: press('F5'),
    leave: async (p) => {
      await dialog(p).getByRole('button', { name: 'Confirm' }).click();
      await dialog(p).waitFor({ state: 'detached' });
    },
  },
  { face: 'clerk', name: 'clerk: call a number (F7)', go: press('F7') },
  {
    face: 'clerk',
    name: 'clerk: a refusal from the hub (call a number nobody holds)',
    go: async (p) => {
      await dialog(p).getByRole('textbox').first().fill('Z999');
      await dialog(p).getByRole('textbox').nth(1).fill('asked for');
      await dialog(p).getByRole('button', { name: 'Confirm' }).click();
      await expect.poll(() => p.getByRole('alert').first().textContent()).toBe('There is no ticket Z999 today');
    },
    leave: escape,
  },
  {
    face: 'clerk',
    name: 'clerk: register a case, a wrong ID number and an empty name',
    go: async (p) => {
      await press('Insert')(p);
      const form = dialog(p).getByRole('form');
      await form.getByRole('textbox', { name: 'ID number' }).fill('110105194912310021');
      await form.getByRole('textbox', { name: 'ID number' }).fill('11010519491231002X');
      await form.getByRole('textbox', { name: 'Phone' }).fill('13800138000');
      await form.getByRole('textbox', { name: 'Name' }).fill('   ');
      await form
        .getByRole('button', { name: /register/i })
        .last()
        .click();
      await form.getByRole('alert').waitFor();
      expect(await form.getByRole('alert').textContent()).toBe('Enter the applicant’s name');
      expect(await form.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
      await form.getByRole('textbox', { name: 'ID number' }).fill('110105194912310021');
    },
    leave: escape,
  },
  {
    face: 'clerk',
    name: 'clerk: a case’s detail and its notices',
    go: async (p) => {
      await p
        .getByRole('list', { name: /My cases/i })
        .getByRole('button')
        .first()
        .click();
    },
  },
  {
    face: 'clerk',
    name: 'clerk: a written notice (its document is Chinese on purpose)',
    go: async (p) => {
      await p.getByRole('button', { name: 'Acceptance notice' }).click();
      await dialog(p).waitFor();
      expect(await dialog(p).getByRole('article').getAttribute('lang')).toBe('zh-CN');
    },
    leave: async (p) => {
      await dialog(p)
        .getByRole('button', { name: /Cancel/ })
        .click();
      await dialog(p).waitFor({ state: 'detached' });
    },
  },
  {
    face: 'clerk',
    name: 'clerk: case search by ID number',
    go: async (p) => {
      await p
        .getByRole('button', { name: /Back|Close/ })
        .first()
        .click();
      await p
        .getByRole('searchbox')
        .or(p.getByRole('textbox', { name: 'Search' }))
        .first()
        .fill('11010519491231002X');
      await p.getByRole('button', { name: 'Search' }).click();
      await p.getByRole('table').waitFor();
    },
  },
  {
    // After the clerk's F5 finish above: the window's evaluator asks for that service's rating.
    face: 'evaluator',
    name: 'evaluator: the rating prompt, a bad rating’s reasons',
    go: async (p) => {
      await p.getByRole('button', { name: 'Dissatisfied', exact: true }).click();
      await p.getByRole('group', { name: /What went wrong/ }).waitFor();
    },
  },
  // The applicant's phone page for rating by QR or code (no terminal): the code, and a refused one.
  { face: 'rate', name: 'phone rating page: the code' },
  {
    face: 'rate',
    name: 'phone rating page: a refused code',
    go: async (p) => {
      await p.getByRole('textbox', { name: /rating code/ }).fill('ABCD-EFGH-JKLM-NPQR');
      await p.getByRole('button', { name: 'Start' }).click();
      await expect.poll(() => p.getByRole('alert').textContent()).toBe('This rating code is not valid here');
    },
  },
  { face: 'manager', name: 'manager: sign-in', go: async (p) => p.getByRole('button', { name: 'Sign in' }).waitFor() },
  {
    face: 'manager',
    name: 'manager: a refused sign-in',
    go: async (p) => {
      await p.getByRole('textbox', { name: 'Staff ID' }).fill('c01');
      await p.getByLabel('Password').fill(DEMO_PASSWORD);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => p.getByRole('alert').textContent()).toBe('Sign-in failed: wrong staff number or password');
    },
  },
  {
    face: 'manager',
    name: 'manager board: every tab',
    go: async (p) => {
      await p.getByRole('textbox', { name: 'Staff ID' }).fill('admin');
      await p.getByLabel('Password').fill(DEMO_PASSWORD);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('tab').first().waitFor();
    },
    tabs: true,
  },
  {
    face: 'manager',
    name: 'manager: a service’s thresholds',
    go: async (p) => {
      const open = p.getByRole('button', { name: /Thresholds$/ }).first();
      await open.click();
      await expect.poll(() => open.getAttribute('aria-expanded')).toBe('true');
    },
  },
  {
    face: 'manager',
    name: 'manager: a complaint’s follow-up, its assignee and callback phone',
    go: async (p) => {
      await p.getByRole('tab', { name: 'Ratings' }).click();
      const followups = p.getByRole('region', { name: 'Follow-ups of bad ratings and complaints' });
      await followups
        .getByRole('button', { name: /^Work on/ })
        .first()
        .click();
      await followups.getByRole('button', { name: /^Show the whole number of / }).click();
      await followups.getByText('13800138000').waitFor();
      await p.getByRole('form', { name: 'Record a complaint' }).getByRole('combobox', { name: 'About a' }).selectOption('case');
    },
  },
  {
    face: 'manager',
    name: 'manager: a clerk’s archive with a contest to decide',
    go: async (p) => {
      await p.getByRole('tab', { name: 'Staff archive' }).click();
      await p.getByRole('combobox', { name: 'Staff member' }).selectOption('H3301-u-1');
      await p.getByRole('form', { name: /^Decide the contest of / }).waitFor();
    },
  },
  {
    face: 'manager',
    name: 'manager: reports, arrivals per hour vs counters open',
    go: async (p) => {
      await p.getByRole('tab', { name: 'Reports' }).click();
      await p.getByRole('combobox', { name: 'Report' }).selectOption('arrivals');
      await p.getByRole('table', { name: 'Arrivals per hour vs counters open table' }).waitFor();
    },
  },
  // 预约 on the applicant's phone (no terminal): the slots, a refused booking; following a ticket.
  {
    face: 'book',
    name: 'phone booking page: services, days and slots',
    go: async (p) => p.getByRole('group', { name: 'Choose a service' }).getByRole('button').first().click(),
  },
  {
    face: 'book',
    name: 'phone booking page: a refused ID number',
    go: async (p) => {
      await p.getByRole('group', { name: 'Choose a day' }).getByRole('button').first().click();
      await p.getByRole('group', { name: 'Choose a time' }).getByRole('button').first().click();
      await p.getByRole('textbox', { name: 'Name' }).fill('Li Si');
      await p.getByRole('textbox', { name: 'Resident ID number' }).fill('110101199001011231');
      await p.getByRole('textbox', { name: 'Mobile number' }).fill('13800138000');
      await p.getByRole('button', { name: 'Submit booking' }).click();
      await expect.poll(() => p.getByRole('alert').textContent()).toBe('The ID number’s check digit does not match; please check it');
    },
  },
  {
    face: 'book',
    name: 'phone booking page: find or cancel',
    go: async (p) => p.getByRole('button', { name: 'Find / move / cancel a booking' }).click(),
  },
  { face: 'follow', name: 'phone follow page: waiting', go: async (p) => p.getByText('Ahead of you').waitFor() },
];

/** Opens a face in English, as a browser whose language is English does. */
async function openEnglish(browser: Browser, hub: Hub, face: Face): Promise<Page> {
  const size =
    face === 'display'
      ? { width: 1920, height: 1080 }
      : face === 'kiosk'
        ? { width: 1080, height: 1920 }
        : face === 'evaluator'
          ? { width: 1280, height: 800 }
          : { width: 1600, height: 1000 };
  if (face === 'book' || face === 'follow') return openBookingPage(browser, hub, face);
  if (face === 'rate') {
    const page = await openFace(browser, `${hub.url}/#/rate`, { width: 390, height: 844 }, 'en-US');
    await page.getByRole('heading').first().waitFor();
    return page;
  }
  if (face !== 'setup') {
    const role = face === 'manager' ? 'manager' : face;
    const page = await openFace(browser, `${hub.url}/#/${face}?token=${terminal(hub, role).token}`, size, 'en-US');
    await page.getByRole('button', { name: '中文' }).or(page.getByRole('heading').first()).first().waitFor();
    return page;
  }
  // The Electron setup screen, with the preload API stood in for as in setupFace.test.ts.
  const page = await openFace(browser, 'about:blank', size, 'en-US');
  await page.addInitScript((config) => {
    const never = () => () => {};
    (window as unknown as { servicehall: unknown }).servicehall = {
      face: async () => 'setup',
      getConfig: async () => ({ ...config, language: 'en' }),
      saveConfig: async () => ({ ok: true }),
      command: async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '' } }),
      replica: async () => ({ seq: 0, tables: {} }),
      connection: async () => null,
      onBatch: never,
      onSnapshot: never,
      onConnection: never,
      printTicket: async () => ({ ok: true }),
      enroll: async () => ({
        ok: false,
        error: { code: 'ENROLLMENT_INVALID', message: '注册码无效、已使用或已过期，请向大厅管理员重新获取' },
      }),
    };
  }, defaultTerminalConfig);
  await page.goto(`${hub.url}/`);
  await page.getByRole('heading').first().waitFor();
  return page;
}

describe('every face in English', () => {
  it('shows no Chinese but the hall’s data', async () => {
    const clock = manualClock(hallMorningClock()());
    const hub = await demoHub({ clock }, { managerSession: false });
    busyHall(hub, clock);
    const data = hallData(hub);
    const browser = await launchBrowser();
    const pages = new Map<Face, Page>();
    const problems: string[] = [];
    const check = async (page: Page, where: string) => {
      await page.waitForLoadState('networkidle').catch(() => {});
      for (const text of await chineseOnPage(page, data)) problems.push(`${where}: ${text}`);
      await screenshot(page, `english-${where.replace(/[^\w]+/g, '-').replace(/-+$/, '')}`);
    };
    for (const stop of WALK) {
      if (!pages.has(stop.face)) {
        const page = await openEnglish(browser, hub, stop.face);
        expect(await page.evaluate(() => document.documentElement.lang), stop.face).toBe('en');
        if (stop.face === 'clerk') await page.getByRole('button', { name: /Call next/i }).waitFor();
        pages.set(stop.face, page);
      }
      const page = pages.get(stop.face)!;
      await stop.go?.(page);
      if (!stop.tabs) await check(page, stop.name);
      else {
        // Every tab of every tab list, the ones a tab shows included, in the order they appear.
        const seen = new Set<string>();
        for (let i = 0; i < (await page.getByRole('tab').count()); i++) {
          const tab = page.getByRole('tab').nth(i);
          const name = (await tab.textContent()) ?? String(i);
          if (seen.has(name)) continue;
          seen.add(name);
          await tab.click();
          await check(page, `${stop.name} › ${name}`);
        }
        await page.getByRole('tab').first().click(); // the screen as it opened, for the next stop
      }
      await stop.leave?.(page);
    }
    expect(problems).toEqual([]);
  });
});
