import type { reportCommandSpecs } from '../../../../shared/reports/commands';
import type { FeatureHandlers } from '../../commands/context';
import { settingsOf } from '../queue/lines';
import { rebuildPlan } from './aggregate';

export const reportHandlers = {
  // The days are written after the commit, a day per transaction (./rebuild): the answer says how many closed days it covers.
  'reports.rebuild': (ctx) => {
    const { from, to } = ctx.payload;
    const days = rebuildPlan(ctx.store.db, settingsOf(ctx).utcOffsetMinutes, from, to).filter((d) => d.closedAt !== null).length;
    ctx.afterCommit({ kind: 'rebuildReports', from, to });
    return { days };
  },
} satisfies FeatureHandlers<typeof reportCommandSpecs>;
