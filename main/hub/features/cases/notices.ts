import { randomUUID } from 'node:crypto';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import {
  documentDate,
  documentDateTime,
  feeText,
  limitText,
  noticeDocument,
  noticeNumber,
  type NoticeFacts,
} from '../../../../shared/cases/notices';
import type { CaseStep } from '../../../../shared/cases/commands';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { sql, type HandlerContext } from '../../commands/context';
import { dayOf } from './deadlines';
import { requestCaseRating } from '../ratings/handlers';
import { parseRatingSettings } from '../../../../shared/ratings/settings';

type Ctx = HandlerContext<CommandType>;

/**
 * Issues a written notice of case `c` (as the step that calls for it leaves the case), in the same
 * transaction as the step: the next number of its kind in the hall's year, dated the day of the
 * step, sealed in the name of the case's department, its whole document stored. It is never
 * written again (the database refuses), so every print of it is the issued version.
 */
export function issueNotice(ctx: Ctx, c: Row<'cases'>, staffId: string | null, at: number, facts: NoticeFacts): Row<'case_notices'> {
  const hall = ctx.store.get('halls', ctx.hallId)!;
  const day = dayOf(ctx, at);
  const year = Number(day.slice(0, 4));
  const { seq } = sql(ctx, 'SELECT coalesce(max(seq), 0) + 1 AS seq FROM case_notices WHERE hall_id = ? AND kind = ? AND year = ?').get(
    ctx.hallId,
    facts.kind,
    year,
  ) as { seq: number };
  const number = noticeNumber(hall.code, facts.kind, year, seq);
  const document = noticeDocument(
    {
      hallName: hall.name,
      number,
      caseNumber: c.number,
      applicantName: c.applicant_name,
      creditCode: c.applicant_type === 'enterprise' ? c.credit_code : null,
      itemName: ctx.store.get('catalog_items', c.item_id)?.name ?? '',
      departmentName: ctx.store.get('departments', c.department_id)?.name ?? '',
      issuedDay: day,
      complaintPhone: parseCaseSettings(hall.case_settings).complaintPhone,
    },
    facts,
  );
  return ctx.store.upsert('case_notices', {
    id: randomUUID(),
    hall_id: ctx.hallId,
    case_id: c.id,
    kind: facts.kind,
    year,
    seq,
    number,
    issued_at: at,
    issued_day: day,
    department_id: c.department_id,
    staff_id: staffId,
    content: JSON.stringify(document),
  });
}

/** A due day as notices write it; empty when there is none. */
export const dueText = (day: string | null): string => (day ? documentDate(day) : '');

/**
 * The written notice a step owes the applicant, issued with it: 受理通知书, 不予受理决定书, 一次性告知书
 * or 办结通知书, from the case before the step (`c`) and after it (`updated`); other steps owe none.
 */
export function issueStepNotice(ctx: Ctx, p: CaseStep, c: Row<'cases'>, updated: Row<'cases'>, staffId: string, at: number): void {
  const offset = parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings).utcOffsetMinutes;
  const item = ctx.store.get('catalog_items', c.item_id)!;
  let facts: NoticeFacts;
  switch (p.action) {
    case 'accept':
      facts = {
        kind: 'accept',
        received: documentDateTime(c.received_at, offset),
        acceptedAt: documentDateTime(at, offset),
        promised: limitText(updated.promised_limit, updated.limit_unit),
        statutory: limitText(updated.statutory_limit, updated.statutory_unit),
        due: dueText(updated.promised_due),
        handlerName: ctx.store.get('staff', staffId)?.name ?? '',
        fee: feeText(item.fee_cents),
        agentName: updated.agent_name,
        materials: JSON.parse(updated.materials_received) as string[],
      };
      break;
    case 'refuse':
      facts = { kind: 'refuse', received: documentDateTime(c.received_at, offset), reason: p.reason };
      break;
    case 'requestSupplement':
      facts = { kind: 'supplement', missing: p.missing, legalBasis: item.legal_basis };
      break;
    case 'conclude':
      facts = {
        kind: 'conclude',
        concluded: documentDateTime(at, offset),
        granted: c.status === 'approved',
        reason: c.decision_reason,
        // Every concluded case asks the applicant for a rating, by the code its notice carries.
        rating: {
          code: requestCaseRating(ctx, updated, staffId),
          days: parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings).codeDays,
        },
      };
      break;
    default:
      return;
  }
  issueNotice(ctx, updated, staffId, at, facts);
}
