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
    }),
    { manager: 'all' },
  ),
};
