import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/kernel/clock';
import { refusalError } from '../../../shared/kernel/refusal';
import type { WireAnswer } from '../../../shared/protocol';
import { RateLookRequest, RateSubmitRequest } from '../../../shared/ratings/phone';
import { ratingRefusals } from '../../../shared/ratings/refusals';
import type { Executor } from '../commands/executor';
import { codeIssued, lookByCode, rateByCode } from '../features/ratings/handlers';
import type { StoredEntry, Store } from '../store';
import { answerWith, looked, PHONE, phoneContext, phoneGate, type PhoneGate } from './phone';

export { PHONE } from './phone';

interface Deps extends PhoneGate {
  store: Store;
  executor: Executor;
  clock: Clock;
  hallId: string;
  /** Broadcasts a rating's feed entries to the board and the window's evaluator. */
  publish: (entries: StoredEntry[]) => void;
}

/**
 * The phone page's two calls, the only way a code is redeemed (the socket commands take the
 * window's requests from its evaluator only, and no code is a request's id):
 * POST /rate/look {code} → {subject, counter, day}: what the code rates, or why it cannot;
 * POST /rate {code, level, subScores, reasons, comment} → {}: the rating, once.
 * Each address gets a few calls a minute; a rating with a code the hub issued is audited and fed
 * in one transaction, while a code it never issued (a guess) is answered alike without an audit
 * row, so guessing cannot fill the audit log.
 */
export function ratingEndpoint({ store, executor, clock, hallId, publish, ...gate }: Deps) {
  const read = phoneGate(gate, '评价尝试过于频繁，请一分钟后再试', ratingRefusals.terminal);
  const context = (payload: unknown) => phoneContext(store, clock, hallId, payload);

  function rate(given: RateSubmitRequest): WireAnswer {
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
    if (path === '/rate') {
      const given = await read(req, res, RateSubmitRequest);
      if (given) answerWith(res, rate(given));
    } else {
      const given = await read(req, res, RateLookRequest);
      if (given)
        answerWith(
          res,
          looked(() => lookByCode(context(given), given.code)),
        );
    }
  };
}
