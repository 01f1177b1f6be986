import { type calendarCommandSpecs } from '../../../../shared/calendar/commands';
import { type FeatureHandlers } from '../../commands/context';
import { recomputeDeadlines } from '../cases/deadlines';
import { calendarChanged } from './calendar';

export const calendarHandlers = {
  /** An administrator's year wins over the package's; running cases' due days follow at once. */
  'calendar.setYear': (ctx) => {
    const { year, holidays, workdays } = ctx.payload;
    const row = ctx.store.upsert('calendar_years', {
      id: `${ctx.hallId}:${year}`,
      hall_id: ctx.hallId,
      year,
      source: 'admin',
      holidays: JSON.stringify([...new Set(holidays)].sort()),
      workdays: JSON.stringify([...new Set(workdays)].sort()),
    });
    calendarChanged(ctx.store.db);
    return { year: row, recomputed: recomputeDeadlines(ctx) };
  },
} satisfies FeatureHandlers<typeof calendarCommandSpecs>;
