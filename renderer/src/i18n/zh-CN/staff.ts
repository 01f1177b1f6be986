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
};
