import type { reportCommandSpecs } from '../../../../shared/reports/commands';
import type { FeatureHandlers } from '../../commands/context';
import { settingsOf } from '../queue/lines';
import { rebuildDays } from './aggregate';

export const reportHandlers = {
  'reports.rebuild': (ctx) => ({
    days: rebuildDays(ctx.store.db, settingsOf(ctx).utcOffsetMinutes, ctx.payload.from, ctx.payload.to),
  }),
} satisfies FeatureHandlers<typeof reportCommandSpecs>;
