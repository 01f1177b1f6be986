import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';

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

export const bookingQuerySpecs = {
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
