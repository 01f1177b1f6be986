import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { AppealKind, AppealState, CallbackMethod, FollowupAction, FollowupStatus } from './enums';

/** The follow-up tables: the hall's managers work them on the board (an assignee at a counter works theirs through ratings.mine). */
export const followupTables = {
  /** A follow-up of a 差评 (rating_id) or of a complaint (complaint_id): exactly one of the two. */
  followups: table(
    z.object({
      id,
      hall_id: id,
      rating_id: id.nullable(),
      complaint_id: id.nullable(),
      /** Who works it: the responsible department's head, or else a manager; reassigned by followup.assign. */
      assignee_id: id.nullable(),
      /** The phone to call back, masked (the case's for a 差评, the complainant's); followup.revealPhone shows it whole. */
      phone_masked: z.string().nullable(),
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
