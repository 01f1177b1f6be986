import { describe, expect, it } from 'vitest';
import type { TerminalAgent } from '../../main/terminal/agent';
import { followupSignal } from '../../shared/followups/rules';
import type { Row } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { agentFor, callerOf, demoHub, manualClock, signInManager, terminal, until } from '../support/hub';

/**
 * 好差评 through the hub in one go (issue 13, "Hub integration"): the window's evaluator and the
 * manager's PC are real terminals holding replicas; the clerk, kiosk and board act by command.
 */
const held = <T extends 'rating_requests' | 'followups'>(agent: TerminalAgent, table: T) =>
  (agent.replica.snapshot().tables[table] ?? []) as Row<T>[];

describe('好差评 from the window to the closed follow-up', () => {
  it('finish → the evaluator’s prompt → a 差评 stored → its follow-up on the board → red once overdue → callback → closed, and counted', async () => {
    const clock = manualClock(Date.parse('2026-11-25T02:00:00Z')); // Wednesday 10:00 in Beijing
    const hub = await demoHub({ clock });
    const evaluator = agentFor(hub, terminal(hub, 'evaluator'));
    const board = agentFor(hub, terminal(hub, 'manager'));
    await until(() => evaluator.connection.status === 'connected' && board.connection.status === 'connected', 'both terminals online');
    const { kiosk, clerk, manager } = actors(hub);
    ok(clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: 'demo1234' }));
    ok(kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null }));
    ok(clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.start', { counterId: 'H3301-c-01' }));
    ok(clerk(0)('ticket.finish', { counterId: 'H3301-c-01', handledServiceIds: ['H3301-s-A'] }));

    // The prompt reaches the counter's evaluator by its feed: the request, nothing of the ticket.
    await until(() => held(evaluator, 'rating_requests').some((r) => r.status === 'pending'), 'the prompt');
    const prompt = held(evaluator, 'rating_requests').find((r) => r.status === 'pending')!;
    expect(prompt).toMatchObject({ counter_id: 'H3301-c-01', staff_id: 'H3301-u-1', service_id: 'H3301-s-A' });
    expect(Object.keys(prompt)).not.toContain('ticket_id');
    clock.advance(8_000);
    const rated = await evaluator.command('rating.submit', {
      requestId: prompt.id,
      level: 2,
      subScores: { efficiency: 3, skill: 3, attitude: 1 },
      reasons: ['attitude'],
      comment: '态度生硬',
    });
    expect(rated).toMatchObject({ ok: true });
    expect(hub.store.get('ratings', prompt.id)).toMatchObject({ level: 2, attitude: 1, reasons: 'attitude', flags: '', excluded: 0 });

    // The 差评 opened its follow-up, which the board holds: due in five working days.
    await until(() => held(board, 'followups').length === 1, 'the follow-up on the board');
    const f = held(board, 'followups')[0]!;
    expect(f).toMatchObject({
      rating_id: prompt.id,
      status: 'open',
      due_day: '2026-12-02',
      department_id: 'H3301-d-amr',
      staff_id: 'H3301-u-1',
    });
    expect(followupSignal.ts(f, '2026-11-25')).toBe('normal');
    ok(manager('followup.step', { followupId: f.id, step: 'verify', note: '调取录像，属实' }));
    ok(manager('followup.step', { followupId: f.id, step: 'fix', note: '已对窗口人员批评教育' }));

    // Thursday 3 December: past the due day and not closed, red on the board (its overdue alert).
    clock.set(Date.parse('2026-12-03T02:00:00Z'));
    signInManager(hub);
    await until(() => held(board, 'followups')[0]!.status === 'fixed', 'the steps on the board');
    expect(followupSignal.ts(held(board, 'followups')[0]!, '2026-12-03')).toBe('red');
    ok(
      manager('followup.callback', {
        followupId: f.id,
        day: '2026-12-03',
        method: 'phone',
        outcome: '已致歉，申请人认可',
        satisfied: true,
      }),
    );
    ok(manager('followup.step', { followupId: f.id, step: 'close', note: '办结' }));
    await until(() => held(board, 'followups')[0]!.status === 'closed', 'closed on the board');
    expect(held(board, 'followups')[0]).toMatchObject({ closed_day: '2026-12-03', callback_day: '2026-12-03' });
    expect(followupSignal.ts(held(board, 'followups')[0]!, '2026-12-03')).toBe('closed');

    // Counted: one service, one active 差评, fixed late, called back.
    const answer = await hub.query(callerOf(terminal(hub, 'manager')), {
      name: 'ratings.figures',
      params: { from: '2026-11-25', to: '2026-12-03', by: 'hall', period: 'whole' },
    });
    expect(answer).toMatchObject({
      ok: true,
      result: {
        rows: [
          {
            counts: {
              services: 1,
              active: 1,
              satisfied: 0,
              bad: 1,
              unrated: 0,
              needFix: 1,
              fixed: 1,
              fixDue: 1,
              fixedOnTime: 0,
              calledBack: 1,
            },
          },
        ],
      },
    });
    expect(hub.verifyAudit().ok).toBe(true);
  });
});
