import { z } from 'zod';
import type { TerminalRole } from './roles';

/** How a command is checked and routed: its payload and result schemas, who may send it, and whether it may wait offline. */
export interface CommandSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  payload: P;
  /** What the hub answers on success; checked by the hub before sending and by the terminal on arrival. */
  result: R;
  roles: readonly TerminalRole[];
  /** May be made while the hub is unreachable: it then waits in the terminal's durable outbox. */
  offline: boolean;
  /** A result field holding a secret (a one-time code, a revealed ID number): shown once, never stored for replays. */
  secretResult?: string;
  /**
   * At a manager terminal, the staff roles that may send it (the signed-in person's role);
   * manager and admin when absent. Clerks act through the counter they signed in at.
   */
  staffRoles?: readonly ('manager' | 'admin')[];
  /** The largest serialized command of this type; MAX_COMMAND_BYTES when absent. */
  maxBytes?: number;
}
export const spec = <P extends z.ZodType, R extends z.ZodType>(s: CommandSpec<P, R>) => s;

/** A read-only question to the hub: its parameters, its answer, and the terminal roles that may ask it. */
export interface QuerySpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  roles: readonly TerminalRole[];
}
export const querySpec = <P extends z.ZodType, R extends z.ZodType>(s: QuerySpec<P, R>) => s;

/** The result of a command that changes state and answers nothing more. */
export const Done = z.strictObject({});
