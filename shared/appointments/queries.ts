import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';
import { entityId } from '../kernel/zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One service's bookings over a period: the counts the rates are computed from where they are shown. */
export const BookingFigureRow = z.object({
  serviceId: z.string(),
  /** Bookings made for days of the period (cancelled ones included). */
  bookings: z.number().int(),
  cancelled: z.number().int(),
  checkedIn: z.number().int(),
  /** Not checked in by their slot's end (counted so whether or not the hub has marked them yet). */
  noShows: z.number().int(),
  /** Places the service's template offers on the period's working days. */
  places: z.number().int(),
});
export type BookingFigureRow = z.infer<typeof BookingFigureRow>;

/**
 * A booking a blackout would cancel, as the manager reviews it before confirming: the slot, and the
 * person masked (name, ID number, phone) — enough to tell the bookings apart and ring them, no more.
 */
export const AffectedBooking = z.object({
  serviceId: z.string(),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  idMasked: z.string(),
  phone: z.string(),
});
export type AffectedBooking = z.infer<typeof AffectedBooking>;

/** A manager's lifting of a person's block, as the board lists it (the person masked). */
export const BlockLiftRow = z.object({
  idMasked: z.string(),
  until: z.string(),
  reason: z.string(),
  staffId: z.string().nullable(),
  liftedAt: z.number().int(),
});
export type BlockLiftRow = z.infer<typeof BlockLiftRow>;

/** How many block lifts the board lists (the newest). */
export const BLOCK_LIFTS_SHOWN = 50;

export const bookingQuerySpecs = {
  /** The open bookings a blackout of `day` (all services, or one) would cancel, in slot order. */
  'booking.blackoutAffected': {
    params: z.strictObject({ day, serviceId: entityId.nullable() }),
    result: z.object({ rows: z.array(AffectedBooking) }),
    roles: ['manager'],
  },
  /** The newest block lifts, newest first. */
  'booking.blockLifts': {
    params: z.strictObject({}),
    result: z.object({ rows: z.array(BlockLiftRow) }),
    roles: ['manager'],
  },
  /** 预约 figures over hall days `from`..`to` (inclusive), by service. */
  'booking.figures': {
    params: z.strictObject({ from: day, to: day }).refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期' }),
    result: z.object({ rows: z.array(BookingFigureRow) }),
    roles: ['manager'],
  },
} as const satisfies Record<string, QuerySpec>;

/** No-show rate: of the bookings not cancelled, those missed (null when there were none). */
export const noShowRate = (r: Pick<BookingFigureRow, 'bookings' | 'cancelled' | 'noShows'>): number | null =>
  r.bookings - r.cancelled > 0 ? r.noShows / (r.bookings - r.cancelled) : null;

/** Slot utilisation: places taken (bookings not cancelled) of the places offered (null when none were). */
export const utilisation = (r: Pick<BookingFigureRow, 'bookings' | 'cancelled' | 'places'>): number | null =>
  r.places > 0 ? (r.bookings - r.cancelled) / r.places : null;
