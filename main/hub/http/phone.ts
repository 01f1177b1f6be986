import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Clock } from '../../../shared/kernel/clock';
import { CommandError, ErrorCode, type HallError } from '../../../shared/kernel/errors';
import { inputProblem } from '../../../shared/kernel/input';
import type { Refusal } from '../../../shared/kernel/refusal';
import { refusalError } from '../../../shared/kernel/refusal';
import { REFUSALS } from '../../../shared/protocol/refusals';
import type { CommandType, WireAnswer } from '../../../shared/protocol';
import type { Caller, HandlerContext } from '../commands/context';
import { KeyedBuckets, rateLimited, type Rate } from '../limits';
import type { Store } from '../store';
import { sendJson } from '../../kernel/staticFiles';
import { readJsonBody } from '../../kernel/jsonBody';

/**
 * The applicant's phone: no terminal, no token. What it does is audited under this caller; its
 * role is the rater's, which no session or counter attaches to.
 */
export const PHONE: Caller = { terminalId: 'phone', role: 'evaluator', counterId: null };

const MAX_BODY = 4096;

/** HTTP status of a refusal: a request's own trouble is the client's (4xx), the hub's is 5xx. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATING_INVALID]: 409,
  [ErrorCode.BOOKING_REFUSED]: 409,
  [ErrorCode.STORAGE_FULL]: 503,
  [ErrorCode.INTERNAL]: 500,
};
export const refused = (res: ServerResponse, error: HallError) => sendJson(res, STATUS[error.code] ?? 409, { error });

/** Sends a handler's answer: its result, or its refusal with the refusal's status. */
export function answerWith(res: ServerResponse, answer: WireAnswer): void {
  if (answer.ok) sendJson(res, 200, answer.result);
  else refused(res, answer.error);
}

/** A handler's context for a phone's request: the hub's store and clock, the phone as the caller. */
export function phoneContext(store: Store, clock: Clock, hallId: string, payload: unknown): HandlerContext<CommandType> {
  return {
    store,
    now: clock(),
    hallId,
    caller: PHONE,
    payload,
    sessionStaff: null,
    verifyAudit: () => {
      throw new Error('not on the phone route');
    },
    auditNote: () => {},
    passwordMatches: () => false,
    afterCommit: () => {},
    // A phone's requests end no service: no evaluator is ever asked from here.
    linkDropped: () => false,
  } as HandlerContext<CommandType>;
}

/** A read-only answer of a handler (no audit row): its result, or the refusal it threw. */
export function looked(fn: () => object): WireAnswer {
  try {
    return { ok: true, result: fn() as Record<string, unknown>, seq: 0 };
  } catch (e) {
    if (e instanceof CommandError) return { ok: false, error: e.toHallError() };
    throw e;
  }
}

export interface PhoneGate {
  /** Requests per client address (a phone, or the hall Wi-Fi's address for all of them behind NAT). */
  perAddress: Rate;
  /** Whether a bearer token is a hall terminal's: the phone routes are for applicants' own phones. */
  isTerminal: (token: string | undefined) => boolean;
}

/**
 * The gate every anonymous phone route passes: POST only, a few calls a minute per address, no hall
 * terminal, a small JSON body valid for the route's schema. Answers the parsed body, or undefined
 * once the refusal has been sent.
 */
export function phoneGate({ perAddress, isTerminal }: PhoneGate, limitMessage: string, terminalRefusal: Refusal) {
  const attempts = new KeyedBuckets(perAddress);
  return async <S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S): Promise<z.infer<S> | undefined> => {
    if (req.method !== 'POST') return void sendJson(res, 405, { error: { code: ErrorCode.VALIDATION_FAILED, message: 'POST only' } });
    if (!attempts.take(req.socket.remoteAddress ?? '')) return void sendJson(res, 429, rateLimited(limitMessage));
    if (isTerminal(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1])) return void refused(res, refusalError(terminalRefusal));
    const read = await readJsonBody(req, MAX_BODY);
    if (read === 'tooLarge') return void sendJson(res, 413, { error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '请求过大' } });
    const parsed = schema.safeParse(read.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return void refused(res, {
        code: ErrorCode.VALIDATION_FAILED,
        message: `参数错误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        ...inputProblem(parsed.error.issues, REFUSALS),
      });
    }
    return parsed.data;
  };
}
