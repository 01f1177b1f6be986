import { z } from 'zod';
import { allBut, ms, rowId as id, table } from '../kernel/table';
import { ApplicantType, CaseStatus, PauseKind } from '../cases/enums';
import { ProxyResult, ProxyReturnReason, ProxyStatus } from './enums';

/**
 * A proxy case (全程代办) at the point that took it in. Not a case of the point's (it counts in none
 * of its deadlines or figures): the request as the point's clerk (the agent) took it, where it went
 * and the state of its case there, as the region last told. The applicant's whole ID number stays
 * in the hub (a column outside the row, like cases'); it travels once, to the target hall.
 */
const proxyRow = z.object({
  id,
  hall_id: id,
  /** The point's own number for the applicant's receipt: hall code, P, day, daily sequence (H3305-P20261125-0001). */
  number: z.string(),
  item_code: z.string(),
  /** The item's name at the target hall, once delivered; before, the point's catalog's if it lists the item. */
  item_name: z.string().nullable(),
  applicant_type: ApplicantType,
  applicant_name: z.string(),
  id_masked: z.string().nullable(),
  credit_code: z.string().nullable(),
  phone: z.string(),
  /** JSON array of the materials the agent received. */
  materials: z.string(),
  note: z.string(),
  /** The point's clerk who took it in, the applicant's agent (代办员). */
  agent_id: id,
  agent_name: z.string(),
  counter_id: id,
  status: ProxyStatus,
  registered_at: ms,
  target_hall_id: z.string().nullable(),
  target_hall_name: z.string().nullable(),
  target_case_id: z.string().nullable(),
  target_case_number: z.string().nullable(),
  /** The department that decides it there: the 办结 notice sends the applicant to its window. */
  target_department_name: z.string().nullable(),
  delivered_at: ms.nullable(),
  /** The target case's state as the region last told (progress `version`: the target feed's seq of that row). */
  target_status: CaseStatus.nullable(),
  target_paused: PauseKind.nullable(),
  promised_due: z.string().nullable(),
  statutory_due: z.string().nullable(),
  accepted_at: ms.nullable(),
  concluded_at: ms.nullable(),
  result: ProxyResult.nullable(),
  /** The reasons of a 不予许可 (the target's decision_reason), told to the applicant on the 办结 notice. */
  decision_reason: z.string().nullable(),
  progress_version: z.number().int(),
  refusal_reason: ProxyReturnReason.nullable(),
  refusal_text: z.string().nullable(),
  refused_at: ms.nullable(),
  updated_at: ms,
});

export const proxyTables = {
  proxy_cases: table(proxyRow, {
    staff: 'all',
    // The region routes and supervises the travel; the applicant's data reaches the target hall by
    // command (proxy.outgoing → proxy.receive) and is never stored above the halls.
    region: allBut(proxyRow, ['applicant_name', 'id_masked', 'credit_code', 'phone', 'materials', 'note', 'agent_name', 'decision_reason']),
  }),
};
