import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { StaffRole } from '../kernel/roles';

/** The staff tables a terminal may replicate, and who sees which columns. */
export const staffTables = {
  staff: table(
    z.object({
      id,
      hall_id: id,
      login: z.string(),
      name: z.string(),
      role: StaffRole,
      department_id: id.nullable(),
      /** Set when the person left or was stopped: they sign in nowhere; history keeps their name. */
      disabled_at: ms.nullable(),
    }),
    { staff: 'all', region: ['id', 'hall_id', 'name', 'role', 'department_id', 'disabled_at'] },
  ),
  /**
   * What an applicant may see of a clerk serving them, on the window's evaluator: the public name,
   * the public 工号 (`staff_no`, never the login: setup/sheet StaffNo) and photo (a data URL). Only clerks have one (they alone
   * serve at counters); lobby screens get none.
   */
  staff_cards: table(z.object({ id, hall_id: id, display_name: z.string(), staff_no: z.string(), photo: z.string().nullable() }), {
    rater: 'all',
    staff: 'all',
    region: 'all',
  }),
  /** Who is signed in at a manager terminal (id = the terminal's id); staff_id null once signed out. */
  staff_sessions: table(z.object({ id, hall_id: id, staff_id: id.nullable(), started_at: ms.nullable() }), { manager: 'all' }),
};
