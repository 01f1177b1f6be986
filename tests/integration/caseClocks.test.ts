import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { LimitUnit } from '../../shared/calendar/enums';
import { ok } from '../support/actors';
import { C1, caseHall, ITEM } from '../support/caseHall';

/**
 * The case clocks at the hub, on its own clock (DOMAIN.md "Time limits", "Supervision"): pauses,
 * limits in natural days, months and years, joint handling, extensions.
 */

const at = (day: string) => Date.parse(`${day}T01:00:00Z`); // 09:00 in the hall

/** A hall with a catalog item of its own limits, and the steps to take a case to a decision. */
async function hall(start: string, unit: LimitUnit = 'working_days', promised = 10, statutory = 20) {
  const h = await caseHall(new Date(at(start)).toISOString());
  const base = h.hub.store.get('catalog_items', ITEM)!;
  const item = {
    code: 'SX-TEST-001',
    name: '测试事项',
    departmentId: base.department_id,
    kind: 'licensing' as const,
    mode: 'promised' as const,
    statutoryLimit: statutory,
    promisedLimit: promised,
    limitUnit: unit,
    feeCents: 8000,
    materials: ['申请书'],
    legalBasis: '条例',
    serviceId: null,
    active: true,
  };
  ok(h.a.manager('catalog.save', { itemId: 'item-test', item }));
  const pause = (caseId: string) =>
    h.clerk('case.pause', { caseId, counterId: C1, at: h.clock(), kind: 'special', reason: '专家评审', expectedDays: 5 });
  const resume = (caseId: string) => ok(h.clerk('case.resume', { caseId, counterId: C1, at: h.clock() }));
  const supervision = async () => (await h.ask('cases.supervision', {})).rows;
  return { ...h, itemId: 'item-test', pause, resume, supervision, goTo: (day: string) => h.clock.set(at(day)) };
}

describe('pauses and the signal', () => {
  it('a case paused while yellow stays yellow and on the supervision list, flagged as paused; a normal one shows paused', async () => {
    const { register, step, pause, days, supervision } = await hall('2026-11-02');
    const c = register({ itemId: ITEM });
    const quiet = register({ itemId: ITEM });
    for (const id of [c.id, quiet.id]) ok(step(id, 'accept'));
    ok(pause(quiet.id));
    days(10); // Thu 11-12: 8 of 10 working days used
    ok(pause(c.id));
    days(5); // Tue 11-17: past the promised day, but the clock stopped on 11-12
    expect(await supervision()).toMatchObject([{ number: c.number, signal: 'yellow', paused: 'special', daysLeft: 2 }]);
  });
});

describe('limits in natural days, joint handling and extensions', () => {
  it('natural days: yellow from 80% of the limit itself; an extension adds working days', async () => {
    // Accepted Fri 2025-09-26: 10 days end in National Day, due Thu 10-09; yellow after 8 days, 10-04.
    const { register, step, row, a, itemId } = await hall('2025-09-26', 'natural_days', 10, 20);
    const c = register({ itemId });
    ok(step(c.id, 'accept'));
    expect(row(c.id)).toMatchObject({ promised_due: '2025-10-09', yellow_from: '2025-10-04' });
    ok(step(c.id, 'undertake'));
    const approver = { login: 'manager', password: DEMO_PASSWORD };
    ok(a.clerk(0)('case.extend', { caseId: c.id, counterId: C1, days: 10, reason: '需现场核查', approver }));
    // 10 working days after 10-09 (10-11 is an adjusted working Saturday).
    expect(row(c.id)).toMatchObject({ extension_days: 10, promised_due: '2025-10-22' });
  });

  it('a limit in years is accepted in the catalog and counted as twelve months, ending on a working day', async () => {
    const { register, step, row, itemId } = await hall('2025-02-28', 'years', 1, 1);
    const c = register({ itemId });
    ok(step(c.id, 'accept'));
    // 2026-02-28 is a Saturday, and a working day (调休 after Spring Festival).
    expect(row(c.id)).toMatchObject({ limit_unit: 'years', promised_due: '2026-02-28', statutory_due: '2026-02-28' });
  });

  it('joint handling: 45 working days for the whole case; parts count the pause in their own working days', async () => {
    const { hub, register, step, row, pause, resume, goTo, itemId } = await hall('2025-09-26', 'natural_days', 60, 90);
    const c = register({ itemId, parts: [{ departmentId: 'H3301-d-hw', limitDays: 5 }] });
    expect(c).toMatchObject({ statutory_limit: 45, statutory_unit: 'working_days', limit_unit: 'natural_days' });
    ok(step(c.id, 'accept'));
    const part = () => hub.store.where('case_parts', 'case_id = ?', c.id)[0]!;
    expect(part().due_day).toBe('2025-10-10'); // 09-28, 09-29, 09-30, 10-09, 10-10
    expect(row(c.id)).toMatchObject({ promised_due: '2025-11-25', statutory_due: '2025-12-04' });
    goTo('2025-09-30');
    ok(pause(c.id));
    goTo('2025-10-09'); // 9 natural days paused, of which one working day (10-09)
    resume(c.id);
    expect(row(c.id)).toMatchObject({ paused_days: 9, promised_due: '2025-12-04', statutory_due: '2025-12-05' });
    expect(part().due_day).toBe('2025-10-11');
  });
});
