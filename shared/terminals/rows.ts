import { z } from 'zod';
import { ms, rowId as id, table } from '../kernel/table';
import { TerminalRole } from '../kernel/roles';

/** The terminals tables a terminal may replicate, and who sees which columns. */
export const terminalTables = {
  /** The terminals of the hall (their token hashes never leave the hub). */
  terminals: table(
    z.object({
      id,
      hall_id: id,
      role: TerminalRole,
      name: z.string(),
      counter_id: id.nullable(),
      zone: z.string(),
      created_at: ms,
      revoked_at: ms.nullable(),
      /** Staff confirmations typed at this terminal failed too often: refused until then (the board shows it). */
      confirm_locked_until: ms.nullable(),
    }),
    { manager: 'all' },
  ),
};
