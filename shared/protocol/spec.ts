import { z } from 'zod';
import type { TerminalRole } from './tables';

/** How a command is checked and routed: its payload schema, who may send it, and whether it may wait offline. */
export interface CommandSpec<P extends z.ZodType> {
  payload: P;
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
export const spec = <P extends z.ZodType>(s: CommandSpec<P>) => s;

export const text = (max: number) => z.string().trim().min(1).max(max);
export const entityId = z.string().min(1).max(64);
