import { z } from 'zod';
import { rowId as id, table } from '../kernel/table';
import { CalendarSource } from './enums';

/** The calendar tables a terminal may replicate, and who sees which columns. */
export const calendarTables = {
  /** One year of the working-day calendar: official days off and working weekend days (JSON arrays). */
  calendar_years: table(
    z.object({
      id,
      hall_id: id,
      year: z.number().int(),
      source: CalendarSource,
      holidays: z.string(),
      workdays: z.string(),
    }),
    { staff: 'all', region: 'all' },
  ),
};
