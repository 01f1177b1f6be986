import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { AnnounceOutcome, Priority, TicketStatus } from './enums';

/** The queue tables a terminal may replicate, and who sees which columns. */
export const queueTables = {
  tickets: table(
    z.object({
      id,
      hall_id: id,
      day: z.string(),
      service_id: id,
      seq: z.number().int(),
      number: z.string(),
      priority: Priority,
      status: TicketStatus,
      queue_key: z.number(),
      issued_at: ms,
      called_at: ms.nullable(),
      first_called_at: ms.nullable(),
      started_at: ms.nullable(),
      finished_at: ms.nullable(),
      counter_id: id.nullable(),
      target_counter_id: id.nullable(),
      staff_id: id.nullable(),
      recalls: z.number().int(),
      park_until: ms.nullable(),
      end_reason: z.string().nullable(),
      handled_services: z.string().nullable(),
      call_reason: z.string().nullable(),
    }),
    {
      // Tickets carry no personal data, but who served them and why stays with staff.
      public: [
        'id',
        'hall_id',
        'day',
        'service_id',
        'number',
        'status',
        'queue_key',
        'issued_at',
        'called_at',
        'counter_id',
        'target_counter_id',
        'recalls',
        'park_until',
      ],
      staff: 'all',
      region: 'all',
    },
  ),
  /**
   * Each step of a ticket (issue, call, recall, no-show, reinstate, start, finish, transfer, park,
   * day close): at which counter, by whom, when, and why (`detail`, JSON). Staff only: it names the
   * staff and their reasons. The id is `<ticket id>-<n>` for the ticket's n-th event.
   */
  ticket_events: table(
    z.object({
      id,
      hall_id: id,
      ticket_id: id,
      type: z.string(),
      counter_id: id.nullable(),
      staff_id: id.nullable(),
      at: ms,
      detail: z.string().nullable(),
    }),
    { staff: 'all', region: 'all' },
  ),
  /**
   * What the lobby display did with a ticket's latest reported call (one row per ticket): the clerk
   * sees their call was spoken when `called_at` is the ticket's. Staff only: it names the display.
   */
  call_announcements: table(z.object({ id, hall_id: id, called_at: ms, outcome: AnnounceOutcome, at: ms, terminal_id: id }), {
    staff: 'all',
  }),
};
