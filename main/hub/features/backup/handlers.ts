import { type backupCommandSpecs } from '../../../../shared/backup/commands';
import { backupRefusals as R } from '../../../../shared/backup/refusals';
import { refuse } from '../../../../shared/kernel/refusal';
import type { FeatureHandlers } from '../../commands/context';
import { backupQueries } from './queries';

export const backupHandlers = {
  // The folders are the hub PC's, given at its start: the board can only ask for a backup into them.
  'backup.run': (ctx) => {
    const record = backupQueries['backup.status'](ctx.store.db);
    if (!record.scheduled) throw refuse(R.noFolder);
    if (record.running) throw refuse(R.running);
    ctx.afterCommit({ kind: 'backup' });
    return { started: true };
  },
} satisfies FeatureHandlers<typeof backupCommandSpecs>;
