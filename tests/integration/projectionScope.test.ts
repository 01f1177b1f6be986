import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { createTerminal, DEMO_PASSWORD, type DemoTerminal } from '../../main/hub/seed';
import type { TerminalAgent } from '../../main/terminal/agent';
import type { CommandPayload, Row, Snapshot, TableName } from '../../shared/protocol';
import { actors, ok } from '../support/actors';
import { agentFor, demoHub, onCleanup, tempDir, terminal, until } from '../support/hub';

/**
 * Projection by scope (sync/scope.ts): a zone's display, a department's clerk and a counter's
 * evaluator each get their part of the hall, in snapshots, backlogs and live batches alike; rows that
 * leave a scope go from the replica; a manager gets everything.
 */
const h = 'H3301';
const ID = '11010519491231002X';
const C = (n: number) => `${h}-c-${String(n).padStart(2, '0')}`;

const ids = (s: Snapshot, table: TableName) => (s.tables[table] ?? []).map((r) => String(r.id)).sort();
const sorted = (s: Snapshot) =>
  Object.fromEntries(
    Object.entries(s.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([t, rows]) => [t, [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))]),
  );

async function hall() {
  const hub = await demoHub();
  const a = actors(hub);
  const terminalWith = (role: DemoTerminal['role'], name: string, more: { zone?: string; counterId?: string } = {}): DemoTerminal => {
    const id = `${h}-t-${name}`;
    const counterId = more.counterId ?? null;
    const token = hub.store.transaction(() => createTerminal(hub.store, h, { id, role, name, counterId, zone: more.zone }, 0)).result;
    return { id, role, name, counterId, token };
  };
  const signIn = (n: number) =>
    ok(a.clerk(n - 1)('counter.signIn', { counterId: C(n), login: `c${String(n).padStart(2, '0')}`, password: DEMO_PASSWORD }));
  const issue = (prefix: string) =>
    (ok(a.kiosk('ticket.issue', { serviceId: `${h}-s-${prefix}`, priority: 'normal', confirm: null })).ticket as { number: string }).number;
  /** A case registered at counter `n` by its signed-in clerk; its id. */
  const register = (n: number, itemId: string, name: string, parts: CommandPayload<'case.register'>['parts'] = []) =>
    (
      ok(
        a.clerk(n - 1)('case.register', {
          caseId: randomUUID(),
          counterId: C(n),
          at: Date.now(),
          ticketId: null,
          itemId,
          applicant: { type: 'person', name, idNumber: ID, creditCode: null, phone: '13912345678' },
          agentName: null,
          green: false,
          materialsReceived: ['申请书'],
          parts,
        }),
      ).case as Row<'cases'>
    ).id;
  const agents: [DemoTerminal, TerminalAgent][] = [];
  const watch = (t: DemoTerminal, dataDir?: string) => {
    const agent = agentFor(hub, t, { dataDir });
    agents.push([t, agent]);
    return agent;
  };
  /** Every agent in step with the hub, and each replica exactly its terminal's snapshot. */
  const settled = async () => {
    await until(
      () => agents.every(([, ag]) => ag.connection.status === 'connected' && ag.replica.cursor().seq === hub.store.currentSeq),
      'replicas at the hub seq',
    );
    for (const [t, ag] of agents) expect(sorted(ag.replica.snapshot()), t.id).toEqual(sorted(hub.snapshot(t.id)));
  };
  return { hub, a, terminalWith, signIn, issue, register, watch, settled };
}

/** Everything a terminal's socket receives, from a backlog from seq 0 on, as text; call it once it is at `seq`. */
async function received(hub: Hub, t: DemoTerminal): Promise<(seq: number) => Promise<string>> {
  const messages: string[] = [];
  const s = io(hub.url, { auth: { token: t.token }, transports: ['websocket'] });
  onCleanup(() => void s.close());
  s.onAny((event: string, ...args: unknown[]) => messages.push(`${event} ${JSON.stringify(args)}`));
  await until(() => s.connected, `${t.id} connected`);
  await s.emitWithAck('subscribe', { since: 0 });
  return async (seq) => {
    await until(() => messages.some((m) => m.includes(`"to":${seq}`)), `${t.id} at ${seq}`);
    return messages.join('\n');
  };
}

const ticketNumbers = (s: Snapshot) => (s.tables.tickets ?? []).map((r) => r.number as string).sort();

describe('projection by scope', () => {
  it("a zone's display gets that zone's counters, services and tickets, and loses a ticket transferred away", async () => {
    const { hub, a, terminalWith, signIn, issue, watch, settled } = await hall();
    const upstairs = terminalWith('display', 'display-2f', { zone: '二楼' });
    const whole = terminal(hub, 'display');
    const manager = terminal(hub, 'manager');
    const upstairsAgent = watch(upstairs);
    watch(whole);
    watch(manager);
    const raw = await received(hub, upstairs);
    signIn(1);
    signIn(9);
    const [a1, a2, g1, g2] = [issue('A'), issue('A'), issue('G'), issue('G')];
    ok(a.clerk(0)('ticket.callNext', { counterId: C(1) }));
    ok(a.clerk(8)('ticket.callNext', { counterId: C(9) }));
    await settled();

    const second = hub.store.all('counters').filter((c) => c.zone === '二楼');
    const mine = upstairsAgent.replica.snapshot();
    expect(ids(mine, 'counters')).toEqual(second.map((c) => c.id).sort());
    expect(ids(mine, 'services')).toEqual(['G', 'H', 'J', 'K', 'L', 'M', 'N', 'P'].map((p) => `${h}-s-${p}`));
    expect(ids(mine, 'counter_services').every((id) => second.some((c) => id.startsWith(`${c.id}-`)))).toBe(true);
    expect(ticketNumbers(mine)).toEqual([g1, g2]);
    const text = await raw(hub.store.currentSeq);
    expect(text).toContain(g1);
    expect(text).not.toContain(`"number":"${a1}"`);
    expect(text).not.toContain('一楼');
    expect(ticketNumbers(hub.snapshot(whole.id))).toEqual([a1, a2, g1, g2]);
    expect(ids(hub.snapshot(manager.id), 'counters')).toHaveLength(16);

    // G001, called upstairs, goes to the ground floor's service; A001 comes upstairs.
    ok(a.clerk(8)('ticket.transfer', { counterId: C(9), toServiceId: `${h}-s-A`, toCounterId: null, mode: 'keep' }));
    ok(a.clerk(0)('ticket.transfer', { counterId: C(1), toServiceId: `${h}-s-G`, toCounterId: null, mode: 'keep' }));
    await settled();
    expect(ticketNumbers(upstairsAgent.replica.snapshot())).toEqual([a1, g2]);
  });

  it('a clerk gets the cases of its counter’s departments (lead or joint part) and those registered there, nothing of the others', async () => {
    const { hub, a, signIn, register, watch, settled } = await hall();
    const [amr, psb, general, manager] = [
      terminal(hub, 'clerk', 0),
      terminal(hub, 'clerk', 5),
      terminal(hub, 'clerk', 7),
      terminal(hub, 'manager'),
    ];
    for (const t of [amr, psb, general, manager]) watch(t);
    const raw = await received(hub, psb);
    for (const n of [1, 6, 8]) signIn(n);
    const marketCase = register(1, `${h}-item-001`, '王市场');
    const jointCase = register(1, `${h}-item-002`, '赵联审', [{ departmentId: `${h}-d-psb`, limitDays: 5 }]);
    const policeCase = register(8, `${h}-item-015`, '钱户籍'); // registered at the general window
    ok(a.clerk(0)('case.step', { caseId: marketCase, counterId: C(1), at: Date.now(), action: 'accept' }));
    await settled();

    const casesOf = (t: DemoTerminal) => ids(hub.snapshot(t.id), 'cases');
    expect(casesOf(psb)).toEqual([jointCase, policeCase].sort());
    expect(casesOf(amr)).toEqual([marketCase, jointCase].sort());
    expect(casesOf(general)).toEqual([policeCase]);
    expect(casesOf(manager)).toEqual([marketCase, jointCase, policeCase].sort());
    const psbView = hub.snapshot(psb.id);
    expect((psbView.tables.case_parts ?? []).every((p) => p.case_id === jointCase)).toBe(true);
    expect(new Set((psbView.tables.case_events ?? []).map((e) => e.case_id))).toEqual(new Set([jointCase, policeCase]));
    // Not a row of the market case ever reaches the police clerk: only deletes, by id.
    const text = await raw(hub.store.currentSeq);
    expect(text).not.toContain('王市场');
    expect(text).toContain('钱户籍');
  });

  it('an evaluator gets its counter and the tickets called to it, no other', async () => {
    const { hub, a, signIn, issue, watch, settled } = await hall();
    const evaluator = terminal(hub, 'evaluator');
    const agent = watch(evaluator);
    signIn(1);
    signIn(4);
    const [a1, , c1] = [issue('A'), issue('A'), issue('C')];
    ok(a.clerk(0)('ticket.callNext', { counterId: C(1) }));
    ok(a.clerk(3)('ticket.callNext', { counterId: C(4) }));
    ok(a.clerk(0)('ticket.start', { counterId: C(1) }));
    ok(a.clerk(0)('ticket.finish', { counterId: C(1), handledServiceIds: [`${h}-s-A`] }));
    ok(a.clerk(0)('ticket.callNext', { counterId: C(1) }));
    await settled();
    const mine = agent.replica.snapshot();
    expect(ids(mine, 'counters')).toEqual([C(1)]);
    expect(ids(mine, 'counter_services')).toEqual([`${C(1)}-A`, `${C(1)}-B`]);
    expect(ticketNumbers(mine)).toEqual([a1, 'A002']);
    expect(ticketNumbers(hub.snapshot(terminal(hub, 'display').id))).toContain(c1);

    ok(a.clerk(0)('ticket.transfer', { counterId: C(1), toServiceId: `${h}-s-C`, toCounterId: null, mode: 'back' }));
    await settled();
    expect(ticketNumbers(agent.replica.snapshot())).toEqual([a1]);
  });

  it('when what a counter serves or where it stands changes, the terminals it concerns get their new scope, live or on return', async () => {
    const { hub, a, terminalWith, signIn, register, watch, settled } = await hall();
    const psb = terminal(hub, 'clerk', 5);
    const psbAgent = watch(psb);
    const upstairs = terminalWith('display', 'display-2f', { zone: '二楼' });
    const upstairsDir = tempDir('agent-');
    const upstairsAgent = watch(upstairs, upstairsDir);
    signIn(1);
    signIn(6);
    const marketCase = register(1, `${h}-item-001`, '孙');
    const policeCase = register(6, `${h}-item-015`, '李');
    await settled();
    expect(ids(psbAgent.replica.snapshot(), 'cases')).toEqual([policeCase]);

    // Counter 6 now serves the market's A instead of the police's E (no command does this yet: a tool would, through the store).
    hub.store.transaction(() =>
      hub.store.upsert('counter_services', { id: `${C(6)}-E`, hall_id: h, counter_id: C(6), service_id: `${h}-s-A`, position: 0 }),
    );
    await until(
      () => ids(psbAgent.replica.snapshot(), 'cases').join() === [marketCase, policeCase].sort().join(),
      'the market case arrives',
    );
    // It keeps the police case it registered; the market's is now its department's too.
    expect(sorted(psbAgent.replica.snapshot())).toEqual(sorted(hub.snapshot(psb.id)));

    // Counter 9 moves downstairs while the upstairs display is away, counter 8 upstairs while it is on.
    await upstairsAgent.close();
    hub.store.transaction(() => hub.store.patch('counters', C(9), { zone: '一楼' }));
    ok(a.manager('hall.setNotice', { text: '楼层调整' }));
    const back = watch(upstairs, upstairsDir);
    await until(() => back.connection.status === 'connected', 'back');
    expect(back.connection.synced?.mode).toBe('snapshot');
    expect(ids(back.replica.snapshot(), 'counters')).not.toContain(C(9));
    hub.store.transaction(() => hub.store.patch('counters', C(8), { zone: '二楼' }));
    await until(() => ids(back.replica.snapshot(), 'counters').includes(C(8)), 'counter 8 arrives upstairs');
    ok(a.manager('hall.setNotice', { text: '调整完毕' }));
    await until(() => [back, psbAgent].every((ag) => ag.replica.cursor().seq === hub.store.currentSeq), 'in step');
    expect(sorted(back.replica.snapshot())).toEqual(sorted(hub.snapshot(upstairs.id)));
    expect(sorted(psbAgent.replica.snapshot())).toEqual(sorted(hub.snapshot(psb.id)));
  });
});
