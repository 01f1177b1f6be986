import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CaseStep } from '../../shared/cases/commands';
import type { CommandPayload, QueryName, QueryParams, QueryResult, Row } from '../../shared/protocol';
import { actors, ok } from './actors';
import { callerOf, demoHub, manualClock, signInManager, terminal } from './hub';

export const ID = '11010519491231002X';
export const C1 = 'H3301-c-01';
export const ITEM = 'H3301-item-001'; // 企业设立登记: statutory 15, promised 10 working days

/** A demo hall on `start` (by default 2026-11-02, a Monday, 09:00 in the hall) with clerk c01 signed in at counter 1. */
export async function caseHall(start = '2026-11-02T01:00:00Z') {
  const clock = manualClock(Date.parse(start));
  const hub = await demoHub({ clock });
  const a = actors(hub);
  const clerk = a.clerk(0);
  ok(clerk('counter.signIn', { counterId: C1, login: 'c01', password: DEMO_PASSWORD }));
  const registration = (more: Partial<CommandPayload<'case.register'>> = {}): CommandPayload<'case.register'> => ({
    caseId: randomUUID(),
    counterId: C1,
    at: clock(),
    ticketId: null,
    itemId: ITEM,
    applicant: { type: 'person', name: '张三', idNumber: ID, creditCode: null, phone: '13800138000' },
    agentName: null,
    green: false,
    materialsReceived: ['申请书', '身份证明'],
    parts: [],
    ...more,
  });
  const register = (more: Partial<CommandPayload<'case.register'>> = {}) =>
    ok(clerk('case.register', registration(more))).case as Row<'cases'>;
  const step = (caseId: string, action: CaseStep['action'], more: Record<string, unknown> = {}) =>
    clerk('case.step', { caseId, counterId: C1, at: clock(), action, ...more } as CaseStep);
  const row = (id: string) => hub.store.get('cases', id)!;
  const days = (n: number) => {
    clock.advance(n * 86_400_000);
    // Days later the board's session has long ended: its administrator signs in again.
    if (n > 0) signInManager(hub);
  };
  /** A query as the demo manager terminal asks it, its administrator signed in; throws on a refusal. */
  const ask = async <Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<QueryResult<Q>> => {
    signInManager(hub);
    const r = await hub.query(callerOf(terminal(hub, 'manager')), { name, params });
    if (!r.ok) throw new Error(r.error.message);
    return r.result as QueryResult<Q>;
  };
  return { clock, hub, a, clerk, registration, register, step, row, days, ask };
}
