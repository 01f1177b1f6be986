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
 * The commands that show an applicant's personal data whole: a case's ID number, a search by ID
 * number that found a case, a follow-up's callback phone. Each is counted from the audit log, on an
 * index of its own (a partial index on its type: migrations 0012, 0017, 0024).
 */
const REVEALS = ['case.revealId', 'case.findByIdNumber', 'followup.revealPhone'] as const;

/**
 * Each person sees a few whole ID numbers and phones a day (a security setting), all reveals
 * counted together.
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
  const n = REVEALS.reduce((sum, type) => sum + count(type), 0);
  if (n >= revealsPerDay) throw refuse(caseRefusals.revealLimit, { n, max: revealsPerDay });
}
