import { z } from 'zod';
import { checkPhone } from '../identity/rules';
import { spec } from '../kernel/command';
import { entityId, text } from '../kernel/zod';
import { checked } from '../cases/commands';
import { followupTables } from '../followups/rows';
import { ComplaintChannel, ComplaintSubject } from './enums';
import { complaintTables } from './rows';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

export const complaintCommandSpecs = {
  /**
   * A manager records a complaint as it came in: its channel, what it is about (the subject's id:
   * a department, counter, member of staff or case), what was said, and a phone to call back if
   * given (kept whole on the hub only). It opens a follow-up with the 差评's deadlines.
   */
  'complaint.record': spec({
    payload: z.strictObject({
      channel: ComplaintChannel,
      subject: ComplaintSubject,
      subjectId: entityId,
      content: text(1000),
      receivedDay: day,
      contact: checked(checkPhone).nullable(),
    }),
    result: z.object({ complaint: complaintTables.complaints.row, followup: followupTables.followups.row }),
    roles: ['manager'],
    offline: false,
  }),
} as const;
