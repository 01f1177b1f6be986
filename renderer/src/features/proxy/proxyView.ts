import { documentDate, documentDateTime, fillText, NOTICE, type NoticeDocument } from '../../../../shared/cases/notices';
import { ProxyCatalog } from '../../../../shared/regiondocs/documents';
import { proxyItems } from '../../../../shared/regiondocs/rules';
import type { CaseStatus } from '../../../../shared/cases/enums';
import type { Row } from '../../../../shared/protocol';
import { hallDay } from '../../../../shared/queue/rules';
import type { ProxyStage } from './stages';

const STAGE_OF: Record<CaseStatus, ProxyStage> = {
  received: 'delivered',
  supplement: 'supplement',
  // The target's 不予受理 of a delivered case: it came back unaccepted, like a refusal on the way.
  refused: 'returned',
  accepted: 'accepted',
  handling: 'handling',
  reviewing: 'handling',
  approved: 'handling',
  denied: 'handling',
  concluded: 'concluded',
  delivered: 'concluded',
};

export function proxyStage(p: Pick<Row<'proxy_cases'>, 'status' | 'target_status'>): ProxyStage {
  if (p.status === 'outbox') return 'sending';
  if (p.status === 'refused') return 'returned';
  return p.target_status ? STAGE_OF[p.target_status] : 'delivered';
}

/** Newest first among those still moving, then the finished ones (concluded or returned), newest first. */
export function sortProxies(rows: readonly Row<'proxy_cases'>[]): Row<'proxy_cases'>[] {
  const finished = (p: Row<'proxy_cases'>) => ['concluded', 'returned'].includes(proxyStage(p));
  return [...rows].sort((a, b) => Number(finished(a)) - Number(finished(b)) || b.registered_at - a.registered_at);
}

/**
 * The item codes this hall's points may take in for a hall above: its level's list in the region's
 * proxy catalog as the hall applied it, less the items its administrator refused. Empty when the
 * hall holds no catalog (not sent yet, or not replicated to this terminal).
 */
export function proxyCatalogCodes(docs: readonly Row<'region_documents'>[], overrides: readonly Row<'region_overrides'>[]): string[] {
  const row = docs.find((d) => d.kind === 'proxy_catalog');
  if (!row) return [];
  let content: unknown;
  try {
    content = JSON.parse(row.content);
  } catch {
    return [];
  }
  const catalog = ProxyCatalog.safeParse(content);
  const refused = overrides.filter((o) => o.type === 'refuse_item' && o.revoked_at === null).map((o) => o.value);
  return catalog.success ? proxyItems(catalog.data, row.hall_level, refused) : [];
}

/**
 * The point's own lines of the 办结通知书 it prints for a case another hall decided: the official
 * wording of shared/cases/notices (NOTICE) with what differs when the agent hands the result over.
 * In Chinese whatever the screen's language, as every notice.
 */
export const POINT_NOTICE = {
  proxyNumber: '代办编号：{number}',
  collect: '办理结果由全程代办员 {agent} 带回，请凭本通知书及有效身份证件到 {point} 领取。',
  forwarded: '{point}（全程代办转交）',
};

/**
 * The 办结通知书 of a concluded proxy case, as the point prints it for the applicant: the deciding
 * hall's name and case number, the decision and its day as the region brought them back, and the
 * point's number and agent. Null before the target concluded it. The deciding hall's own notice
 * (numbered and sealed there, with its 好差评 code) stays with that hall: this is the point's copy.
 */
export function pointConcludeNotice(p: Row<'proxy_cases'>, point: { name: string; utcOffsetMinutes: number }): NoticeDocument | null {
  if (proxyStage(p) !== 'concluded' || p.concluded_at === null || p.result === null) return null;
  const N = NOTICE.conclude;
  const item = p.item_name ?? p.item_code;
  return {
    hall: p.target_hall_name ?? '',
    title: NOTICE.titles.conclude,
    number: fillText(POINT_NOTICE.proxyNumber, { number: p.number }),
    caseNumber: fillText(NOTICE.caseNumber, { number: p.target_case_number ?? '' }),
    addressee: p.applicant_name + (p.credit_code ? fillText(NOTICE.creditCode, { code: p.credit_code }) : '') + NOTICE.addressed,
    blocks: [
      {
        kind: 'text',
        style: 'plain',
        text: fillText(N.body, {
          item,
          concluded: documentDateTime(p.concluded_at, point.utcOffsetMinutes),
          result: p.result === 'approved' ? N.granted : N.denied,
        }),
      },
      { kind: 'text', style: 'plain', text: fillText(POINT_NOTICE.collect, { agent: p.agent_name, point: point.name }) },
    ],
    seal: fillText(POINT_NOTICE.forwarded, { point: point.name }),
    date: documentDate(hallDay(p.concluded_at, point.utcOffsetMinutes)),
    receipt: [...NOTICE.receipt],
  };
}
