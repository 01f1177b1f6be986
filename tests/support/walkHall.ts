import type { Page } from 'playwright-core';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { PAUSE_REASONS } from '../../shared/counter/rules';
import { hallDay } from '../../shared/queue/rules';
import { actors, ok } from './actors';
import { newCase } from './cases';
import { signInManager, type manualClock } from './hub';

/** The hall the English walk (tests/e2e/englishWalk.test.ts) goes through, and the data people gave it. */

/** The hall's data as the hub holds it: names and texts people gave, shown as given in every language. */
export function hallData(hub: Hub): string[] {
  const column = (table: string, col: string) =>
    (hub.db.prepare(`SELECT DISTINCT ${col} FROM ${table} WHERE ${col} IS NOT NULL AND ${col} <> ''`).pluck().all() as string[]).flatMap(
      (v) => (v.startsWith('[') ? (JSON.parse(v) as string[]) : [v]),
    );
  const usualReasons = new Set<string>(Object.values(PAUSE_REASONS));
  return [
    ...column('halls', 'name'),
    ...column('halls', 'notice'),
    ...column('departments', 'name'),
    ...column('services', 'name'),
    ...column('counters', 'name'),
    ...column('counters', 'zone'),
    // A usual pause reason is stored in Chinese and labelled by each face; free text is the clerk's.
    ...column('counters', 'pause_reason').filter((r) => !usualReasons.has(r)),
    ...column('staff', 'name'),
    ...column('staff_cards', 'display_name'),
    ...column('terminals', 'name'),
    ...column('catalog_items', 'name'),
    ...column('catalog_items', 'materials'),
    ...column('catalog_items', 'legal_basis'),
    ...column('cases', 'applicant_name'),
    ...column('cases', 'materials_received'),
    ...column('cases', 'materials_missing'),
    ...column('tickets', 'call_reason'),
    ...column('complaints', 'content'),
    // An issued notice's number is written in the document's own script (H3301受〔2026〕1号).
    ...column('case_notices', 'number'),
    ...column('archive_entries', 'note'),
    ...column('archive_entries', 'contest_grounds'),
    // 全程代办: what the point's agent typed and the halls' names a proxy case carries between them.
    ...column('proxy_cases', 'applicant_name'),
    ...column('proxy_cases', 'item_name'),
    ...column('proxy_cases', 'materials'),
    ...column('proxy_cases', 'agent_name'),
    ...column('proxy_cases', 'target_hall_name'),
    ...column('proxy_cases', 'refusal_text'),
    ...column('cases', 'origin_hall_name'),
    ...column('cases', 'agent_name'),
    ...column('cases', 'proxy_refusal_text'),
  ].sort((a, b) => b.length - a.length);
}

/**
 * The demo hall today: tickets waiting and in hand, a paused counter, a notice, a case paused for a
 * special procedure, and one received 40 days ago now overdue (supervision lists it, with its flags).
 */
export function busyHall(hub: Hub, clock: ReturnType<typeof manualClock>): void {
  const a = actors(hub);
  const now = clock();
  clock.set(now - 40 * 86_400_000);
  ok(a.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
  const late = ok(a.clerk(0)('case.register', newCase({ at: clock(), itemId: 'H3301-item-001' }))).case as { id: string };
  ok(a.clerk(0)('case.step', { caseId: late.id, counterId: 'H3301-c-01', at: clock(), action: 'accept' }));
  ok(a.clerk(0)('counter.signOut', { counterId: 'H3301-c-01' }));
  clock.set(now);
  signInManager(hub);
  ok(a.manager('hall.setNotice', { text: '今日 17:00 后暂停受理不动产登记业务。' }));
  // A complaint about c01: its follow-up on the board, and on c01's own ratings tab.
  ok(
    a.manager('complaint.record', {
      channel: 'hotline',
      subject: 'staff',
      subjectId: 'H3301-u-1',
      content: '窗口办理拖沓，让我跑了三趟',
      receivedDay: hallDay(clock(), 480),
      contact: '13800138000',
    }),
  );
  // A finding in c01's archive (contested below) and a training.
  const entry = { staffId: 'H3301-u-1', day: hallDay(now, 480), times: 1 };
  const finding = ok(a.manager('archive.addEntry', { ...entry, kind: 'inspection', item: 'off_post', note: '暗访：离岗' })).entry as {
    id: string;
  };
  ok(a.manager('archive.addEntry', { ...entry, kind: 'training', item: null, note: '业务培训' }));
  ok(a.manager('session.signOut', {})); // the walk signs in at the board itself
  for (const serviceId of ['H3301-s-A', 'H3301-s-A', 'H3301-s-B', 'H3301-s-C'])
    ok(a.kiosk('ticket.issue', { serviceId, priority: 'normal', confirm: null }));
  ok(a.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
  ok(a.clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
  ok(a.clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
  ok(a.clerk(0)('archive.contest', { entryId: finding.id, grounds: '在后台取材料' }));
  ok(a.clerk(1)('counter.signIn', { counterId: 'H3301-c-02', login: 'c02', password: DEMO_PASSWORD }));
  ok(a.clerk(1)('counter.pause', { counterId: 'H3301-c-02', reason: PAUSE_REASONS.meeting }));
  const c = ok(a.clerk(0)('case.register', newCase({ parts: [{ departmentId: 'H3301-d-psb', limitDays: 3 }] }))).case as { id: string };
  ok(a.clerk(0)('case.step', { caseId: c.id, counterId: 'H3301-c-01', at: Date.now(), action: 'accept' }));
  ok(
    a.clerk(0)('case.pause', {
      caseId: c.id,
      counterId: 'H3301-c-01',
      at: Date.now(),
      kind: 'special',
      reason: '专家评审',
      expectedDays: 5,
    }),
  );
}

/**
 * What a reader of the page sees in Chinese, once the hall's data is taken out: text, the names
 * given to controls (aria-label, title, placeholder, alt) and the values of fields. Parts marked
 * `lang="zh…"` are Chinese on purpose.
 */
export function chineseOnPage(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate((data) => {
    const han = /\p{Script=Han}/u;
    const strip = (s: string) => data.reduce((rest, d) => rest.split(d).join(' '), s);
    // The page's own language is English (checked apart); a part inside it may say it is Chinese.
    const meant = (el: Element) => {
      const zh = el.closest('[lang^="zh"]');
      return (zh !== null && zh !== document.documentElement) || el.closest('script, style') !== null;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (n.parentElement && !meant(n.parentElement) && han.test(strip(text))) found.push(text.trim());
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (meant(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && han.test(strip(v))) found.push(`${a}="${v}"`);
      }
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && han.test(strip(el.value)))
        found.push(`value="${el.value}"`);
    }
    return [...new Set(found)];
  }, data);
}
