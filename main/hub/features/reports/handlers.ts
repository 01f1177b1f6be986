import type { reportCommandSpecs } from '../../../../shared/reports/commands';
import { refuse } from '../../../../shared/kernel/refusal';
import { reportRefusals as R } from '../../../../shared/reports/refusals';
import { isAbsoluteFolder } from '../../../../shared/reports/settings';
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
  // The folder is checked for its form here; whether the hub can write there shows at the first pack (its attempt and the board's alert).
  'reports.setPackSettings': (ctx) => {
    const { enabled, folder } = ctx.payload;
    if (folder !== '' && !isAbsoluteFolder(folder)) throw refuse(R.folderNotAbsolute, { folder });
    if (enabled && folder === '') throw refuse(R.noFolder);
    return { hall: ctx.store.patch('halls', ctx.hallId, { report_pack_settings: JSON.stringify({ enabled, folder }) }) };
  },
} satisfies FeatureHandlers<typeof reportCommandSpecs>;
