import { type calendarCommandSpecs } from '../../../../shared/calendar/commands';
import { type FeatureHandlers } from '../../commands/context';
import { recomputeDeadlines } from '../cases/deadlines';
import { calendarChanged } from './calendar';
import { refuse } from '../../../../shared/kernel/refusal';
import { regionDocRefusals as R } from '../../../../shared/regiondocs/refusals';
import { regionDocId } from '../../../../shared/regiondocs/documents';

export const calendarHandlers = {
  /** An administrator's year wins over the package's (not over the region's); running cases' due days follow at once. */
  'calendar.setYear': (ctx) => {
    const { year, holidays, workdays } = ctx.payload;
    // A year the city sent is the same in every hall: the hall's own days off are local exceptions to it.
    if (ctx.store.get('region_documents', regionDocId(ctx.hallId, 'calendar', String(year)))) throw refuse(R.yearFromRegion, { year });
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
