import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, err, ok } from '../support/actors';
import { demoHub, manualClock } from '../support/hub';

/**
 * A clerk's counter sign-in ends with what ends their other sessions (issue 11, item 7): their new
 * password, and the revocation or new enrollment of the clerk PC. The ticket the counter held goes
 * back to the front of its line; the counter's state and its log agree.
 */
const C1 = 'H3301-c-01',
  C2 = 'H3301-c-02',
  A = 'H3301-s-A';

async function hall() {
  const hub = await demoHub({ clock: manualClock() });
  const { kiosk, manager, clerk } = actors(hub);
  ok(clerk(0)('counter.signIn', { counterId: C1, login: 'c01', password: DEMO_PASSWORD }));
  ok(clerk(1)('counter.signIn', { counterId: C2, login: 'c02', password: DEMO_PASSWORD }));
  for (let i = 0; i < 3; i++) ok(kiosk('ticket.issue', { serviceId: A, priority: 'normal', confirm: null }));
  return { hub, manager, clerk };
}

const ticket = (hub: Hub, number: string) =>
  hub.db.prepare('SELECT * FROM tickets WHERE number = ?').get(number) as Record<string, unknown>;

/** Every counter's log says what its state says: signed in once more than signed out while open, as often when closed. */
function expectLogsAgree(hub: Hub) {
  for (const c of hub.store.all('counters')) {
    const n = (e: string) =>
      hub.db.prepare('SELECT count(*) FROM counter_log WHERE counter_id = ? AND event = ?').pluck().get(c.id, e) as number;
    expect({ counter: c.number, open: n('sign_in') - n('sign_out') }).toEqual({ counter: c.number, open: c.state === 'closed' ? 0 : 1 });
  }
}

function expectSignedOut(hub: Hub, reason: RegExp) {
  expect(hub.store.get('counters', C1)).toMatchObject({ state: 'closed', staff_id: null, terminal_id: null });
  const last = hub.db
    .prepare('SELECT event, staff_id, reason FROM counter_log WHERE counter_id = ? ORDER BY at DESC, rowid DESC LIMIT 1')
    .get(C1);
  expect(last).toEqual({ event: 'sign_out', staff_id: 'H3301-u-1', reason: expect.stringMatching(reason) });
  expect(hub.store.get('counters', C2)).toMatchObject({ state: 'open', staff_id: 'H3301-u-2' });
  expectLogsAgree(hub);
  expect(hub.verifyAudit()).toMatchObject({ ok: true });
}

describe('a counter sign-in ends', () => {
  it("with the clerk's new password: the ticket being served goes back to the front of its line", async () => {
    const { hub, manager, clerk } = await hall();
    ok(clerk(0)('ticket.callNext', { counterId: C1 }));
    ok(clerk(0)('ticket.start', { counterId: C1 }));
    expect(ticket(hub, 'A001')).toMatchObject({ status: 'serving', counter_id: C1 });

    ok(manager('staff.setPassword', { staffId: 'H3301-u-1', password: 'new-clerk-pass' }));
    expectSignedOut(hub, /密码已更改/);
    expect(ticket(hub, 'A001')).toMatchObject({ status: 'waiting', counter_id: null, staff_id: null, started_at: null });
    // The next counter of its service calls it before those who came after it.
    expect(ok(clerk(1)('ticket.callNext', { counterId: C2 }))).toMatchObject({ ticket: { number: 'A001' } });
    const events = hub.db
      .prepare("SELECT type, counter_id, staff_id FROM ticket_events WHERE ticket_id LIKE '%-A-1' ORDER BY at, id")
      .all();
    expect(events.map((e) => (e as { type: string }).type)).toEqual(['issue', 'call', 'start', 'transfer', 'call']);
    expect(events[3]).toEqual({ type: 'transfer', counter_id: C1, staff_id: 'H3301-u-1' });

    // The PC's clerk can no longer call; the old password no longer signs in, the new one does.
    expect(err(clerk(0)('ticket.callNext', { counterId: C1 }))).toBe('COUNTER_STATE');
    expect(err(clerk(0)('counter.signIn', { counterId: C1, login: 'c01', password: DEMO_PASSWORD }))).toBe('BAD_CREDENTIALS');
    ok(clerk(0)('counter.signIn', { counterId: C1, login: 'c01', password: 'new-clerk-pass' }));
    expectLogsAgree(hub);
  });

  it('with the revocation of the clerk PC: a called ticket goes back to the front, not to no-show', async () => {
    const { hub, manager, clerk } = await hall();
    ok(clerk(0)('ticket.callNext', { counterId: C1 }));
    ok(manager('terminal.revoke', { terminalId: 'H3301-t-clerk-1' }));
    expectSignedOut(hub, /吊销/);
    expect(ticket(hub, 'A001')).toMatchObject({ status: 'waiting', counter_id: null });
    expect(ok(clerk(1)('ticket.callNext', { counterId: C2 }))).toMatchObject({ ticket: { number: 'A001' } });
  });

  it('with the new enrollment of the clerk PC, holding no ticket; the password change of a clerk signed in nowhere changes no counter', async () => {
    const { hub, manager } = await hall();
    ok(manager('terminal.newCode', { terminalId: 'H3301-t-clerk-1' }));
    expectSignedOut(hub, /重新注册/);
    expect(ticket(hub, 'A001')).toMatchObject({ status: 'waiting' });
    const logRows = hub.db.prepare('SELECT count(*) FROM counter_log').pluck().get();
    ok(manager('staff.setPassword', { staffId: 'H3301-u-5', password: 'another-pass-5' }));
    expect(hub.db.prepare('SELECT count(*) FROM counter_log').pluck().get()).toBe(logRows);
    expectLogsAgree(hub);
  });
});

describe('a counter’s log', () => {
  it('reads back in the order its actions were taken, even within one millisecond (the clock does not move here)', async () => {
    const { hub, clerk } = await hall();
    const taken: string[] = [];
    for (let i = 0; i < 20; i++) {
      ok(clerk(0)('counter.pause', { counterId: C1, reason: `第 ${i} 次` }));
      ok(clerk(0)('counter.resume', { counterId: C1 }));
      taken.push('pause', 'resume');
    }
    // The reports (here and at the region) read it by time, then id.
    const read = hub.db
      .prepare("SELECT event FROM counter_log WHERE counter_id = ? AND event IN ('pause', 'resume') ORDER BY at, id")
      .all(C1);
    expect(read.map((r) => (r as { event: string }).event)).toEqual(taken);
  });
});
