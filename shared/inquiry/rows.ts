import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { InquiryStatus } from './enums';

/** The inquiry tables a terminal may replicate, and who sees which columns. */
export const inquiryTables = {
  inquiries: table(
    z.object({
      id,
      hall_id: id,
      counter_id: id.nullable(),
      staff_id: id,
      topic: z.string(),
      detail: z.string(),
      status: InquiryStatus,
      resolution: z.string().nullable(),
      created_at: ms,
      resolved_at: ms.nullable(),
    }),
    { staff: 'all' },
  ),
};
