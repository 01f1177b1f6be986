import { CASE_DUTIES, CASE_ROLES, DUTY_STAGES, STEP_TAKERS } from '../../../../shared/cases/enums';
import { codeLabels } from '../labels';

export const staff = {
  'staff.title': '人员管理',
  'staff.add': '添加人员',
  'staff.name': '姓名',
  'staff.role': '角色',
  'staff.firstPassword': '初始密码（至少 8 位）',
  'staff.added': '已添加 {login}',
  'staff.list': '人员列表',
  'staff.resetButton': '重设密码',
  'staff.newPassword': '{login} 的新密码',
  'staff.reset': '已为 {login} 重设密码并解除锁定',
  // Case duties, department heads and who takes each stage (issue 12).
  'staff.duties': '办件职责',
  ...codeLabels('staff.duty', CASE_DUTIES, { reviewer: '审核', approver: '批准' }),
  'staff.dutiesSet': '已更新 {name} 的办件职责',
  'staff.heads': '部门负责人',
  'staff.headOf': '{d} 负责人',
  'staff.headSet': '已设置{d}的负责人',
  'staff.noHead': '未设置',
  'staff.steps': '办件分工：各环节由谁办理',
  ...codeLabels('staff.stage', DUTY_STAGES, {
    accept: '受理（含不予受理、补正）',
    undertake: '承办',
    review: '审核',
    approve: '批准（含不予批准）',
    conclude: '办结',
    deliver: '送达',
  }),
  ...codeLabels('staff.by', STEP_TAKERS, {
    clerk: '本部门工作人员',
    reviewer: '具有审核职责的人员',
    approver: '部门负责人或具有批准职责的人员',
  }),
  'staff.stepBy': '{stage}：办理人',
  ...codeLabels('staff.apart', CASE_ROLES, { handler: '不得为承办人', reviewer: '不得为审核人' }),
  'staff.apartFor': '{stage}：{rule}',
  'staff.stepsSave': '保存分工',
  'staff.stepsSaved': '办件分工已保存',
};
