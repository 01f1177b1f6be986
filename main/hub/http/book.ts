import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/kernel/clock';
import { refusalError } from '../../../shared/kernel/refusal';
import type { WireAnswer } from '../../../shared/protocol';
import { BookingKey, BookRequest, BookSlotsRequest, FollowRequest, MoveRequest } from '../../../shared/appointments/phone';
import { bookingRefusals } from '../../../shared/appointments/refusals';
import { maskResidentId } from '../../../shared/identity/rules';
import type { Executor } from '../commands/executor';
import { book, bookableSlots, bookingCodeIssued, cancelBooking, lookBooking, moveBooking } from '../features/appointments/handlers';
import { followByToken } from '../features/appointments/follow';
import { GuideRequest, guidesOfService } from '../../../shared/catalog/guide';
import { notFound } from '../commands/context';
import type { Store } from '../store';
import { answerWith, looked, PHONE, phoneContext, phoneGate, type PhoneGate } from './phone';

export const BOOK_PATHS = ['/book/slots', '/book', '/book/look', '/book/cancel', '/book/move', '/follow', '/book/guide'] as const;
export type BookPath = (typeof BOOK_PATHS)[number];

interface Deps {
  store: Store;
  executor: Executor;
  clock: Clock;
  hallId: string;
  /** The booking page's calls per address, and the follow page's (polled every few seconds by each phone). */
  book: PhoneGate;
  follow: PhoneGate;
}

/**
 * The booking and follow pages' calls (anonymous phones, as the rating page's):
 * POST /book/slots {} → the services, days and places left;
 * POST /book {serviceId, day, start, name, idNumber, phone} → the booking and its code;
 * POST /book/look and /book/cancel {code, idLast4} → the booking (cancelled);
 * POST /book/move {code, idLast4, day, start} → the booking in its new slot;
 * POST /follow {token} → the ticket's progress;
 * POST /book/guide {serviceId} → the service guide (办事指南) of a service's items, from the public catalog.
 * Bookings and cancellations are audited with the ID masked and neither name nor phone; a code
 * never issued (a guess) is refused without an audit row.
 */
export function bookingEndpoint({ store, executor, clock, hallId, ...gates }: Deps) {
  const readBook = phoneGate(gates.book, '预约操作过于频繁，请一分钟后再试', bookingRefusals.terminal);
  const readFollow = phoneGate(gates.follow, '刷新过于频繁，请稍后再试', bookingRefusals.terminal);
  const context = (payload: unknown) => phoneContext(store, clock, hallId, payload);
  /**
   * A read that first marks the bookings whose slot is over as no-shows (appointments/noShows): a
   * booking is a replicated row (the region counts it), so that write goes through a transaction of
   * the store, like every write of one, and the feed carries it.
   */
  const sweptRead = (fn: () => object): WireAnswer => looked(() => store.transaction(fn).result);

  /** Runs a change as the phone's audited operation (one transaction with its audit row). */
  const audited = (type: string, detail: unknown, fn: () => object): WireAnswer =>
    executor.operation(PHONE, type, detail, () => ({ ok: true, result: fn() as Record<string, unknown>, seq: store.currentSeq })).answer;

  return async (req: IncomingMessage, res: ServerResponse, path: BookPath): Promise<void> => {
    switch (path) {
      case '/book/slots': {
        const given = await readBook(req, res, BookSlotsRequest);
        if (given)
          answerWith(
            res,
            sweptRead(() => bookableSlots(context(given))),
          );
        return;
      }
      case '/book': {
        const given = await readBook(req, res, BookRequest);
        if (!given) return;
        const { serviceId, day, start, idNumber } = given;
        answerWith(
          res,
          audited('booking.book', { serviceId, day, start, idNumber: maskResidentId(idNumber) }, () => book(context(given), given)),
        );
        return;
      }
      case '/book/look':
      case '/book/cancel': {
        const given = await readBook(req, res, BookingKey);
        if (!given) return;
        if (!bookingCodeIssued({ store }, given.code))
          return answerWith(res, { ok: false, error: refusalError(bookingRefusals.wrongCode) });
        if (path === '/book/look')
          return answerWith(
            res,
            sweptRead(() => lookBooking(context(given), given.code, given.idLast4)),
          );
        answerWith(
          res,
          audited('booking.cancel', { code: `${given.code.slice(0, 2)}…` }, () => cancelBooking(context(given), given.code, given.idLast4)),
        );
        return;
      }
      case '/book/move': {
        const given = await readBook(req, res, MoveRequest);
        if (!given) return;
        if (!bookingCodeIssued({ store }, given.code))
          return answerWith(res, { ok: false, error: refusalError(bookingRefusals.wrongCode) });
        const { code, day, start } = given;
        answerWith(
          res,
          audited('booking.move', { code: `${code.slice(0, 2)}…`, day, start }, () => moveBooking(context(given), given)),
        );
        return;
      }
      case '/book/guide': {
        const given = await readBook(req, res, GuideRequest);
        if (given)
          answerWith(
            res,
            looked(() => {
              // Any open service's guide: people read it before they book, or to check their papers.
              if (!store.get('services', given.serviceId)?.is_open) throw notFound('service');
              return { items: guidesOfService(store.all('catalog_items'), given.serviceId) };
            }),
          );
        return;
      }
      case '/follow': {
        const given = await readFollow(req, res, FollowRequest);
        if (given)
          answerWith(
            res,
            looked(() => followByToken(context(given), given.token)),
          );
        return;
      }
    }
  };
}
