import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { LimitUnit } from '../../shared/calendar/enums';
import type { Row } from '../../shared/protocol';
import { err, ok } from '../support/actors';
import { C1, caseHall, ITEM } from '../support/caseHall';

/**
 * The case clocks at the hub, on its own clock (DOMAIN.md "Time limits", "Supervision"): pauses,
 * limits in natural days and years, joint handling, extensions, art. 32, 44 and 45, the
 * supervision flags, the time-limit report's population and the resident ID's birth date.
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
  const pause = (caseId: string, expectedDays: number | null = 5) =>
    h.clerk('case.pause', { caseId, counterId: C1, at: h.clock(), kind: 'special', reason: '专家评审', expectedDays } as never);
  const resume = (caseId: string) => ok(h.clerk('case.resume', { caseId, counterId: C1, at: h.clock() }));
  const toReview = (caseId: string) => ['undertake', 'review'].forEach((s) => ok(h.step(caseId, s as 'review')));
  const supervision = async () => (await h.ask('cases.supervision', {})).rows;
  return { ...h, itemId: 'item-test', pause, resume, toReview, supervision, goTo: (day: string) => h.clock.set(at(day)) };
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

  it('a special procedure without its expected length is refused (art. 45)', async () => {
    const { register, step, pause, row } = await hall('2026-11-02');
    const c = register({ itemId: ITEM });
    ok(step(c.id, 'accept'));
    expect(err(pause(c.id, null))).toBe('VALIDATION_FAILED');
    expect(row(c.id).paused_kind).toBeNull();
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

describe('art. 32 and 44', () => {
  it('accepted more than 5 working days after receipt without a 补正 notice: the clock starts on receipt', async () => {
    const { register, step, row, days } = await hall('2026-11-02');
    const c = register({ itemId: ITEM });
    days(8); // Tue 11-10: the 6th working day after receipt
    ok(step(c.id, 'accept'));
    expect(row(c.id)).toMatchObject({ accepted_day: '2026-11-02', promised_due: '2026-11-16' });
    const inTime = register({ itemId: ITEM });
    days(7); // Tue 11-17: the 5th working day after receipt on 11-10
    ok(step(inTime.id, 'accept'));
    expect(row(inTime.id)).toMatchObject({ accepted_day: '2026-11-17' });
  });

  it('a late 补正 notice and repeated ones are flagged; a timely notice lets the clock start on acceptance', async () => {
    const { register, step, row, days, supervision } = await hall('2026-11-02');
    const late = register({ itemId: ITEM });
    const twice = register({ itemId: ITEM });
    ok(step(twice.id, 'requestSupplement', { missing: ['场地证明'] })); // on the day: in time
    days(8); // Tue 11-10
    ok(step(late.id, 'requestSupplement', { missing: ['场地证明'] }));
    ok(step(twice.id, 'resubmit', { received: ['场地证明'] }));
    ok(step(twice.id, 'requestSupplement', { missing: ['营业执照'] }));
    expect(row(late.id)).toMatchObject({ late_notice: 1, supplement_count: 1 });
    expect(row(twice.id)).toMatchObject({ late_notice: 0, supplement_count: 2 });
    const rows = await supervision();
    expect(rows.find((r) => r.id === late.id)).toMatchObject({ signal: 'waiting', lateNotice: true, supplements: 1 });
    expect(rows.find((r) => r.id === twice.id)).toMatchObject({ signal: 'waiting', lateNotice: false, supplements: 2 });
    ok(step(twice.id, 'resubmit', { received: ['营业执照'] }));
    ok(step(twice.id, 'accept'));
    expect(row(twice.id).accepted_day).toBe('2026-11-10');
    // Told late, the applicant's case counts as accepted on receipt all the same.
    ok(step(late.id, 'resubmit', { received: ['场地证明'] }));
    ok(step(late.id, 'accept'));
    expect(row(late.id).accepted_day).toBe('2026-11-02');
  });

  it('after a decision, delivery is due within 10 working days: a due day, and a signal on the supervision list', async () => {
    const { register, step, row, days, toReview, supervision } = await hall('2026-11-02');
    const c = register({ itemId: ITEM });
    ok(step(c.id, 'accept'));
    toReview(c.id);
    days(1); // Tue 11-03
    ok(step(c.id, 'approve'));
    ok(step(c.id, 'conclude', { feeCents: 0 }));
    expect(row(c.id)).toMatchObject({ delivery_due: '2026-11-17', status: 'concluded' });
    days(14); // Tue 11-17: the last day
    expect(await supervision()).toMatchObject([{ id: c.id, signal: 'yellow', deliveryDue: '2026-11-17', daysLeft: null }]);
    days(1);
    expect(await supervision()).toMatchObject([{ id: c.id, signal: 'red', deliveryDue: '2026-11-17' }]);
    ok(step(c.id, 'deliver'));
    expect(await supervision()).toEqual([]);
  });
});

describe('supervision flags', () => {
  it('a decision past the statutory limit: 1 working day is a yellow card, 2 a red one, recorded with the handler', async () => {
    const { hub, register, step, row, goTo, toReview, supervision } = await hall('2026-11-02');
    const one = register({ itemId: ITEM });
    const two = register({ itemId: ITEM });
    for (const c of [one, two]) {
      ok(step(c.id, 'accept'));
      toReview(c.id);
    }
    // Statutory 15 working days from Mon 11-02: Mon 11-23.
    goTo('2026-11-24');
    ok(step(one.id, 'approve'));
    goTo('2026-11-25');
    ok(step(two.id, 'deny', { reason: '不符合条件' }));
    expect(row(one.id)).toMatchObject({ late_days: 1, card: 'yellow', handler_id: 'H3301-u-1' });
    expect(row(two.id)).toMatchObject({ late_days: 2, card: 'red', handler_id: 'H3301-u-1' });
    const rows = await supervision();
    expect(rows.find((r) => r.id === one.id)).toMatchObject({ card: 'yellow', lateDays: 1 });
    expect(rows.find((r) => r.id === two.id)).toMatchObject({ card: 'red', lateDays: 2 });
    // What a monthly archive counts, per handler.
    const month = { from: Date.parse('2026-10-31T16:00:00Z'), to: Date.parse('2026-11-30T16:00:00Z') };
    expect(
      hub.db
        .prepare(
          `SELECT handler_id AS staff, sum(card = 'yellow') AS yellow, sum(card = 'red') AS red FROM cases
           WHERE decided_at >= @from AND decided_at < @to AND card IS NOT NULL GROUP BY handler_id`,
        )
        .all(month),
    ).toEqual([{ staff: 'H3301-u-1', yellow: 1, red: 1 }]);
  });

  it('a fee other than the standard is recorded at 办结 and flagged; a denial is charged nothing', async () => {
    const { register, step, row, toReview, supervision, itemId } = await hall('2026-11-02');
    const [paidMore, denied, right] = [register({ itemId }), register({ itemId }), register({ itemId })];
    for (const c of [paidMore, denied, right]) {
      ok(step(c.id, 'accept'));
      toReview(c.id);
    }
    ok(step(paidMore.id, 'approve'));
    ok(step(right.id, 'approve'));
    ok(step(denied.id, 'deny', { reason: '材料不实' }));
    ok(step(paidMore.id, 'conclude', { feeCents: 9000 }));
    ok(step(right.id, 'conclude', { feeCents: 8000 }));
    ok(step(denied.id, 'conclude', { feeCents: 0 }));
    expect(row(paidMore.id)).toMatchObject({ fee_standard_cents: 8000, fee_charged_cents: 9000 });
    expect(row(denied.id)).toMatchObject({ fee_standard_cents: 0, fee_charged_cents: 0 });
    expect((await supervision()).map((r) => [r.id, r.fee])).toEqual([[paidMore.id, { standardCents: 8000, chargedCents: 9000 }]]);
  });
});

describe('the time-limit report', () => {
  it('every figure is over one population, cases with working-day limits, and the others are counted apart', async () => {
    const { hub, register, step, toReview, days, ask, itemId } = await hall('2026-11-02', 'natural_days', 10, 20);
    const natural = register({ itemId });
    const working = register({ itemId: ITEM });
    for (const c of [natural, working]) ok(step(c.id, 'accept'));
    days(1);
    for (const c of [natural, working]) {
      toReview(c.id);
      ok(step(c.id, 'approve'));
      ok(step(c.id, 'conclude', { feeCents: c === natural ? 8000 : 0 }));
    }
    const r = await ask('cases.report', { from: '2026-01-01', to: '2026-12-31' });
    expect(r).toMatchObject({ concluded: { cases: 1, avgUsedDays: 1 }, otherUnits: 1, joint: { cases: 0 } });
    expect(r.departments).toEqual([{ name: '市场监督管理局', cases: 1, avgUsedDays: 1, onTimePct: 100 }]);
    expect(hub.store.get('cases', natural.id)!.status).toBe('concluded');
  });
});

describe('resident ID numbers', () => {
  it('a birth date after the hub’s today is refused, whatever the check digit', async () => {
    const { clerk, registration } = await hall('2026-11-02');
    const born2030 = { type: 'person' as const, name: '张三', idNumber: '110105203001011231', creditCode: null, phone: '13800138000' };
    expect(clerk('case.register', registration({ applicant: born2030 }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('出生日期') },
    });
    expect(ok(clerk('case.register', registration())).case as Row<'cases'>).toMatchObject({ id_masked: '110105********002X' });
  });
});
