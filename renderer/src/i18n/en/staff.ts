import { CASE_DUTIES, CASE_ROLES, DUTY_STAGES, STEP_TAKERS } from '../../../../shared/cases/enums';
import { codeLabels, type Words } from '../labels';
import type { staff as zh } from '../zh-CN/staff';

export const staff: Words<typeof zh> = {
  'staff.title': 'Staff',
  'staff.add': 'Add a person',
  'staff.name': 'Name',
  'staff.role': 'Role',
  'staff.firstPassword': 'First password (8+ characters)',
  'staff.added': 'Added {login}',
  'staff.list': 'Staff list',
  'staff.resetButton': 'New password',
  'staff.newPassword': 'New password for {login}',
  'staff.reset': 'New password set for {login}; lockout lifted',
  // Case duties, department heads and who takes each stage (issue 12).
  'staff.duties': 'Case duties',
  ...codeLabels('staff.duty', CASE_DUTIES, { reviewer: 'Review', approver: 'Approve' }),
  'staff.dutiesSet': 'Case duties of {name} updated',
  'staff.heads': 'Department heads',
  'staff.headOf': 'Head of {d}',
  'staff.headSet': 'Head of {d} set',
  'staff.noHead': 'None',
  'staff.steps': 'Separation of duties: who takes each stage',
  ...codeLabels('staff.stage', DUTY_STAGES, {
    accept: 'Acceptance (with refusal and missing materials)',
    undertake: 'Handling',
    review: 'Review',
    approve: 'Approval (with denial)',
    conclude: 'Conclusion',
    deliver: 'Delivery',
  }),
  ...codeLabels('staff.by', STEP_TAKERS, {
    clerk: 'Any clerk of the department',
    reviewer: 'A holder of the review duty',
    approver: 'The department head or a holder of the approve duty',
  }),
  'staff.stepBy': '{stage}: taken by',
  ...codeLabels('staff.apart', CASE_ROLES, { handler: 'Not the handler', reviewer: 'Not the reviewer' }),
  'staff.apartFor': '{stage}: {rule}',
  'staff.stepsSave': 'Save the duties',
  'staff.stepsSaved': 'Separation of duties saved',
};
