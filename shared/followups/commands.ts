import { z } from 'zod';
import { spec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { AppealKind, CallbackMethod } from './enums';
import { followupTables } from './rows';

const result = z.object({ followup: followupTables.followups.row });
const onBoard = { roles: ['manager'], offline: false } as const;
/**
 * The work itself: a manager at the board, or the follow-up's assignee at their counter (a
 * department head who is a clerk); the hub refuses anyone else and the person it is about.
 */
const byAssignee = { roles: ['clerk', 'manager'], offline: false } as const;
const note = z.string().trim().max(500);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const followupCommandSpecs = {
  /** 核实, 整改 or 办结: each moves the follow-up one status on, with what was found or done (byAssignee). */
  'followup.step': spec({
    payload: z.strictObject({
      followupId: entityId,
      step: z.enum(['verify', 'fix', 'close']),
      note: note.min(1, '请写明核实或整改情况'),
      /** Closing a complaint's follow-up says whether the complaint was substantiated; a 差评's takes none. */
      substantiated: z.boolean().optional(),
    }),
    result,
    ...byAssignee,
  }),
  /** 回访: when and how the applicant was called back, what they said, and whether they are satisfied now (byAssignee). */
  'followup.callback': spec({
    payload: z.strictObject({
      followupId: entityId,
      day,
      method: CallbackMethod,
      outcome: note.min(1, '请写明回访情况'),
      satisfied: z.boolean(),
    }),
    result,
    ...byAssignee,
  }),
  /** 申诉: the rating was mistaken or malicious; a reviewer other than the appellant and the rated clerk decides. */
  'followup.appeal': spec({
    payload: z.strictObject({ followupId: entityId, kind: AppealKind, grounds: note.min(1, '请写明申诉理由') }),
    result,
    ...onBoard,
  }),
  'followup.decideAppeal': spec({
    payload: z.strictObject({ followupId: entityId, upheld: z.boolean(), note: note.min(1, '请写明复核意见') }),
    result,
    ...onBoard,
  }),
  /** Hands the follow-up to another member of staff to work (never the one it is about). */
  'followup.assign': spec({ payload: z.strictObject({ followupId: entityId, staffId: entityId }), result, ...onBoard }),
  /**
   * Shows the callback phone whole once, to a manager at the board or the follow-up's assignee at
   * their counter: audited and counted in the day's reveals with the ID numbers.
   */
  'followup.revealPhone': spec({
    payload: z.strictObject({ followupId: entityId }),
    result: z.object({ phone: z.string() }),
    roles: ['clerk', 'manager'],
    offline: false,
    secretResult: 'phone',
  }),
} as const;
