import type { LimitUnit } from '../../../../shared/calendar/enums';

export const NOTICE_KINDS = ['accept', 'supplement', 'refuse', 'conclude'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * The wording of the written notices to an applicant (DOMAIN.md "Case workflow"). They are official
 * documents of the hall and are issued in Chinese whatever language the screen is in; only their
 * titles on the clerk's buttons are translated (the `notice.*` keys). `{name}` is filled in.
 */
export const NOTICE = {
  titles: { accept: '受理通知书', supplement: '一次性告知书', refuse: '不予受理决定书', conclude: '办结通知书' } satisfies Record<
    NoticeKind,
    string
  >,
  number: '编号：{number}',
  creditCode: '（统一社会信用代码 {code}）',
  /** After the applicant's name, which starts the notice. */
  addressed: '：',
  date: '{y}年{m}月{d}日',
  limit: '{n}{unit}',
  units: { working_days: '个工作日', natural_days: '日', months: '个月', years: '年' } satisfies Record<LimitUnit, string>,
  instant: '当场办结',
  free: '不收费',
  fee: '{n} 元',
  accept: {
    body: '你（单位）于 {received} 提出的“{item}”申请，经审查，申请材料齐全、符合法定形式，本机关决定予以受理。',
    acceptedAt: '受理时间',
    limit: '承诺办理时限',
    limitLine: '{promised}（法定时限 {statutory}），预计于 {due} 前办结',
    extension: '延长期限',
    extensionLine: '延长 {n} 个工作日，理由：{reason}',
    department: '受理部门',
    handler: '经办人',
    fee: '收费标准',
    agent: '全程代办',
    materials: '已收取的申请材料：',
    pauses: '依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计入办理时限，届时另行书面告知。',
  },
  supplement: {
    body: '你（单位）提出的“{item}”申请，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正的全部内容如下：',
    basis: '设定依据：{basis}',
    again: '请补齐上述材料后再次提交。补正材料齐全后，本机关将依法受理。',
  },
  refuse: {
    body: '你（单位）于 {received} 提出的“{item}”申请，经审查，本机关决定不予受理，理由如下：',
    appeal: '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
  },
  conclude: {
    body: '你（单位）申请的“{item}”已于 {concluded} 办结，办理结果：',
    denied: '不予许可',
    granted: '准予许可',
    end: '。',
    reason: '理由：{reason}',
    collect: '请凭本通知书及有效身份证件到 {department} 窗口领取结果，或按约定方式送达。',
  },
  complaintPhone: '监督投诉电话：{phone}',
  seal: '{hall}（印章）',
};
