import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, err, ok } from '../support/actors';
import { demoHub, manualClock, signInManager, terminal } from '../support/hub';

/**
 * The kiosk's priority confirmation (issue 11, item 4): anyone stands at a kiosk, so a confirmation
 * there is a clerk on duty's, its failures count against the kiosk (which stops taking them for a
 * while, and the board shows it), never against a staff member, and no refusal tells more than another.
 */
const MIN = 60_000;
const BAD = {
  ok: false,
  error: {
    code: 'BAD_CREDENTIALS',
    message: '优先取号需工作人员确认：工号或密码错误',
    reason: 'common.badCredentials',
    params: { what: 'priorityConfirm' },
  },
};

async function hall() {
  const clock = manualClock();
  const hub = await demoHub({ clock });
  const a = actors(hub);
  ok(a.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
  const confirm = (login: string, password: string) =>
    a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'green', confirm: { login, password } });
  const kioskRow = () => hub.store.get('terminals', terminal(hub, 'kiosk').id)!;
  const staffLocks = () => hub.db.prepare('SELECT count(*) FROM staff WHERE failed_logins > 0 OR locked_until IS NOT NULL').pluck().get();
  return { hub, clock, a, confirm, kioskRow, staffLocks };
}

describe('staff confirmations at the kiosk', () => {
  it('come from a clerk on duty only: a manager, the administrator, a clerk off duty or nobody answer as a wrong password', async () => {
    const { confirm, staffLocks } = await hall();
    for (const login of ['manager', 'admin', 'c02', 'nobody']) expect(confirm(login, DEMO_PASSWORD), login).toEqual(BAD);
    ok(confirm('c01', DEMO_PASSWORD));
    expect(confirm('c01', 'wrong-one')).toEqual(BAD);
    expect(staffLocks()).toBe(0); // counted against the kiosk, not against anyone's account
  });

  it('5 failures in a row stop them for 15 minutes at that kiosk alone, as its row on the board says; staff sign in meanwhile', async () => {
    const { hub, clock, a, confirm, kioskRow, staffLocks } = await hall();
    for (let i = 0; i < 4; i++) expect(confirm('admin', `guess-${i}`)).toEqual(BAD);
    expect(confirm('admin', 'guess-4')).toEqual({
      ok: false,
      error: {
        code: 'TERMINAL_LOCKED',
        message: '本机确认失败次数过多，已暂停确认，请 15 分钟后再试',
        reason: 'common.confirmLocked',
        params: { minutes: 15 },
      },
    });
    expect(err(confirm('c01', DEMO_PASSWORD))).toBe('TERMINAL_LOCKED');
    expect(kioskRow().confirm_locked_until).toBe(clock() + 15 * MIN);
    const onBoard = hub.snapshot(terminal(hub, 'manager').id).tables.terminals?.find((t) => t.id === terminal(hub, 'kiosk').id);
    expect(onBoard).toMatchObject({ confirm_locked_until: clock() + 15 * MIN });
    expect(onBoard).not.toHaveProperty('failed_confirms');
    expect(hub.snapshot(terminal(hub, 'kiosk').id).tables.terminals).toBeUndefined();
    expect(staffLocks()).toBe(0);
    signInManager(hub); // the administrator was never locked out
    ok(a.kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));

    clock.advance(15 * MIN);
    ok(confirm('c01', DEMO_PASSWORD));
    expect(kioskRow().confirm_locked_until).toBeNull();
    ok(a.manager('hall.setSecuritySettings', { confirmAttempts: 3, confirmLockMinutes: 5 }));
    for (let i = 0; i < 2; i++) expect(confirm('c01', 'wrong')).toEqual(BAD);
    expect(err(confirm('c01', 'wrong'))).toBe('TERMINAL_LOCKED');
    expect(kioskRow().confirm_locked_until).toBe(clock() + 5 * MIN);
  });
});

describe('signing in', () => {
  it('takes as long for an unknown login as for a wrong password: one scrypt either way', async () => {
    const { a } = await hall();
    const median = (login: string) => {
      const times = [0, 1, 2].map(() => {
        const t0 = performance.now();
        expect(err(a.manager('session.signIn', { login, password: 'not-the-password' }))).toBe('BAD_CREDENTIALS');
        return performance.now() - t0;
      });
      return times.sort((x, y) => x - y)[1]!;
    };
    const unknown = median('nobody-here');
    const wrong = median('manager');
    expect(unknown).toBeGreaterThan(wrong / 2);
    expect(wrong).toBeGreaterThan(unknown / 2);
  });
});
