import { documentDateTime, noticeDocument, type NoticeDocument } from '../cases/notices';
import type { RowOf } from '../kernel/table';
import type { proxyTables } from './rows';

type ProxyCase = RowOf<(typeof proxyTables)['proxy_cases']>;

/**
 * The 办结通知书 a 全程代办 point prints for its applicant once the case is concluded at the hall that
 * decided it: in that hall's name, with its case number, item and department, the decision and the
 * day; numbered with the point's receipt number (the deciding hall's own notice stays there). Null
 * while the case is not concluded there, or its decision has not come back.
 */
export function proxyConcludeNotice(
  p: ProxyCase,
  point: { issuedDay: string; complaintPhone: string; utcOffsetMinutes: number },
): NoticeDocument | null {
  if (p.concluded_at === null || p.result === null || !p.target_hall_name || !p.target_case_number) return null;
  return noticeDocument(
    {
      hallName: p.target_hall_name,
      number: p.number,
      caseNumber: p.target_case_number,
      applicantName: p.applicant_name,
      creditCode: p.applicant_type === 'enterprise' ? p.credit_code : null,
      itemName: p.item_name ?? p.item_code,
      departmentName: p.target_department_name ?? p.target_hall_name,
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
}
