import { type hallCommandSpecs } from '../../../../shared/hall/commands';
import { type FeatureHandlers } from '../../commands/context';

export const hallHandlers = {
  'audit.verify': (ctx) => ({ report: ctx.verifyAudit() }),
  'hall.setNotice': (ctx) => ({ hall: ctx.store.patch('halls', ctx.hallId, { notice: ctx.payload.text }) }),
} satisfies FeatureHandlers<typeof hallCommandSpecs>;
