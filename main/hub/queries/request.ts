import { ErrorCode, type HallError } from '../../../shared/kernel/errors';
import type { StaffRole } from '../../../shared/kernel/roles';
import { inputProblem } from '../../../shared/kernel/input';
import { REFUSALS } from '../../../shared/protocol/refusals';
import { isQueryName, querySpecs, QueryRequest, type QueryName } from '../../../shared/protocol';
import type { Caller } from '../commands/context';
import { staffRefusal } from '../commands/executor';

/** A query the hub has checked, ready to answer: its name, its parsed params, who asks and the hub's now. */
export interface QueryJob {
  name: QueryName;
  params: unknown;
  caller: Caller;
  now: number;
}

/** The hub itself as the asker of its own queries: the name its audit rows give it; such a query reads no caller. */
const HUB: Caller = { terminalId: 'hub', role: 'manager', counterId: null };

/**
 * A query the hub asks of its worker for itself (a sweep of its own): only of a query no terminal
 * role may ask, so that no terminal's query ever runs as the hub's. Asking another is the hub's bug.
 */
export function hubQuery(name: QueryName, params: unknown, now: number): QueryJob {
  if (querySpecs[name].roles.length > 0) throw new Error(`${name} is a terminal's query, not the hub's own`);
  return { name, params: querySpecs[name].params.parse(params), caller: HUB, now };
}

/**
 * Checks a query as it arrives, before anything reads: its shape, its name, the caller's role, at a
 * manager terminal the person signed in there (`session`), and its params.
 */
export function checkQuery(
  caller: Caller,
  raw: unknown,
  now: number,
  session?: () => { role: StaffRole } | undefined,
): { ok: true; job: QueryJob } | { ok: false; error: HallError } {
  const request = QueryRequest.safeParse(raw);
  if (!request.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '查询格式错误：需要 { name, params }' } };
  const { name } = request.data;
  if (!isQueryName(name)) return { ok: false, error: { code: ErrorCode.UNKNOWN_COMMAND, message: `未知查询：${name.slice(0, 64)}` } };
  const spec = querySpecs[name];
  if (!(spec.roles as readonly string[]).includes(caller.role))
    return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: `${caller.role} 终端无权查询 ${name}` } };
  if (session) {
    const refusal = staffRefusal(session(), ['manager', 'admin']);
    if (refusal) return { ok: false, error: refusal };
  }
  const params = spec.params.safeParse(request.data.params);
  if (!params.success)
    return {
      ok: false,
      error: {
        code: ErrorCode.VALIDATION_FAILED,
        message: `查询参数错误：${params.error.issues[0]?.message ?? ''}`,
        ...inputProblem(params.error.issues, REFUSALS),
      },
    };
  return { ok: true, job: { name, params: params.data, caller, now } };
}
