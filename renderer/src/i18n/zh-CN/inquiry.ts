export const inquiry = {
  'inq.title': '首问负责 · 咨询登记',
  'inq.topic': '咨询事项',
  'inq.detail': '情况说明',
  'inq.record': '登记',
  'inq.open': '我的未办结咨询',
  'inq.none': '暂无未办结咨询',
  'inq.resolve': '办结',
  'inq.resolution': '办理结果',
  'inq.resolutionFor': '办理结果：{topic}',
  'inq.queued': '已保存，联网后自动同步',
};
