import { CASE_DUTIES } from '../../../../shared/cases/enums';
import { caseRefusals, checkDuty, heldDuties, type Refusal } from '../../../../shared/cases/rules';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { type caseCommandSpecs, type CaseStep } from '../../../../shared/cases/commands';
import { refuse } from '../../../../shared/kernel/refusal';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { notFound, type FeatureHandlers, type HandlerContext } from '../../commands/context';

export const dutyError = (r: Refusal) => refuse(r.refusal, r.params);

/** Separation of duties: `staffId` (a member of the case's department) may take `action` by the hall's settings. */
export function checkTaker(ctx: HandlerContext<CommandType>, c: Row<'cases'>, action: CaseStep['action'], staffId: string): void {
  const { steps } = parseCaseSettings(ctx.store.get('halls', ctx.hallId)!.case_settings);
  const taker = {
    id: staffId,
    duties: heldDuties(ctx.store.where('staff_duties', 'staff_id = ?', staffId), staffId),
    head: ctx.store.get('departments', c.department_id)?.head_staff_id === staffId,
  };
  const allowed = checkDuty(steps, action, taker, c);
  if (!allowed.ok) throw dutyError(allowed);
}

type DutySpecs = Pick<typeof caseCommandSpecs, 'staff.setDuties' | 'department.setHead'>;

/**
 * The administrator's side of the separation of duties: who holds the 审核 and 批准 duties, and who
 * heads each department. Both are within a department: a duty or headship is refused for someone
 * of no department, or of another one.
 */
export const dutyHandlers = {
  'staff.setDuties': (ctx) => {
    const { staffId, duties } = ctx.payload;
    const staff = ctx.store.get('staff', staffId);
    if (!staff) throw notFound('staff');
    if (duties.length > 0 && staff.department_id === null) throw refuse(caseRefusals.dutyWithoutDepartment, { name: staff.name });
    const rows = ctx.store.where('staff_duties', 'staff_id = ?', staffId);
    for (const duty of CASE_DUTIES) {
      const held = duties.includes(duty) ? 1 : 0;
      const row = rows.find((r) => r.duty === duty);
      // A duty never given stays without a row; one given keeps its row, held or not, with when it last changed.
      if (row ? row.held !== held : held === 1)
        ctx.store.upsert('staff_duties', { id: `${staffId}:${duty}`, hall_id: ctx.hallId, staff_id: staffId, duty, held, set_at: ctx.now });
    }
    return { staffId, duties: heldDuties(ctx.store.where('staff_duties', 'staff_id = ?', staffId), staffId) };
  },
  'department.setHead': (ctx) => {
    const { departmentId, staffId } = ctx.payload;
    if (!ctx.store.get('departments', departmentId)) throw notFound('department');
    if (staffId !== null) {
      const staff = ctx.store.get('staff', staffId);
      if (!staff) throw notFound('staff');
      if (staff.department_id !== departmentId) throw refuse(caseRefusals.headOfOtherDepartment, { name: staff.name });
    }
    return { department: ctx.store.patch('departments', departmentId, { head_staff_id: staffId }) };
  },
} satisfies FeatureHandlers<DutySpecs>;
