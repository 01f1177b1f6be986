/** The hub's backups on the manager's board. */
export const backup = {
  'alert.backupFailed': '数据备份失败（{t}）：请检查备份盘，或请系统管理员查看服务器日志',
  'alert.backupOverdue': '数据备份已逾期：最近一次成功备份为 {t}',
  'alert.backupNever': '数据备份已逾期：本服务器启动后尚无成功备份',
};
