import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { agentFor, demoHub, terminal, until } from '../support/hub';

describe('hub and agent', () => {
  it('a clerk terminal signs in and the manager replica sees it', async () => {
    const hub = await demoHub();
    const clerk = agentFor(hub, terminal(hub, 'clerk', 0));
    const manager = agentFor(hub, terminal(hub, 'manager'));
    await until(() => clerk.connection.status === 'connected' && manager.connection.status === 'connected', 'connected');
    const counterId = terminal(hub, 'clerk', 0).counterId!;
    const answer = await clerk.command('counter.signIn', { counterId, login: 'c01', password: DEMO_PASSWORD });
    expect(answer).toMatchObject({ ok: true });
    await until(() => manager.replica.row('counters', counterId)?.state === 'open', 'manager sees open');
    expect(manager.replica.row('counters', counterId)?.staff_id).toBe('H3301-u-1');
  });
});
