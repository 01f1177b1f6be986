import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startHub, type Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD, type DemoTerminal } from '../../main/hub/seed';
import { hallDay, ticketNumber } from '../../shared/queue/rules';
import { nowMs, round, summarize } from './stats';

/**
 * What one issue and one call-next cost the hub with a long waiting line, in process (no sockets:
 * the handler, its transaction and its feed, nothing else): the demo hall with its 16 counters
 * signed in and `waiting` tickets spread over every service, the way a hall with thousands waiting
 * looks. The cost must not grow with the line: `issue_cost_ratio_8000_vs_500` compares the issue's
 * p50 at 8,000 waiting with that at 500.
 */
const START = Date.parse('2026-11-25T01:00:00Z'); // 09:00 in the demo hall

async function hallWithLine(waiting: number): Promise<{ hub: Hub; dir: string; advance: (ms: number) => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'queuecost-'));
  let now = START;
  const hub = await startHub({ dataDir: dir, port: 0, demo: true, clock: () => now, log: () => {} });
  const h = hub.hallId;
  const clerks = hub.demoTerminals.filter((t) => t.role === 'clerk');
  for (const [i, t] of clerks.entries()) {
    const n = String(i + 1).padStart(2, '0');
    const a = hub.execute(
      { terminalId: t.id, role: t.role, counterId: t.counterId },
      { opId: randomUUID(), type: 'counter.signIn', payload: { counterId: `${h}-c-${n}`, login: `c${n}`, password: DEMO_PASSWORD } },
    );
    if (!a.ok) throw new Error(`sign-in c${n}: ${a.error.message}`);
  }
  // The line straight into the database (as the bench's other halls are filled), issued over the
  // morning before now, round the services that take no daily cap.
  const services = hub.db.prepare('SELECT id, prefix FROM services WHERE daily_cap IS NULL ORDER BY prefix').all() as {
    id: string;
    prefix: string;
  }[];
  const day = hallDay(START, 480);
  const insert = hub.db
    .prepare(`INSERT INTO tickets (id, hall_id, day, service_id, seq, number, issued_service_id, priority, status, queue_key, issued_at)
    VALUES (@id, @h, @day, @service, @seq, @number, @service, 'normal', 'waiting', @at, @at)`);
  hub.db.transaction(() => {
    for (let i = 0; i < waiting; i++) {
      const s = services[i % services.length]!;
      const seq = Math.floor(i / services.length) + 1;
      const at = START - (waiting - i) * 100;
      insert.run({ id: `${h}-${day}-${s.prefix}-${seq}`, h, day, service: s.id, seq, number: ticketNumber(s.prefix, seq), at });
    }
  })();
  return { hub, dir, advance: (ms) => (now += ms) };
}

/** Times one command (ms); a refusal stops the bench (a refused command costs something else). */
function timer(hub: Hub) {
  return (t: DemoTerminal, type: string, payload: Record<string, unknown>) => {
    const t0 = nowMs();
    const a = hub.execute({ terminalId: t.id, role: t.role, counterId: t.counterId }, { opId: randomUUID(), type, payload } as never);
    const dt = nowMs() - t0;
    if (!a.ok) throw new Error(`${type}: ${a.error.code} ${a.error.message}`);
    return dt;
  };
}

/**
 * Issue and call-next timings (ms) on halls with these waiting lines, open side by side and sampled
 * in turn, so that whatever else the machine does weighs on each alike: one round is an issue of
 * service A, then counter 1's call-next, start and finish (the line keeps its length).
 */
export async function queueCost(lines: readonly number[], samples = 200): Promise<{ issue: number[]; callNext: number[] }[]> {
  const halls = [];
  for (const waiting of lines) halls.push(await hallWithLine(waiting));
  const out = halls.map(() => ({ issue: [] as number[], callNext: [] as number[] }));
  for (let i = -20; i < samples; i++) {
    for (const [k, { hub, advance }] of halls.entries()) {
      const h = hub.hallId;
      const run = timer(hub);
      const kiosk = hub.demoTerminals.find((t) => t.role === 'kiosk')!;
      const counterId = `${h}-c-01`;
      const clerk = hub.demoTerminals.find((t) => t.role === 'clerk' && t.counterId === counterId)!;
      advance(1000);
      const di = run(kiosk, 'ticket.issue', { serviceId: `${h}-s-A`, priority: 'normal', confirm: null });
      const dc = run(clerk, 'ticket.callNext', { counterId });
      run(clerk, 'ticket.start', { counterId });
      advance(1000);
      run(clerk, 'ticket.finish', { counterId, handledServiceIds: [`${h}-s-A`] });
      if (i >= 0) {
        out[k]!.issue.push(di);
        out[k]!.callNext.push(dc);
      }
    }
  }
  for (const { hub, dir } of halls) {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The bench's figures: issue and call-next p50 at 8,000 waiting over those at 500 (and the p50s, to read them by). */
export async function queueCostFigures(log: (m: string) => void = () => {}) {
  const lines = [500, 2000, 8000];
  const at = (await queueCost(lines)).map(({ issue, callNext }) => ({ issue: summarize(issue).p50, call: summarize(callNext).p50 }));
  lines.forEach((n, i) => log(`queue cost at ${n} waiting: issue p50 ${round(at[i]!.issue)} ms, call-next p50 ${round(at[i]!.call)} ms`));
  const [small, , large] = at as [(typeof at)[0], (typeof at)[0], (typeof at)[0]];
  return {
    issue_p50_ms_500_waiting: round(small.issue),
    issue_p50_ms_8000_waiting: round(large.issue),
    issue_cost_ratio_8000_vs_500: round(large.issue / small.issue, 2),
    call_cost_ratio_8000_vs_500: round(large.call / small.call, 2),
  };
}

// tsx tests/bench/queueCost.ts: this section alone.
if (process.argv[1]?.endsWith(path.join('bench', 'queueCost.ts'))) {
  queueCostFigures(console.log).then((f) => console.log(`BENCH ${JSON.stringify(f)}`));
}
