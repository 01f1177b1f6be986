import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { WorkProfile } from '../queue/enums';
import { CounterEvent, CounterState } from './enums';

/** The counter tables a terminal may replicate, and who sees which columns. */
export const counterTables = {
  counters: table(
    z.object({
      id,
      hall_id: id,
      number: z.number().int(),
      name: z.string(),
      zone: z.string(),
      state: CounterState,
      staff_id: id.nullable(),
      terminal_id: id.nullable(),
      pause_reason: z.string().nullable(),
      state_since: ms.nullable(),
      last_seen_at: ms.nullable(),
      profile: WorkProfile,
      priority_streak: z.number().int(),
    }),
    // The window's evaluator shows the card of who serves there; the lobby screens need not know.
    {
      public: ['id', 'hall_id', 'number', 'name', 'zone', 'state', 'state_since'],
      rater: ['id', 'hall_id', 'number', 'name', 'zone', 'state', 'state_since', 'staff_id'],
      staff: 'all',
      region: 'all',
    },
  ),
  counter_services: table(z.object({ id, hall_id: id, counter_id: id, service_id: id, position: z.number().int() }), {
    public: 'all',
    staff: 'all',
    region: 'all',
  }),
  counter_log: table(
    z.object({
      id,
      hall_id: id,
      counter_id: id,
      staff_id: id.nullable(),
      event: CounterEvent,
      reason: z.string().nullable(),
      at: ms,
    }),
    { staff: 'all', region: 'all' },
  ),
};
