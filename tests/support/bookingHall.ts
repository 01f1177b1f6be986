import { type NO_LIMITS } from '../../main/hub/limits';
import { residentIdCheckChar } from '../../shared/identity/rules';
import type { Answer } from '../../shared/protocol';
import { actors, ok } from './actors';
import { demoHub, manualClock, signInManager } from './hub';

/**
 * A demo hall taking bookings for the hub's 预约 tests: Wednesday 25 Nov 2026, 09:00 in the hall;
 * 企业开办 (A) offering 09:00–09:30 for 5 and 09:30–10:00 for 2 on weekdays; the phone routes by
 * POST, and the bookings as the hub keeps them.
 */

export const A = 'H3301-s-A';
/** 企业开办's slots on weekdays: 09:00–09:30 for 5, 09:30–10:00 for 2. */
export const A_SLOTS = [
  { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '09:30', capacity: 5 },
  { weekdays: [1, 2, 3, 4, 5], start: '09:30', end: '10:00', capacity: 2 },
];
/** A valid resident ID number, different for each n (born 1990-01-01, sequence n). */
export const idFor = (n: number) => {
  const first17 = `11010119900101${String(n).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
/** A moment given in the hall's local time (UTC+8). */
export const at = (iso: string) => Date.parse(`${iso}+08:00`);

export type Json = Record<string, unknown> & { error?: { code: string; reason?: string; params?: Record<string, unknown> } };

export async function bookingHall(opts: { limits?: typeof NO_LIMITS } = {}) {
  const clock = manualClock(at('2026-11-25T09:00:00'));
  const hub = await demoHub({ clock, ...opts });
  const a = actors(hub);
  ok(
    a.manager('booking.setTemplate', {
      serviceId: A,
      lines: A_SLOTS,
    }),
  );
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const book = (n: number, day = '2026-11-26', start = '09:00', extra: Record<string, unknown> = {}) =>
    post('/book', { serviceId: A, day, start, name: `张${n}明`, idNumber: idFor(n), phone: `138${String(n).padStart(8, '0')}`, ...extra });
  const bookings = () => hub.db.prepare('SELECT * FROM bookings ORDER BY created_at, rowid').all() as Record<string, unknown>[];
  const setTime = (iso: string) => {
    clock.set(at(iso));
    signInManager(hub);
  };
  return { hub, clock, ...a, post, book, bookings, setTime };
}

/** A phone route's refusal by its reason (or its code when it has none). */
export const reasonOf = (r: { json: Json }) => r.json.error?.reason ?? r.json.error?.code;
/** A command's refusal by its reason (or its code), 'ok' when it went through. */
export const refusedWith = (a: Answer) => (a.ok ? 'ok' : (a.error.reason ?? a.error.code));
