import { z } from 'zod';
import { spec } from '../kernel/command';
import { calendarTables } from './rows';
import { YearSchedule } from './schemas';

export const calendarCommandSpecs = {
  /** A year's official schedule (published each autumn), entered by the administrator; running cases are recomputed. */
  'calendar.setYear': spec({
    payload: YearSchedule,
    result: z.object({ year: calendarTables.calendar_years.row, recomputed: z.number().int().nonnegative() }),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
} as const;
