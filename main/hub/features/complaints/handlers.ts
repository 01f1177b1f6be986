import type { complaintCommandSpecs } from '../../../../shared/complaints/commands';
import type { ComplaintSubject } from '../../../../shared/complaints/enums';
import { complaintRefusals } from '../../../../shared/complaints/refusals';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType, Row } from '../../../../shared/protocol';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { dayOf } from '../cases/deadlines';
import { startFollowup } from '../followups/handlers';

type Ctx = HandlerContext<CommandType>;
type Subject = Pick<Row<'complaints'>, 'department_id' | 'counter_id' | 'staff_id' | 'case_id'>;

/**
 * What a complaint's subject comes to in the figures: a member of staff counts for their
 * department too, a case for its department and the clerk handling it (or who received it).
 * A counter is not tied to one person over time, so it counts for the counter alone.
 */
function subjectOf(ctx: Ctx, kind: ComplaintSubject, id: string): Subject {
  const none: Subject = { department_id: null, counter_id: null, staff_id: null, case_id: null };
  const own = <T extends { hall_id: string }>(row: T | undefined): T | undefined => (row?.hall_id === ctx.hallId ? row : undefined);
  if (kind === 'department') {
    if (!own(ctx.store.get('departments', id))) throw notFound('department');
    return { ...none, department_id: id };
  }
  if (kind === 'counter') {
    if (!own(ctx.store.get('counters', id))) throw notFound('counter');
    return { ...none, counter_id: id };
  }
  if (kind === 'staff') {
    const staff = own(ctx.store.get('staff', id));
    if (!staff) throw notFound('staff');
    return { ...none, staff_id: id, department_id: staff.department_id };
  }
  const c = own(ctx.store.get('cases', id));
  if (!c) throw notFound('case');
  return { department_id: c.department_id, counter_id: c.counter_id, staff_id: c.handler_id ?? c.first_clerk_id, case_id: c.id };
}

export const complaintHandlers = {
  /** Records the complaint and opens its follow-up (assigned, due and signalled like a 差评's). */
  'complaint.record': (ctx) => {
    const { channel, subject, subjectId, content, receivedDay, contact } = ctx.payload;
    if (receivedDay > dayOf(ctx, ctx.now)) throw refuse(complaintRefusals.receivedDay);
    const n = (sql(ctx, 'SELECT count(*) AS n FROM complaints WHERE hall_id = ?').get(ctx.hallId) as { n: number }).n;
    const about = subjectOf(ctx, subject, subjectId);
    const complaint = ctx.store.upsert('complaints', {
      id: `${ctx.hallId}-k-${n + 1}`,
      hall_id: ctx.hallId,
      channel,
      subject,
      ...about,
      content,
      received_day: receivedDay,
      recorded_at: ctx.now,
      recorded_by: ctx.sessionStaff?.id ?? null,
      substantiated: null,
    });
    const followup = startFollowup(ctx, {
      id: `${complaint.id}-f`,
      source: { complaint_id: complaint.id },
      department_id: about.department_id,
      staff_id: about.staff_id,
      phone: contact,
    });
    return { complaint, followup };
  },
} satisfies FeatureHandlers<typeof complaintCommandSpecs>;
