import { printedRatingCode } from '../ratings/phone';
import { z } from 'zod';
import type { LimitUnit } from '../calendar/enums';
import type { NoticeKind } from './enums';

/**
 * The written notices to an applicant (DOMAIN.md "Case workflow"). The hub issues each one as the
 * step that calls for it is taken: numbered once, per hall, year and kind, and kept as issued: the
 * document below (every text and date it shows) is stored whole, so a reprint shows the issued
 * version, never the case as it became. Official documents of the hall: in Chinese whatever the
 * screen's language; only their titles on the clerk's buttons are translated.
 */

/** The wording, `{name}` filled in. */
export const NOTICE = {
  titles: {
    accept: '受理通知书',
    supplement: '一次性告知书',
    refuse: '不予受理决定书',
    conclude: '办结通知书',
    special: '特别程序告知书',
    extension: '延期告知书',
  } satisfies Record<NoticeKind, string>,
  /** The mark in a notice's number (H3301受〔2026〕12号), per kind: numbers never repeat across kinds. */
  marks: { accept: '受', supplement: '补', refuse: '不受', conclude: '结', special: '特', extension: '延' } satisfies Record<
    NoticeKind,
    string
  >,
  number: '{code}{mark}〔{year}〕{seq}号',
  caseNumber: '办件编号：{number}',
  creditCode: '（统一社会信用代码 {code}）',
  /** After the applicant's name, which starts the notice. */
  addressed: '：',
  date: '{y}年{m}月{d}日',
  dateTime: '{y}年{m}月{d}日 {hh}:{mm}',
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
    body: '你（单位）申请的“{item}”已于 {concluded} 办结，办理结果：{result}。',
    denied: '不予许可',
    granted: '准予许可',
    reason: '理由：{reason}',
    collect: '请凭本通知书及有效身份证件到 {department} 窗口领取结果，或按约定方式送达。',
    rate: '欢迎对本次服务作出评价（好差评）：用手机扫描本通知书右下方的二维码，或在评价页输入评价码 {code}，{days}日内有效。',
  },
  special: {
    body: '你（单位）申请的“{item}”，依法需要{procedure}。根据《中华人民共和国行政许可法》第四十五条的规定，所需时间不计算在办理期限内，现书面告知如下：',
    procedure: '特别程序事项',
    expected: '预计所需时间',
    expectedLine: '{n} 天（自 {from} 起）',
    after: '特别程序结束后，本机关将继续办理，并告知所用时间；办理期限顺延。',
  },
  extension: {
    body: '你（单位）申请的“{item}”，因{reason}，在原定期限内不能作出决定。根据《中华人民共和国行政许可法》第四十二条的规定，经本机关负责人批准，办理期限延长 {n} 个工作日。',
    reason: '延期理由',
    due: '延期后办结日',
    dueLine: '{due} 前作出决定（法定期限至 {statutory}）',
  },
  complaintPhone: '监督投诉电话：{phone}',
  seal: '{department}（印章）',
  receipt: ['申请人（或代理人）签收：', '签收日期：　　　　年　　月　　日'],
};

/** `{name}` placeholders filled in. */
export const fillText = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** 2026-11-25 → 2026年11月25日, as official documents write dates. */
export const documentDate = (day: string): string => {
  const [y, m, d] = day.split('-');
  return fillText(NOTICE.date, { y: y ?? '', m: Number(m), d: Number(d) });
};

/** A moment as the hall's clock shows it: 2026年11月2日 09:30. */
export const documentDateTime = (t: number, utcOffsetMinutes: number): string => {
  const iso = new Date(t + utcOffsetMinutes * 60_000).toISOString();
  return `${documentDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
};

/** A limit in words: 10个工作日, or 当场办结 for none. */
export const limitText = (n: number, unit: LimitUnit): string =>
  n === 0 ? NOTICE.instant : fillText(NOTICE.limit, { n, unit: NOTICE.units[unit] });

export const feeText = (cents: number): string => (cents === 0 ? NOTICE.free : fillText(NOTICE.fee, { n: (cents / 100).toFixed(2) }));

/** A notice's number: hall code, kind mark, year and the kind's yearly sequence. */
export const noticeNumber = (hallCode: string, kind: NoticeKind, year: number, seq: number): string =>
  fillText(NOTICE.number, { code: hallCode, mark: NOTICE.marks[kind], year, seq });

const block = z.discriminatedUnion('kind', [
  /** A paragraph; 'reason' is set off (a decision's reasons), 'small' is the fine print. */
  z.strictObject({ kind: z.literal('text'), text: z.string(), style: z.enum(['plain', 'reason', 'small']) }),
  z.strictObject({ kind: z.literal('fields'), rows: z.array(z.strictObject({ label: z.string(), value: z.string() })) }),
  z.strictObject({ kind: z.literal('list'), items: z.array(z.string()) }),
]);
export type NoticeBlock = z.infer<typeof block>;

/** A notice as issued and printed. */
export const NoticeDocument = z.strictObject({
  hall: z.string(),
  title: z.string(),
  number: z.string(),
  caseNumber: z.string(),
  /** The applicant, who begins the notice (with the colon after).*/
  addressee: z.string(),
  blocks: z.array(block),
  /** Sealed in the name of the deciding department… */
  seal: z.string(),
  /** …on the day of issue (not of printing). */
  date: z.string(),
  /** The applicant's signature lines, where the law expects receipt; null elsewhere. */
  receipt: z.array(z.string()).nullable(),
  /** The 好差评 code a 办结通知书 carries, printed with its QR image (notices issued before codes have none). */
  ratingCode: z.string().optional(),
});
export type NoticeDocument = z.infer<typeof NoticeDocument>;

/** What every notice shows. */
export interface NoticeHeader {
  hallName: string;
  number: string;
  caseNumber: string;
  applicantName: string;
  creditCode: string | null;
  itemName: string;
  departmentName: string;
  issuedDay: string;
  complaintPhone: string;
}

/** What each kind shows besides; texts already in words (dates and times as documents write them). */
export type NoticeFacts =
  | {
      kind: 'accept';
      received: string;
      acceptedAt: string;
      promised: string;
      statutory: string;
      due: string;
      handlerName: string;
      fee: string;
      agentName: string | null;
      materials: string[];
    }
  | { kind: 'supplement'; missing: string[]; legalBasis: string }
  | { kind: 'refuse'; received: string; reason: string }
  /** `rating` null: a copy printed elsewhere than the deciding hall (a 全程代办 point's), which asks for no rating of its own. */
  | { kind: 'conclude'; concluded: string; granted: boolean; reason: string | null; rating: { code: string; days: number } | null }
  | { kind: 'special'; procedure: string; expectedDays: number; from: string }
  | { kind: 'extension'; days: number; reason: string; due: string; statutoryDue: string };

/** Where the law expects the applicant to sign for the notice: those handed over at the counter. */
export const RECEIPT_KINDS: readonly NoticeKind[] = ['accept', 'supplement', 'refuse'];

const text = (t: string, style: 'plain' | 'reason' | 'small' = 'plain'): NoticeBlock => ({ kind: 'text', text: t, style });

function bodyOf(h: NoticeHeader, f: NoticeFacts): NoticeBlock[] {
  const item = h.itemName;
  switch (f.kind) {
    case 'accept': {
      const N = NOTICE.accept;
      return [
        text(fillText(N.body, { received: f.received, item })),
        {
          kind: 'fields',
          rows: [
            { label: N.acceptedAt, value: f.acceptedAt },
            { label: N.limit, value: fillText(N.limitLine, { promised: f.promised, statutory: f.statutory, due: f.due }) },
            { label: N.department, value: h.departmentName },
            { label: N.handler, value: f.handlerName },
            { label: N.fee, value: f.fee },
            ...(f.agentName ? [{ label: N.agent, value: f.agentName }] : []),
          ],
        },
        text(N.materials),
        { kind: 'list', items: f.materials },
        text(N.pauses, 'small'),
      ];
    }
    case 'supplement':
      return [
        text(fillText(NOTICE.supplement.body, { item })),
        { kind: 'list', items: f.missing },
        text(fillText(NOTICE.supplement.basis, { basis: f.legalBasis })),
        text(NOTICE.supplement.again),
      ];
    case 'refuse':
      return [text(fillText(NOTICE.refuse.body, { received: f.received, item })), text(f.reason, 'reason'), text(NOTICE.refuse.appeal)];
    case 'conclude': {
      const N = NOTICE.conclude;
      return [
        text(fillText(N.body, { item, concluded: f.concluded, result: f.granted ? N.granted : N.denied })),
        ...(f.reason ? [text(fillText(N.reason, { reason: f.reason }), 'reason')] : []),
        text(fillText(N.collect, { department: h.departmentName })),
        ...(f.rating ? [text(fillText(N.rate, { code: printedRatingCode(f.rating.code), days: f.rating.days }), 'small')] : []),
      ];
    }
    case 'special': {
      const N = NOTICE.special;
      return [
        text(fillText(N.body, { item, procedure: f.procedure })),
        {
          kind: 'fields',
          rows: [
            { label: N.procedure, value: f.procedure },
            { label: N.expected, value: fillText(N.expectedLine, { n: f.expectedDays, from: f.from }) },
          ],
        },
        text(N.after),
      ];
    }
    case 'extension': {
      const N = NOTICE.extension;
      return [
        text(fillText(N.body, { item, reason: f.reason, n: f.days })),
        {
          kind: 'fields',
          rows: [
            { label: N.reason, value: f.reason },
            { label: N.due, value: fillText(N.dueLine, { due: f.due, statutory: f.statutoryDue }) },
          ],
        },
      ];
    }
  }
}

/** The whole notice, as it is issued and kept. */
export function noticeDocument(h: NoticeHeader, f: NoticeFacts): NoticeDocument {
  return {
    hall: h.hallName,
    title: NOTICE.titles[f.kind],
    number: h.number,
    caseNumber: fillText(NOTICE.caseNumber, { number: h.caseNumber }),
    addressee: h.applicantName + (h.creditCode ? fillText(NOTICE.creditCode, { code: h.creditCode }) : '') + NOTICE.addressed,
    blocks: [...bodyOf(h, f), text(fillText(NOTICE.complaintPhone, { phone: h.complaintPhone }))],
    seal: fillText(NOTICE.seal, { department: h.departmentName }),
    date: documentDate(h.issuedDay),
    receipt: RECEIPT_KINDS.includes(f.kind) ? [...NOTICE.receipt] : null,
    ...(f.kind === 'conclude' && f.rating ? { ratingCode: f.rating.code } : {}),
  };
}
