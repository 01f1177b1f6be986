import { z } from 'zod';
import { spec } from '../kernel/command';
import { hallTables } from './rows';

/** The answer of every command that changes the hall's own row (its notice, its settings). */
export const hallResult = z.object({ hall: hallTables.halls.row });

/** How the audit chain can be broken at a row. */
export const AUDIT_PROBLEM_KINDS = ['edited', 'inserted', 'deleted'] as const;

/** What the audit chain's check found: where the chain is broken, if anywhere. */
export const AuditReport = z.object({
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  problems: z.array(z.object({ kind: z.enum(AUDIT_PROBLEM_KINDS), at: z.number().int(), message: z.string() })),
  /** The chain's last row: printed and kept, it is a witness the chain must still hold later (verify-audit --witness). */
  head: z.object({ id: z.number().int(), hash: z.string(), at: z.number().int() }).nullable(),
});
export type AuditReport = z.infer<typeof AuditReport>;

export const hallCommandSpecs = {
  /** Checks the audit chain and says where it is broken, if anywhere; answers its head, to print. */
  'audit.verify': spec({ payload: z.strictObject({}), result: z.object({ report: AuditReport }), roles: ['manager'], offline: false }),
  /** The scrolling notice on the lobby displays. */
  'hall.setNotice': spec({
    payload: z.strictObject({ text: z.string().trim().max(500) }),
    result: hallResult,
    roles: ['manager'],
    offline: false,
  }),
} as const;
