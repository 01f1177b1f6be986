import { z } from 'zod';
import { allBut, ms, rowId as id, table } from '../kernel/table';
import { LimitUnit } from '../calendar/enums';
import { ApplicantType, CaseDuty, CaseStatus, DecisionCard, NoticeKind, PartOutcome, PauseKind } from './enums';
import { ProxyRefuseReason } from '../proxy/enums';

/**
 * Cases (办件). The applicant's full ID number never leaves the hub: rows carry it masked, and
 * revealing it is a command of its own (audited). Days are hall-local 'YYYY-MM-DD'.
 */
const caseRow = z.object({
  id,
  hall_id: id,
  number: z.string(),
  item_id: id,
  department_id: id,
  ticket_id: id.nullable(),
  counter_id: id.nullable(),
  status: CaseStatus,
  applicant_type: ApplicantType,
  applicant_name: z.string(),
  id_masked: z.string().nullable(),
  credit_code: z.string().nullable(),
  phone: z.string(),
  agent_name: z.string().nullable(),
  first_clerk_id: id,
  green: z.number().int(),
  materials_received: z.string(),
  materials_missing: z.string(),
  supplement_count: z.number().int(),
  /** 1 when the first 补正 notice came more than 5 working days after receipt (art. 32). */
  late_notice: z.number().int(),
  received_at: ms,
  accepted_at: ms.nullable(),
  accepted_day: z.string().nullable(),
  handler_id: id.nullable(),
  reviewer_id: id.nullable(),
  approver_id: id.nullable(),
  decided_at: ms.nullable(),
  concluded_at: ms.nullable(),
  delivered_at: ms.nullable(),
  statutory_limit: z.number().int(),
  promised_limit: z.number().int(),
  /** The promised limit's unit. */
  limit_unit: LimitUnit,
  /** The statutory limit's unit: the item's, or working days for joint handling (45 working days, art. 42). */
  statutory_unit: LimitUnit,
  promised_due: z.string().nullable(),
  statutory_due: z.string().nullable(),
  /** Art. 44: from the decision, delivery within 10 working days. */
  delivery_due: z.string().nullable(),
  yellow_from: z.string().nullable(),
  calendar_warning: z.string(),
  paused_kind: PauseKind.nullable(),
  paused_since: z.string().nullable(),
  paused_days: z.number().int(),
  extension_days: z.number().int(),
  extension_reason: z.string().nullable(),
  extension_approver_id: id.nullable(),
  decision_reason: z.string().nullable(),
  /** Working days the decision came after the statutory due day (0 in time), and the card it earned the handler. */
  late_days: z.number().int().nullable(),
  card: DecisionCard.nullable(),
  used_days: z.number().int().nullable(),
  on_time: z.number().int().nullable(),
  /** Recorded at 办结: the standard fee (the catalog's for an approval, none for a denial) and the fee charged. */
  fee_standard_cents: z.number().int().nullable(),
  fee_charged_cents: z.number().int().nullable(),
  updated_at: ms,
  /**
   * 全程代办: a case a point of another hall took in and the region delivered here (proxy.receive):
   * the point's hall, and the point's proxy id (one case per proxy id); null for the hall's own cases.
   */
  origin_hall_id: id.nullable(),
  origin_hall_name: z.string().nullable(),
  proxy_id: id.nullable(),
  /** Set when this hall's staff sent the proxy case back before accepting it (proxy.refuse): the reason travels to the point. */
  proxy_refusal: ProxyRefuseReason.nullable(),
  proxy_refusal_text: z.string().nullable(),
});

/** The cases tables a terminal may replicate, and who sees which columns. */
export const caseTables = {
  cases: table(caseRow, {
    staff: 'all',
    region: allBut(caseRow, [
      'applicant_name',
      'id_masked',
      'credit_code',
      'phone',
      'agent_name',
      'materials_received',
      'materials_missing',
      'decision_reason',
      'extension_reason',
    ]),
  }),
  /** 联审联批: one department's part of a joint case, with its own limit and due day. */
  case_parts: table(
    z.object({
      id,
      hall_id: id,
      case_id: id,
      department_id: id,
      limit_days: z.number().int(),
      due_day: z.string().nullable(),
      outcome: PartOutcome,
      note: z.string().nullable(),
      decided_at: ms.nullable(),
      decided_day: z.string().nullable(),
      decided_by: id.nullable(),
    }),
    { staff: 'all' },
  ),
  /** Each step of a case: who did what, when (责任倒查). */
  case_events: table(z.object({ id, hall_id: id, case_id: id, action: z.string(), staff_id: id.nullable(), at: ms, detail: z.string() }), {
    staff: 'all',
  }),
  /**
   * A written notice to the applicant, as issued: numbered once per hall, year and kind, and kept
   * (the database refuses any change). `content` is the whole document as printed (NoticeDocument),
   * so a reprint shows what was issued, whatever the case or the wording became since.
   */
  case_notices: table(
    z.object({
      id,
      hall_id: id,
      case_id: id,
      kind: NoticeKind,
      year: z.number().int(),
      seq: z.number().int(),
      number: z.string(),
      issued_at: ms,
      issued_day: z.string(),
      /** The deciding department, in whose name it is sealed. */
      department_id: id,
      staff_id: id.nullable(),
      content: z.string(),
    }),
    { staff: 'all' },
  ),
  /**
   * A case duty (审核, 批准) given to a member of staff within their department: held, or no longer
   * (held 0; the hub ends records by state), since `set_at`. One row per person and duty.
   */
  staff_duties: table(z.object({ id, hall_id: id, staff_id: id, duty: CaseDuty, held: z.number().int(), set_at: ms }), { staff: 'all' }),
};
