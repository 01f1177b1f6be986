import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, err, ok } from '../support/actors';
import { demoHub, manualClock, signInManager } from '../support/hub';

/** Issue 12, item 9: ending the day's open tickets is not one click at 08:27. */
const MORNING = Date.parse('2026-11-25T00:27:00Z'); // 08:27 in the hall (UTC+8)
const EVENING = Date.parse('2026-11-25T09:30:00Z'); // 17:30, the default closing time
const C1 = 'H3301-c-01';

async function morning() {
  const clock = manualClock(MORNING);
  const hub = await demoHub({ clock });
  const { kiosk, manager, clerk } = actors(hub);
  ok(clerk(0)('counter.signIn', { counterId: C1, login: 'c01', password: DEMO_PASSWORD }));
  for (let i = 0; i < 2; i++) ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
  ok(clerk(0)('ticket.callNext', { counterId: C1 }));
  return { hub, clock, manager, kiosk };
}

const statuses = (hub: Hub) => hub.db.prepare('SELECT number, status FROM tickets ORDER BY number').all();
const closeAudit = (hub: Hub) =>
  hub.db.prepare("SELECT outcome, detail FROM audit WHERE type = 'day.close' ORDER BY id").all() as { outcome: string; detail: string }[];

describe('closing the day', () => {
  it('before the closing time is refused with DAY_NOT_OVER and ends nothing; with a reason it is done, the reason audited', async () => {
    const { hub, manager, kiosk } = await morning();
    const seq = hub.store.currentSeq;
    expect(manager('day.close', {})).toMatchObject({
      ok: false,
      error: { code: 'DAY_NOT_OVER', message: expect.stringContaining('17:30') },
    });
    expect(err(manager('day.close', { reason: '   ' }))).toBe('VALIDATION_FAILED');
    expect(hub.store.currentSeq).toBe(seq);
    expect(statuses(hub)).toEqual([
      { number: 'A001', status: 'called' },
      { number: 'A002', status: 'waiting' },
    ]);
    expect(hub.store.get('counters', C1)).toMatchObject({ state: 'open' });

    expect(ok(manager('day.close', { reason: '停电，大厅今日闭厅' }))).toMatchObject({ day: '2026-11-25', ended: 2, signedOut: 1 });
    expect(statuses(hub)).toEqual([
      { number: 'A001', status: 'no_show' },
      { number: 'A002', status: 'cancelled' },
    ]);
    expect(hub.store.get('counters', C1)).toMatchObject({ state: 'closed', staff_id: null });
    expect(
      hub.db.prepare('SELECT event, staff_id, reason FROM counter_log WHERE counter_id = ? ORDER BY at DESC, rowid DESC').get(C1),
    ).toEqual({
      event: 'sign_out',
      staff_id: 'H3301-u-1',
      reason: '日终签退',
    });
    expect(closeAudit(hub).map((r) => [r.outcome, JSON.parse(r.detail)])).toEqual([
      ['DAY_NOT_OVER', {}],
      ['ok', { reason: '停电，大厅今日闭厅', early: true, closingTime: '17:30' }],
    ]);
    expect(err(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }))).toBe('SERVICE_UNAVAILABLE');
    expect(hub.verifyAudit()).toMatchObject({ ok: true });
  });

  it('from the closing time on it needs no reason; the closing time is a queue setting', async () => {
    const { hub, clock, manager } = await morning();
    expect(err(manager('hall.setQueueSettings', { closingTime: '8:00' }))).toBe('VALIDATION_FAILED');
    ok(manager('hall.setQueueSettings', { closingTime: '08:00' }));
    expect(ok(manager('day.close', {}))).toMatchObject({ ended: 2 });
    expect(JSON.parse(closeAudit(hub)[0]!.detail)).toEqual({});

    ok(manager('hall.setQueueSettings', { closingTime: '17:30' }));
    clock.set(EVENING + 24 * 3_600_000 - 60_000); // 17:29 the next day
    signInManager(hub);
    expect(err(manager('day.close', {}))).toBe('DAY_NOT_OVER');
    clock.advance(60_000);
    expect(ok(manager('day.close', {}))).toMatchObject({ day: '2026-11-26', ended: 0, signedOut: 0 });
  });
});
