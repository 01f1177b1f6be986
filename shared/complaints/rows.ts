import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { ComplaintChannel, ComplaintSubject } from './enums';

/** The complaints table: the hall's managers record and work them; its follow-up carries the contact, masked. */
export const complaintTables = {
  complaints: table(
    z.object({
      id,
      hall_id: id,
      channel: ComplaintChannel,
      subject: ComplaintSubject,
      /** What the subject comes to in the figures: its department and member of staff, as far as known. */
      department_id: id.nullable(),
      counter_id: id.nullable(),
      staff_id: id.nullable(),
      case_id: id.nullable(),
      content: z.string(),
      received_day: z.string(),
      recorded_at: ms,
      recorded_by: id.nullable(),
      /** 1 substantiated, 0 not, decided when its follow-up closes; null while open. */
      substantiated: z.number().int().nullable(),
    }),
    { manager: 'all' },
  ),
};
