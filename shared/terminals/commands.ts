import { z } from 'zod';
import { spec } from '../kernel/command';
import { TerminalRole } from '../kernel/roles';
import { entityId, text } from '../kernel/zod';
import { terminalTables } from './rows';

const ADMIN = ['admin'] as const;
/** Terminals that act for one counter: without it a clerk PC could sign in at any counter. */
export const COUNTER_BOUND: readonly TerminalRole[] = ['clerk', 'evaluator'];
/** A one-time enrollment code, shown once (never stored for replays) and valid until `expiresAt`. */
const withCode = z.object({ terminal: terminalTables.terminals.row, code: z.string(), expiresAt: z.number().int() });

export const terminalCommandSpecs = {
  /** A manager adds a terminal; the answer holds its one-time enrollment code (shown once). */
  'terminal.create': spec({
    payload: z
      .strictObject({ role: TerminalRole, name: text(60), counterId: entityId.nullable(), zone: z.string().trim().max(40) })
      .refine((t) => !COUNTER_BOUND.includes(t.role) || t.counterId !== null, {
        message: '窗口电脑和评价器须指定所在窗口',
        path: ['counterId'],
      }),
    result: withCode,
    roles: ['manager'],
    offline: false,
    secretResult: 'code',
    staffRoles: ADMIN,
  }),
  /** Enrolls a terminal again: a new one-time code, and what it held ends at once (token, session, connections). */
  'terminal.newCode': spec({
    payload: z.strictObject({ terminalId: entityId }),
    result: withCode,
    roles: ['manager'],
    offline: false,
    secretResult: 'code',
    staffRoles: ADMIN,
  }),
  /** Revoked at once: its token stops working, its session ends and its open connections are closed. */
  'terminal.revoke': spec({
    payload: z.strictObject({ terminalId: entityId }),
    result: z.object({ terminal: terminalTables.terminals.row }),
    roles: ['manager'],
    offline: false,
    staffRoles: ADMIN,
  }),
} as const;
