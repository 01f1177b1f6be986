import { JOINT_LIMIT } from '../../../../shared/cases/rules';
import type { Applicant } from '../../../../shared/cases/commands';
import { checkResidentId, maskResidentId } from '../../../../shared/identity/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType, Row } from '../../../../shared/protocol';
import { sql, type HandlerContext } from '../../commands/context';
import { dayOf } from './deadlines';

type Ctx = HandlerContext<CommandType>;

/**
 * A receipt number: hall code, date, daily sequence — a case's H3301-20261125-0001, a point's proxy
 * receipt H3305-P20261125-0001 (`mark` P); unique by construction and by each table's index.
 */
export function nextNumber(
  ctx: Ctx,
  table: 'cases' | 'proxy_cases',
  day: string,
  mark = '',
): { number: string; number_day: string; number_seq: number } {
  const { seq } = sql(ctx, `SELECT coalesce(max(number_seq), 0) + 1 AS seq FROM ${table} WHERE hall_id = ? AND number_day = ?`).get(
    ctx.hallId,
    day,
  ) as { seq: number };
  const code = ctx.store.get('halls', ctx.hallId)!.code;
  return { number: `${code}-${mark}${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`, number_day: day, number_seq: seq };
}

/** Refuses an applicant's ID number that is no valid one as of the hub's day (the form checks it against the terminal's; the hub's day is the authority). */
export function checkApplicantId(ctx: Ctx, applicant: Pick<Applicant, 'idNumber'>): void {
  const id = applicant.idNumber === null ? null : checkResidentId(applicant.idNumber, dayOf(ctx, ctx.now));
  if (id && !id.ok) throw refuse(id.refusal, { field: 'applicant.idNumber' });
}

/** A case registered anew: the hall's own (case.register) or one a point of another hall took in by proxy (proxy.receive). */
export interface NewCase {
  caseId: string;
  item: Row<'catalog_items'>;
  ticketId: string | null;
  counterId: string | null;
  applicant: Applicant;
  agentName: string | null;
  firstClerkId: string;
  green: boolean;
  materials: readonly string[];
  /** 联审联批: the parts are written by the caller. */
  joint: boolean;
  at: number;
  origin: { hallId: string; hallName: string; proxyId: string } | null;
}

/** Writes a new case in status received, numbered on the day of `at`. */
export function insertCase(ctx: Ctx, n: NewCase): Row<'cases'> {
  const { item, applicant, at } = n;
  const numbering = nextNumber(ctx, 'cases', dayOf(ctx, at));
  return ctx.store.upsert(
    'cases',
    {
      id: n.caseId,
      hall_id: ctx.hallId,
      number: numbering.number,
      item_id: item.id,
      department_id: item.department_id,
      ticket_id: n.ticketId,
      counter_id: n.counterId,
      status: 'received',
      applicant_type: applicant.type,
      applicant_name: applicant.name,
      id_masked: applicant.idNumber === null ? null : maskResidentId(applicant.idNumber),
      credit_code: applicant.creditCode,
      phone: applicant.phone,
      agent_name: n.agentName,
      first_clerk_id: n.firstClerkId,
      green: n.green ? 1 : 0,
      materials_received: JSON.stringify(n.materials),
      materials_missing: '[]',
      supplement_count: 0,
      late_notice: 0,
      received_at: at,
      accepted_at: null,
      accepted_day: null,
      handler_id: null,
      reviewer_id: null,
      approver_id: null,
      decided_at: null,
      concluded_at: null,
      delivered_at: null,
      // Joint handling: the whole case within 45 working days, whatever the item's own statutory limit (art. 42).
      statutory_limit: n.joint ? JOINT_LIMIT : item.statutory_limit,
      promised_limit: item.promised_limit,
      limit_unit: item.limit_unit,
      statutory_unit: n.joint ? 'working_days' : item.limit_unit,
      promised_due: null,
      statutory_due: null,
      delivery_due: null,
      yellow_from: null,
      calendar_warning: '',
      paused_kind: null,
      paused_since: null,
      paused_days: 0,
      extension_days: 0,
      extension_reason: null,
      extension_approver_id: null,
      decision_reason: null,
      late_days: null,
      card: null,
      used_days: null,
      on_time: null,
      fee_standard_cents: null,
      fee_charged_cents: null,
      updated_at: at,
      origin_hall_id: n.origin?.hallId ?? null,
      origin_hall_name: n.origin?.hallName ?? null,
      proxy_id: n.origin?.proxyId ?? null,
      proxy_refusal: null,
      proxy_refusal_text: null,
    },
    { id_number: applicant.idNumber, number_day: numbering.number_day, number_seq: numbering.number_seq },
  );
}
