import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../main/hub/hub';
import { createTerminal, DEMO_PASSWORD } from '../../main/hub/seed';
import type { TerminalAgent } from '../../main/terminal/agent';
import type { Snapshot } from '../../shared/protocol';
import type { TerminalRole } from '../../shared/kernel/roles';
import { agentFor, callerOf, demoHub, onCleanup, opId, tempDir, terminal, until } from '../support/hub';

const sorted = (s: Snapshot) =>
  Object.fromEntries(
    Object.entries(s.tables)
      .filter(([, rows]) => rows.length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, rows]) => [t, [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))]),
  );

const connected = (agents: TerminalAgent[]) => () => agents.every((a) => a.connection.status === 'connected');

describe('replication', () => {
  it('24 terminals interleave commands and every replica ends identical to the hub', async () => {
    const hub = await demoHub();
    const clerks = hub.demoTerminals.filter((t) => t.role === 'clerk');
    // Four more terminals on top of the 20 demo ones: two displays, a kiosk, a manager.
    const extraRoles: TerminalRole[] = ['display', 'display', 'kiosk', 'manager'];
    const extras = extraRoles.map((role, i) => {
      const id = `H3301-t-extra-${i}`;
      const token = hub.store.transaction(() => createTerminal(hub.store, hub.hallId, { id, role, name: id, counterId: null }, 0)).result;
      return { id, role, name: id, counterId: null, token };
    });
    const terminals = [...hub.demoTerminals, ...extras];
    const agents = terminals.map((t) => agentFor(hub, t));
    expect(agents.length).toBeGreaterThanOrEqual(24);
    await until(connected(agents), 'all connected');

    const byId = new Map(terminals.map((t, i) => [t.id, agents[i]!]));
    const manager = byId.get('H3301-t-manager-1')!;
    await Promise.all([
      ...clerks.map(async (t, i) => {
        const a = byId.get(t.id)!;
        const counterId = t.counterId!;
        const login = `c${String(i + 1).padStart(2, '0')}`;
        for (let round = 0; round < 3; round++) {
          expect(await a.command('counter.signIn', { counterId, login, password: DEMO_PASSWORD })).toMatchObject({ ok: true });
          expect(await a.command('counter.pause', { counterId, reason: '业务咨询' })).toMatchObject({ ok: true });
          expect(await a.command('inquiry.record', { inquiryId: randomUUID(), counterId, topic: '营业执照', detail: '' })).toMatchObject({
            ok: true,
          });
          expect(await a.command('counter.resume', { counterId })).toMatchObject({ ok: true });
          if (round < 2) expect(await a.command('counter.signOut', { counterId })).toMatchObject({ ok: true });
        }
      }),
      (async () => {
        for (let i = 0; i < 20; i++) expect(await manager.command('hall.setNotice', { text: `通知 ${i}` })).toMatchObject({ ok: true });
      })(),
    ]);

    const seq = hub.store.currentSeq;
    await until(() => agents.every((a) => a.replica.cursor().seq === seq), 'replicas at hub seq');
    terminals.forEach((t, i) => {
      expect(sorted(agents[i]!.replica.snapshot()), `${t.role} ${t.id}`).toEqual(sorted(hub.snapshot(t.id)));
    });
    // The display's projection carries no staff and no inquiry.
    const display = agents[terminals.findIndex((t) => t.role === 'display')]!.replica.snapshot();
    expect(display.tables.staff).toBeUndefined();
    expect(display.tables.inquiries).toBeUndefined();
    expect(display.tables.counters?.[0]).not.toHaveProperty('staff_id');
  });

  it('a terminal away while 1,000 changes happen catches up from its cursor', async () => {
    const hub = await demoHub();
    const dataDir = tempDir('agent-');
    const t = terminal(hub, 'manager');
    const first = agentFor(hub, t, { dataDir });
    await until(connected([first]), 'connected');
    const seqBefore = first.replica.cursor().seq;
    await first.close();

    for (let i = 0; i < 1000; i++) {
      expect(hub.execute(callerOf(t), { opId: opId(), type: 'hall.setNotice', payload: { text: `第 ${i} 条通知` } })).toMatchObject({
        ok: true,
      });
    }
    const back = agentFor(hub, t, { dataDir });
    await until(() => back.connection.status === 'connected', 'reconnected');
    expect(back.connection.synced).toEqual({ mode: 'backlog', seq: seqBefore + 1000 });
    expect(back.replica.cursor().seq).toBe(seqBefore + 1000);
    expect(back.replica.row('halls', hub.hallId)?.notice).toBe('第 999 条通知');
  });

  it('a cursor older than the retained feed gets a snapshot', async () => {
    const hub = await demoHub({ feedRetention: 10 });
    const dataDir = tempDir('agent-');
    const t = terminal(hub, 'display');
    const first = agentFor(hub, t, { dataDir });
    await until(connected([first]), 'connected');
    await first.close();
    const manager = callerOf(terminal(hub, 'manager'));
    for (let i = 0; i < 1200; i++) hub.execute(manager, { opId: opId(), type: 'hall.setNotice', payload: { text: `n${i}` } });
    expect(hub.store.oldestSeq()).toBeGreaterThan(first.replica.cursor().seq + 1);

    const back = agentFor(hub, t, { dataDir });
    await until(() => back.connection.status === 'connected', 'reconnected');
    expect(back.connection.synced?.mode).toBe('snapshot');
    expect(sorted(back.replica.snapshot())).toEqual(sorted(hub.snapshot(t.id)));
  });

  it('a replica from a replaced hub database starts over', async () => {
    const agentDir = tempDir('agent-');
    const hubA = await demoHub();
    const a = agentFor(hubA, terminal(hubA, 'display'), { dataDir: agentDir });
    await until(connected([a]), 'connected to A');
    await a.close();
    await hubA.close();
    const hubB = await demoHub();
    hubB.execute(callerOf(terminal(hubB, 'manager')), { opId: opId(), type: 'hall.setNotice', payload: { text: 'B' } });
    const b = agentFor(hubB, terminal(hubB, 'display'), { dataDir: agentDir });
    await until(() => b.connection.status === 'connected', 'connected to B');
    expect(sorted(b.replica.snapshot())).toEqual(sorted(hubB.snapshot(terminal(hubB, 'display').id)));
  });

  it('after a clean hub restart (the hub hangs up), terminals reconnect by themselves', async () => {
    const dataDir = tempDir();
    let hub = await demoHub({ dataDir });
    const port = hub.port;
    const tokens = hub.demoTerminals;
    const agent = agentFor(hub, terminal(hub, 'display'));
    await until(() => agent.connection.status === 'connected', 'connected');
    await hub.close();
    await until(() => agent.connection.status === 'reconnecting', 'sees the hub go');
    hub = await startHub({ dataDir, port, demo: true });
    onCleanup(() => hub.close());
    hub.execute(callerOf(tokens.find((t) => t.role === 'manager')!), { opId: opId(), type: 'hall.setNotice', payload: { text: '重启后' } });
    await until(
      () => agent.connection.status === 'connected' && agent.replica.row('halls', hub.hallId)?.notice === '重启后',
      'back, in step',
      15_000,
    );
  });

  it('after an upgrade that changed what a role sees, a replica caught up to the last entry takes a snapshot too', async () => {
    const dataDir = tempDir();
    let hub = await demoHub({ dataDir });
    const port = hub.port;
    const agent = agentFor(hub, terminal(hub, 'manager'));
    await until(() => agent.connection.status === 'connected' && agent.replica.cursor().seq === hub.store.currentSeq, 'caught up');
    const seq = hub.store.currentSeq;
    await hub.close();
    // As a migration adding a column to a replicated table does (0031, 0032): the scope record goes.
    const db = new Database(path.join(dataDir, 'hall.db'));
    db.prepare("DELETE FROM meta WHERE key = 'scope'").run();
    db.close();
    hub = await startHub({ dataDir, port, demo: true });
    onCleanup(() => hub.close());
    expect(hub.store.currentSeq).toBe(seq);
    await until(() => agent.connection.status === 'connected' && agent.connection.synced?.mode === 'snapshot', 'a snapshot', 15_000);
    expect(agent.replica.cursor().seq).toBe(seq);
  });

  it('offline-capable work waits in the outbox across a terminal restart and is applied once', async () => {
    const hubDir = tempDir();
    let hub = await demoHub({ dataDir: hubDir });
    const port = hub.port;
    const t = terminal(hub, 'clerk', 0);
    const agentDir = tempDir('agent-');
    let agent = agentFor(hub, t, { dataDir: agentDir });
    await until(connected([agent]), 'connected');
    expect(await agent.command('counter.signIn', { counterId: t.counterId!, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    const tokens = hub.demoTerminals;
    await hub.close();
    await until(() => agent.connection.status === 'reconnecting', 'sees hub gone');

    // Needs the hub: fails fast. May be done offline: queued, durably.
    expect(await agent.command('counter.pause', { counterId: t.counterId!, reason: '会议' })).toMatchObject({
      ok: false,
      error: { code: 'HUB_UNREACHABLE' },
    });
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      expect(
        await agent.command('inquiry.record', { inquiryId: id, counterId: t.counterId!, topic: '社保转移', detail: '离线登记' }),
      ).toMatchObject({ ok: 'queued' });
    }
    expect(await agent.command('inquiry.resolve', { inquiryId: ids[0]!, resolution: '已电话答复' })).toMatchObject({ ok: 'queued' });
    expect(agent.connection.pending).toBe(4);
    await agent.close(); // the terminal restarts while the hub is still down

    hub = await startHub({ dataDir: hubDir, port, demo: true });
    onCleanup(() => hub.close());
    agent = agentFor(
      hub,
      tokens.find((x) => x.id === t.id)!,
      { dataDir: agentDir },
    );
    await until(() => agent.connection.status === 'connected' && agent.connection.pending === 0, 'outbox drained');
    const rows = hub.db.prepare('SELECT id, status FROM inquiries ORDER BY created_at').all() as { id: string; status: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.find((r) => r.id === ids[0])?.status).toBe('resolved');
    expect(agent.outbox.rejected()).toEqual([]);
  });
});
