import { z } from 'zod';
import { spec } from '../kernel/command';
import { entityId, password, text } from '../kernel/zod';
import { hallResult } from '../hall/commands';
import { hallTables } from '../hall/rows';
import { announceCommandSpecs } from './announceCommand';
import { Priority, TransferMode } from './enums';
import { queueTables } from './rows';
import { QueueSettingsPatch } from './settings';

/** Queue commands need the hub's answer at once (who is called is decided there), so none is offline-capable. */

const ticketNumber = z.string().regex(/^[A-Z]{1,2}\d{3,4}$/, '号码格式如 A023');
const counterOnly = z.strictObject({ counterId: entityId });
const ticketResult = z.object({ ticket: queueTables.tickets.row });

/** A service's day-to-day limits, as the board tunes them (service.update) and as setup defines them (service.save). */
export const serviceLimits = {
  dailyCap: z.number().int().min(1).max(9999).nullable(),
  maxWaitMin: z.number().int().min(1).max(600),
  maxServiceMin: z.number().int().min(1).max(600),
  maxCallMin: z.number().int().min(1).max(600),
  queueCap: z.number().int().min(1).max(9999),
};

export const queueCommandSpecs = {
  /** A kiosk issues a ticket; a priority class needs a staff member's confirmation on the spot. */
  'ticket.issue': spec({
    payload: z.strictObject({
      serviceId: entityId,
      priority: Priority,
      confirm: z.strictObject({ login: text(64), password }).nullable(),
    }),
    result: z.object({
      /** What the slip prints: never who will serve it. */
      ticket: queueTables.tickets.row.pick({ id: true, number: true, service_id: true, issued_at: true }),
      ahead: z.number().int().nonnegative(),
      estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
      /** The slip's 好差评 code (ratings/phone.ts): the applicant rates the service by phone once it ends. */
      ratingCode: z.string(),
      /** The slip's follow token (appointments/phone.ts): its QR opens the follow page, today only. */
      followToken: z.string(),
    }),
    roles: ['kiosk', 'manager'],
    offline: false,
  }),
  'ticket.callNext': spec({ payload: counterOnly, result: ticketResult, roles: ['clerk'], offline: false }),
  'ticket.callSpecific': spec({
    payload: z.strictObject({ counterId: entityId, number: ticketNumber, reason: text(100) }),
    result: ticketResult,
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.recall': spec({ payload: counterOnly, result: ticketResult, roles: ['clerk'], offline: false }),
  'ticket.noShow': spec({ payload: counterOnly, result: ticketResult, roles: ['clerk'], offline: false }),
  /** A missed ticket's holder came back: back in line by the hall's no-show rule. */
  'ticket.reinstate': spec({
    payload: z.strictObject({ counterId: entityId, number: ticketNumber }),
    result: ticketResult,
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.start': spec({ payload: counterOnly, result: ticketResult, roles: ['clerk'], offline: false }),
  'ticket.finish': spec({
    payload: z.strictObject({ counterId: entityId, handledServiceIds: z.array(entityId).min(1).max(10) }),
    result: ticketResult,
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.transfer': spec({
    payload: z
      .strictObject({ counterId: entityId, toServiceId: entityId.nullable(), toCounterId: entityId.nullable(), mode: TransferMode })
      .refine((p) => (p.toServiceId === null) !== (p.toCounterId === null), '转给一个事项或一个窗口，二者选一'),
    result: ticketResult,
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.park': spec({
    payload: z.strictObject({ counterId: entityId, minutes: z.number().int().min(1).max(240).nullable() }),
    result: ticketResult,
    roles: ['clerk'],
    offline: false,
  }),
  /**
   * Ends the hall day: every open ticket ends with a reason, the counters still signed in are signed
   * out, and no more tickets are issued today. Before the hall's closing time only with a `reason`
   * (kept in the audit log); without one it is refused with DAY_NOT_OVER.
   */
  'day.close': spec({
    payload: z.strictObject({ reason: text(200).optional() }),
    result: z.object({ day: z.string(), ended: z.number().int().nonnegative(), signedOut: z.number().int().nonnegative() }),
    roles: ['manager'],
    offline: false,
  }),
  /** Ticketing on/off, the daily cap, and the board's alert thresholds of one service (wait, service, called and not started, queue). */
  'service.update': spec({
    payload: z.strictObject({
      serviceId: entityId,
      open: z.boolean().optional(),
      dailyCap: serviceLimits.dailyCap.optional(),
      maxWaitMin: serviceLimits.maxWaitMin.optional(),
      maxServiceMin: serviceLimits.maxServiceMin.optional(),
      maxCallMin: serviceLimits.maxCallMin.optional(),
      queueCap: serviceLimits.queueCap.optional(),
    }),
    result: z.object({ service: hallTables.services.row }),
    roles: ['manager'],
    offline: false,
  }),
  'hall.setQueueSettings': spec({ payload: QueueSettingsPatch, result: hallResult, roles: ['manager'], offline: false }),
  ...announceCommandSpecs,
} as const;
