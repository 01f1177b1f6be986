import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';

/** The hall tables a terminal may replicate, and who sees which columns. */
export const hallTables = {
  halls: table(
    z.object({
      id,
      code: z.string(),
      name: z.string(),
      notice: z.string(),
      queue_settings: z.string(),
      security_settings: z.string(),
      case_settings: z.string(),
      rating_settings: z.string(),
      booking_settings: z.string(),
      /** The monthly report pack's folder on the hub's PC (reports/settings): for the hall's staff alone. */
      report_pack_settings: z.string(),
    }),
    // How many wrong passwords lock an account, and for how long, is for the hall's staff alone.
    { public: ['id', 'code', 'name', 'notice', 'queue_settings', 'case_settings', 'rating_settings'], staff: 'all', region: 'all' },
  ),
  /** The hall's zones (floors, wings), in the order the faces list them; counters name theirs. */
  zones: table(z.object({ id, hall_id: id, name: z.string(), sort: z.number().int() }), { public: 'all', staff: 'all', region: 'all' }),
  departments: table(
    z.object({
      id,
      hall_id: id,
      name: z.string(),
      sort: z.number().int(),
      /** The department's head (负责人): approves its cases (see the hall's case settings). */
      head_staff_id: id.nullable(),
    }),
    { public: ['id', 'hall_id', 'name', 'sort'], staff: 'all', region: 'all' },
  ),
  services: table(
    z.object({
      id,
      hall_id: id,
      department_id: id,
      name: z.string(),
      prefix: z.string(),
      sort: z.number().int(),
      is_open: z.number().int(),
      daily_cap: z.number().int().nullable(),
      max_wait_min: z.number().int(),
      max_service_min: z.number().int(),
      queue_cap: z.number().int(),
      /** The interleave run of the service's line (queue/rules classDue), across all its counters. */
      priority_run: z.number().int(),
      /** Minutes a called ticket may stay unstarted before the board alerts. */
      max_call_min: z.number().int(),
      /** Ticketing hours, 'HH:MM' in the hall's time; null = from the day's start / to its close. */
      ticket_from: z.string().nullable(),
      ticket_until: z.string().nullable(),
      /** The priority classes the service takes, a comma list (setup/rules parsePriorities). */
      priorities: z.string(),
    }),
    { public: 'all', staff: 'all', region: 'all' },
  ),
  hall_days: table(z.object({ id, hall_id: id, day: z.string(), closed_at: ms.nullable() }), {
    public: 'all',
    staff: 'all',
    region: 'all',
  }),
};
