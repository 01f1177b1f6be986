import { caseRefusals } from '../../../../shared/cases/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType } from '../../../../shared/protocol';
import { hallDayStart } from '../../../../shared/queue/rules';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { parseSecuritySettings } from '../../../../shared/staff/settings';
import { sql, type HandlerContext } from '../../commands/context';
import { dayOf } from './deadlines';

type Ctx = HandlerContext<CommandType>;

/**
 * Each person sees a few whole ID numbers a day (a security setting): by case.revealId, or by a
 * search by ID number that found a case. Both are counted from the audit log, each on its index.
 */
export function withinRevealLimit(ctx: Ctx, staffId: string): void {
  const { revealsPerDay } = parseSecuritySettings(ctx.store.get('halls', ctx.hallId)!.security_settings);
  const today = hallDayStart(dayOf(ctx, ctx.now), parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings).utcOffsetMinutes);
  const count = (type: string) =>
    (
      sql(ctx, `SELECT count(*) AS n FROM audit WHERE type = '${type}' AND outcome = 'ok' AND staff_id = ? AND at >= ?`).get(
        staffId,
        today,
      ) as {
        n: number;
      }
    ).n;
  const n = count('case.revealId') + count('case.findByIdNumber');
  if (n >= revealsPerDay) throw refuse(caseRefusals.revealLimit, { n, max: revealsPerDay });
}
