import { z } from 'zod';
import { RATING_CODE_ALPHABET } from '../ratings/phone';
import { entityId } from '../kernel/zod';
import { CLOCK_TIME } from '../queue/rules';
import { BookingStatus } from './enums';
import { parseDay } from '../calendar/rules';

/**
 * The booking page (`#/book`) and the follow page (`#/follow?t=…`): anonymous phone calls to the
 * hub (http/book.ts), like the rating page's. A booking code is 8 characters of the rating codes'
 * alphabet (40 random bits; redeeming it needs the ID's last 4 digits too, except at the kiosk,
 * where the person stands with their papers). A follow token is 16 (80 bits), valid for its day.
 */
export const BOOKING_CODE_LENGTH = 8;
export const FOLLOW_TOKEN_LENGTH = 16;

/** A code of `length` characters from random bytes (each taken modulo 32, which the alphabet's size divides). */
export function codeFrom(bytes: Uint8Array, length: number): string {
  if (bytes.length < length) throw new Error(`a code of ${length} needs ${length} random bytes`);
  return [...bytes.slice(0, length)].map((b) => RATING_CODE_ALPHABET[b % 32]).join('');
}

const codeOf = (length: number, message: string) =>
  z
    .string()
    .max(40)
    .transform((c) => c.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(new RegExp(`^[${RATING_CODE_ALPHABET}]{${length}}$`), { message }));
export const BookingCode = codeOf(BOOKING_CODE_LENGTH, '预约码格式不对');
export const FollowToken = codeOf(FOLLOW_TOKEN_LENGTH, '链接无效');

/** POST /book/slots: the services taking bookings, their bookable days and each slot's places left. */
export const BookSlotsRequest = z.strictObject({});
export const BookableSlot = z.object({ start: z.string(), end: z.string(), capacity: z.number().int(), left: z.number().int() });
export const BookSlotsAnswer = z.object({
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** `closed`: the hall's reason when the day is a blackout (it then offers no slots). */
      days: z.array(z.object({ day: z.string(), slots: z.array(BookableSlot), closed: z.string().nullable() })),
    }),
  ),
});
export type BookSlotsAnswer = z.infer<typeof BookSlotsAnswer>;

/** A resident ID number as typed (checked by the hub, which answers which rule it breaks). */
export const IdNumberInput = z
  .string()
  .trim()
  .max(18 + 4);
/** A calendar day 'YYYY-MM-DD' that exists (not 2026-02-30). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
  .refine((d) => parseDay(d) !== null, '没有这一天');
const Start = z.string().regex(CLOCK_TIME, '时间格式为 HH:MM');

/** POST /book: a place in a slot, for a person named by their resident ID (checked by the hub). */
export const BookRequest = z.strictObject({
  serviceId: entityId,
  day: Day,
  start: Start,
  name: z.string().trim().min(1, '请填写姓名').max(40),
  idNumber: IdNumberInput,
  phone: z.string().trim().max(20),
});
export type BookRequest = z.infer<typeof BookRequest>;
/** What the person keeps: the code, and the booking as they see it (their ID masked). */
export const BookingView = z.object({
  code: z.string(),
  /** The service, by id (a move picks among its slots) and by name. */
  serviceId: z.string(),
  service: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  status: BookingStatus,
  /** A cancelled booking: by its holder, or by the hall (a blackout), with the hall's reason. */
  cancelledBy: z.enum(['person', 'hall']).nullable(),
  cancelReason: z.string().nullable(),
});
export type BookingView = z.infer<typeof BookingView>;

/** POST /book/look and /book/cancel: a booking by its code and the last 4 characters of the ID number. */
export const BookingKey = z.strictObject({ code: BookingCode, idLast4: z.string().regex(/^\d{3}[\dXx]$/, '请填写证件号后四位') });
/** POST /book/move: the booking by its key, to another slot (day and start) of the same service. */
export const MoveRequest = BookingKey.extend({ day: Day, start: Start });
export type MoveRequest = z.infer<typeof MoveRequest>;

/** POST /follow: a ticket's progress by its slip's token. */
export const FollowRequest = z.strictObject({ token: FollowToken });
/** What the follow page shows: never who holds the ticket. */
export const FollowAnswer = z.object({
  number: z.string(),
  service: z.string(),
  status: z.enum(['waiting', 'called', 'done']),
  ahead: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  counter: z.string().nullable(),
});
export type FollowAnswer = z.infer<typeof FollowAnswer>;

/** The follow page's address for a token on a hub at `base` (as the phones reach it). */
export const followPageAddress = (base: string, token: string): string => `${base.replace(/\/+$/, '')}/#/follow?t=${token}`;
