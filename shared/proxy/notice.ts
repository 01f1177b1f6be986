import { documentDateTime, fillText, NOTICE, noticeDocument, type NoticeDocument } from '../cases/notices';
import type { RowOf } from '../kernel/table';
import type { proxyTables } from './rows';

/** Where a proxy case's applicant collects the result: from the agent, at the point (in Chinese, as every notice). */
export const PROXY_COLLECT = '办理结果由全程代办员 {agent} 带回，请凭本通知书及有效身份证件到 {point} 领取。';

type ProxyCase = RowOf<(typeof proxyTables)['proxy_cases']>;

/** Whether the point can print the case's 办结通知书 yet: concluded there, its decision come back. */
export const noticePrintable = (
  p: ProxyCase,
): p is ProxyCase & {
  concluded_at: number;
  result: NonNullable<ProxyCase['result']>;
  target_hall_name: string;
  target_case_number: string;
} => p.concluded_at !== null && p.result !== null && !!p.target_hall_name && !!p.target_case_number;

/**
 * The 办结通知书 a 全程代办 point prints for its applicant once the case is concluded at the hall that
 * decided it: in that hall's name, with its case number, item and department, the decision and the
 * day; numbered with the point's receipt number (the deciding hall's own notice stays there). The
 * applicant collects the result from the agent at the point, not at the department's window. Null
 * while the case is not concluded there, or its decision has not come back.
 */
export function proxyConcludeNotice(
  p: ProxyCase,
  point: { name: string; issuedDay: string; complaintPhone: string; utcOffsetMinutes: number },
): NoticeDocument | null {
  if (!noticePrintable(p)) return null;
  const departmentName = p.target_department_name ?? p.target_hall_name;
  const doc = noticeDocument(
    {
      hallName: p.target_hall_name,
      number: p.number,
      caseNumber: p.target_case_number,
      applicantName: p.applicant_name,
      creditCode: p.applicant_type === 'enterprise' ? p.credit_code : null,
      itemName: p.item_name ?? p.item_code,
      departmentName,
      issuedDay: point.issuedDay,
      complaintPhone: point.complaintPhone,
    },
    {
      kind: 'conclude',
      concluded: documentDateTime(p.concluded_at, point.utcOffsetMinutes),
      granted: p.result === 'approved',
      reason: p.result === 'denied' ? p.decision_reason : null,
      rating: null,
    },
  );
  const atWindow = fillText(NOTICE.conclude.collect, { department: departmentName });
  const atPoint = fillText(PROXY_COLLECT, { agent: p.agent_name, point: point.name });
  return { ...doc, blocks: doc.blocks.map((b) => (b.kind === 'text' && b.text === atWindow ? { ...b, text: atPoint } : b)) };
}
