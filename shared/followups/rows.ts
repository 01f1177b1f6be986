import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { AppealKind, AppealState, CallbackMethod, FollowupAction, FollowupStatus } from './enums';

/** The follow-up tables: the hall's managers work them on the board. */
export const followupTables = {
  followups: table(
    z.object({
      id,
      hall_id: id,
      rating_id: id.nullable(),
      department_id: id.nullable(),
      /** The staff member the 差评 was about. */
      staff_id: id.nullable(),
      status: FollowupStatus,
      opened_at: ms,
      opened_day: z.string(),
      yellow_from: z.string(),
      due_day: z.string(),
      closed_at: ms.nullable(),
      closed_day: z.string().nullable(),
      callback_day: z.string().nullable(),
      callback_method: CallbackMethod.nullable(),
      callback_outcome: z.string().nullable(),
      callback_satisfied: z.number().int().nullable(),
      appeal: AppealState.nullable(),
      appeal_kind: AppealKind.nullable(),
      appellant_id: id.nullable(),
    }),
    { manager: 'all' },
  ),
  /** Each step of a follow-up, with who took it and when; the id is `<follow-up id>-<n>`. */
  followup_events: table(
    z.object({ id, hall_id: id, followup_id: id, action: FollowupAction, staff_id: id.nullable(), at: ms, note: z.string() }),
    { manager: 'all' },
  ),
};
