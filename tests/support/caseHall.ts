import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CaseStep } from '../../shared/cases/commands';
import type { CommandPayload, QueryName, QueryParams, QueryResult, Row } from '../../shared/protocol';
import { actors, ok } from './actors';
import { callerOf, demoHub, manualClock, signInManager, terminal } from './hub';

export const ID = '11010519491231002X';
export const C1 = 'H3301-c-01';
export const ITEM = 'H3301-item-001'; // 企业设立登记: statutory 15, promised 10 working days

export const counterOf = (n: number) => `H3301-c-${String(n).padStart(2, '0')}`;

/**
 * Who takes which step of a 市场监管 case in the demo hall (its separation of duties): the clerk at
 * counter 1 registers, accepts, undertakes and concludes; 李红梅 at counter 2 holds the 审核 duty;
 * 张建国 at counter 3 heads the department and decides.
 */
export const STEP_COUNTER: Partial<Record<CaseStep['action'], number>> = { review: 2, approve: 3, deny: 3 };

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
  /** The clerk at counter `n` (1–16), signed in there the first time they are needed. */
  const signedIn = new Map<number, ReturnType<typeof a.clerk>>([[1, clerk]]);
  const at = (n: number) => {
    let send = signedIn.get(n);
    if (!send) {
      send = a.clerk(n - 1);
      ok(send('counter.signIn', { counterId: counterOf(n), login: `c${String(n).padStart(2, '0')}`, password: DEMO_PASSWORD }));
      signedIn.set(n, send);
    }
    return send;
  };
  /** A step of a 市场监管 case, by whoever the demo hall's duties give it to (STEP_COUNTER), or by the clerk at counter `by`. */
  const step = (caseId: string, action: CaseStep['action'], more: Record<string, unknown> = {}, by = STEP_COUNTER[action] ?? 1) =>
    at(by)('case.step', { caseId, counterId: counterOf(by), at: clock(), action, ...more } as CaseStep);
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
  return { clock, hub, a, clerk, at, registration, register, step, row, days, ask };
}
