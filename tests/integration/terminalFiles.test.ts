import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { newCase } from '../support/cases';
import { agentFor, demoHub, onCleanup, tempDir, terminal, until } from '../support/hub';

const ID = '11010519491231002X';
const mode = (p: string) => statSync(p).mode & 0o777;

describe('data files on the hub PC and on a clerk PC', () => {
  it('are owner-only, and a refused offline registration leaves no whole ID number in the replica’s bytes', async () => {
    const hubDir = path.join(tempDir(), 'hall');
    let hub = await demoHub({ dataDir: hubDir });
    const port = hub.port;
    const agentDir = path.join(tempDir('agent-'), 'clerk');
    const t = terminal(hub, 'clerk', 0);
    const agent = agentFor(hub, t, { dataDir: agentDir });
    await until(() => agent.connection.status === 'connected', 'connected');
    expect(await agent.command('counter.signIn', { counterId: t.counterId!, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });

    for (const f of [hubDir, agentDir]) expect(mode(f)).toBe(0o700);
    for (const f of ['hall.db', 'hall.db-wal']) expect(mode(path.join(hubDir, f))).toBe(0o600);
    expect(mode(path.join(agentDir, 'replica.db'))).toBe(0o600);

    await hub.close();
    await until(() => agent.connection.status === 'reconnecting', 'sees the hub gone');
    const queued = await agent.command(
      'case.register',
      newCase({ counterId: t.counterId!, itemId: 'no-such-item', applicant: { ...newCase().applicant, name: '王五', idNumber: ID } }),
    );
    expect(queued.ok).toBe('queued');
    const bytes = () =>
      ['replica.db', 'replica.db-wal']
        .map((f) => {
          try {
            return readFileSync(path.join(agentDir, f)).toString('latin1');
          } catch {
            return '';
          }
        })
        .join('');
    expect(bytes()).toContain(ID); // the outbox holds it while it waits: that is its job

    hub = await startHub({ dataDir: hubDir, port, demo: true });
    onCleanup(() => hub.close());
    await until(() => agent.connection.status === 'connected' && agent.connection.pending === 0, 'outbox drained');
    expect(agent.outbox.rejected()).toMatchObject([{ type: 'case.register' }]);
    expect(bytes()).not.toContain(ID);
  });
});
