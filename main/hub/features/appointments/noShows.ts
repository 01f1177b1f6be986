import { slotMoment } from '../../../../shared/appointments/rules';
import type { CommandType } from '../../../../shared/protocol';
import { sql, type HandlerContext } from '../../commands/context';
import { settingsOf, today } from '../queue/lines';

type Ctx = HandlerContext<CommandType>;

/**
 * Bookings still open after their slot's end become no-shows (lazily, before a booking call reads or
 * counts them; at the day's close; and by `booking.sweep`). Answers how many.
 */
export function sweepNoShows(ctx: Ctx): number {
  const open = sql(ctx, "SELECT id, day, end FROM bookings WHERE status = 'booked' AND day <= ?").all(today(ctx)) as {
    id: string;
    day: string;
    end: string;
  }[];
  const { utcOffsetMinutes } = settingsOf(ctx);
  const over = open.filter((b) => ctx.now >= slotMoment(b.day, b.end, utcOffsetMinutes));
  for (const b of over) ctx.store.patch('bookings', b.id, { status: 'no_show', changed_at: ctx.now });
  return over.length;
}
