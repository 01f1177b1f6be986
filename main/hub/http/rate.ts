import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Clock } from '../../../shared/kernel/clock';
import { CommandError, ErrorCode, type HallError } from '../../../shared/kernel/errors';
import { inputProblem } from '../../../shared/kernel/input';
import { refusalError } from '../../../shared/kernel/refusal';
import { REFUSALS } from '../../../shared/protocol/refusals';
import type { CommandType, WireAnswer } from '../../../shared/protocol';
import { RateLookRequest, RateSubmitRequest } from '../../../shared/ratings/phone';
import { ratingRefusals } from '../../../shared/ratings/refusals';
import type { Caller, HandlerContext } from '../commands/context';
import type { Executor } from '../commands/executor';
import { codeIssued, lookByCode, rateByCode } from '../features/ratings/handlers';
import { KeyedBuckets, rateLimited, type Rate } from '../limits';
import type { StoredEntry, Store } from '../store';
import { sendJson } from '../../kernel/staticFiles';
import { readJsonBody } from '../../kernel/jsonBody';

const MAX_BODY = 4096;

/**
 * The applicant's phone: no terminal, no token. Its ratings are audited under this caller; its
 * role is the rater's, which no session or counter attaches to.
 */
export const PHONE: Caller = { terminalId: 'phone', role: 'evaluator', counterId: null };

interface Deps {
  store: Store;
  executor: Executor;
  clock: Clock;
  hallId: string;
  /** Requests per client address (a phone, or the hall Wi-Fi's address for all of them behind NAT). */
  perAddress: Rate;
  /** Whether a bearer token is a hall terminal's: terminals never rate (refused even with a good code). */
  isTerminal: (token: string | undefined) => boolean;
  /** Broadcasts a rating's feed entries to the board and the window's evaluator. */
  publish: (entries: StoredEntry[]) => void;
}

/** HTTP status of a refusal: a code's own trouble is the client's (4xx), the hub's is 5xx. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATING_INVALID]: 409,
  [ErrorCode.STORAGE_FULL]: 503,
  [ErrorCode.INTERNAL]: 500,
};
const refused = (res: ServerResponse, error: HallError) => sendJson(res, STATUS[error.code] ?? 409, { error });

/**
 * The phone page's two calls, the only way a code is redeemed (the socket commands take the
 * window's requests from its evaluator only, and no code is a request's id):
 * POST /rate/look {code} → {subject, counter, day}: what the code rates, or why it cannot;
 * POST /rate {code, level, subScores, reasons, comment} → {}: the rating, once.
 * Each address gets a few calls a minute; a rating with a code the hub issued is audited and fed
 * in one transaction, while a code it never issued (a guess) is answered alike without an audit
 * row, so guessing cannot fill the audit log.
 */
export function ratingEndpoint({ store, executor, clock, hallId, perAddress, isTerminal, publish }: Deps) {
  const attempts = new KeyedBuckets(perAddress);
  const context = (payload: unknown) =>
    ({
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
    }) as HandlerContext<CommandType>;

  function look(code: string): WireAnswer {
    try {
      return { ok: true, result: lookByCode(context({ code }), code), seq: 0 };
    } catch (e) {
      if (e instanceof CommandError) return { ok: false, error: e.toHallError() };
      throw e;
    }
  }

  function rate(given: z.infer<typeof RateSubmitRequest>): WireAnswer {
    if (!codeIssued({ store }, given.code)) return { ok: false, error: refusalError(ratingRefusals.invalid) };
    // The audit keeps the rating and the code's first characters, never the whole code.
    const { code, ...rest } = given;
    const { answer, entries } = executor.operation(PHONE, 'rating.byCode', { code: `${code.slice(0, 2)}…`, ...rest }, () => {
      rateByCode(context(given), given);
      return { ok: true, result: {}, seq: store.currentSeq };
    });
    publish(entries);
    return answer;
  }

  return async (req: IncomingMessage, res: ServerResponse, path: '/rate' | '/rate/look'): Promise<void> => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: { code: ErrorCode.VALIDATION_FAILED, message: 'POST only' } });
    if (!attempts.take(req.socket.remoteAddress ?? '')) return sendJson(res, 429, rateLimited('评价尝试过于频繁，请一分钟后再试'));
    if (isTerminal(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1])) return refused(res, refusalError(ratingRefusals.terminal));
    const read = await readJsonBody(req, MAX_BODY);
    if (read === 'tooLarge') return sendJson(res, 413, { error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '请求过大' } });
    const json = read.json;
    const parsed = (path === '/rate' ? RateSubmitRequest : RateLookRequest).safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refused(res, {
        code: ErrorCode.VALIDATION_FAILED,
        message: `参数错误：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        ...inputProblem(parsed.error.issues, REFUSALS),
      });
    }
    const answer = path === '/rate' ? rate(parsed.data as z.infer<typeof RateSubmitRequest>) : look(parsed.data.code);
    if (answer.ok) sendJson(res, 200, answer.result);
    else refused(res, answer.error);
  };
}
