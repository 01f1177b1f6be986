import { z } from 'zod';
import { spec } from '../kernel/command';
import { calendarTables } from './rows';
import { Day } from './schemas';

export const calendarCommandSpecs = {
  /** A year's official schedule (published each autumn), entered by the administrator; running cases are recomputed. */
  'calendar.setYear': spec({
    payload: z
      .strictObject({ year: z.number().int().min(2000).max(2100), holidays: z.array(Day).min(1).max(60), workdays: z.array(Day).max(30) })
      .refine((p) => [...p.holidays, ...p.workdays].every((d) => d.startsWith(`${p.year}-`)), '所有日期都应在该年份内')
      .refine((p) => !p.holidays.some((d) => p.workdays.includes(d)), '同一天不能既是假日又是调休上班日'),
    result: z.object({ year: calendarTables.calendar_years.row, recomputed: z.number().int().nonnegative() }),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
} as const;
