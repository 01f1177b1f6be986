import { describe, expect, it } from 'vitest';
import { actors, ok } from '../support/actors';
import { callerOf, demoHub, manualClock, opId, signInManager, terminal } from '../support/hub';
import { launchBrowser, openFace } from '../support/browser';

describe('an overdue 差评 follow-up on the board', () => {
  it('raises an alert on every tab once past its due day', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const hub = await demoHub({ clock });
    const { kiosk, clerk } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] }));
    const [request] = hub.store.all('rating_requests');
    expect(
      hub.execute(callerOf(terminal(hub, 'evaluator')), {
        opId: opId(),
        type: 'rating.submit',
        payload: { requestId: request!.id, level: 1, subScores: {}, reasons: ['attitude'], comment: '' },
      }),
    ).toMatchObject({ ok: true });
    const browser = await launchBrowser();
    const open = async () => {
      signInManager(hub);
      return openFace(browser, `${hub.url}/#/manager?token=${terminal(hub, 'manager').token}`, { width: 1600, height: 1000 });
    };
    const early = await open();
    await early.getByRole('tab', { name: '好差评' }).click();
    await early.getByRole('region', { name: '差评与投诉跟进' }).getByRole('cell', { name: '待核实' }).waitFor();
    expect(await early.getByText(/条差评与投诉跟进已超过整改期限/).count()).toBe(0);
    // Due on Wednesday 2 December; on Thursday 3 December it is overdue.
    clock.set(Date.parse('2026-12-03T01:00:00Z'));
    const late = await open();
    await late.getByRole('alert').getByText('1 条差评与投诉跟进已超过整改期限').waitFor();
  });
});
