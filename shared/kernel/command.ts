import { z } from 'zod';
import type { TerminalRole } from './roles';

/**
 * A schema in either of zod's APIs: classic (the features' specs) or zod/mini (the few specs and the
 * wire schemas the lobby display loads, whose page must stay small). Both parse alike.
 */
export type Schema<O = unknown, I = unknown> = z.core.$ZodType<O, I> & {
  parse(data: unknown): O;
  safeParse(data: unknown): z.core.util.SafeParseResult<O>;
};

/** How a command is checked and routed: its payload and result schemas, who may send it, and whether it may wait offline. */
export interface CommandSpec<P extends Schema = Schema, R extends Schema = Schema> {
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
export const spec = <P extends Schema, R extends Schema>(s: CommandSpec<P, R>) => s;

/** A read-only question to the hub: its parameters, its answer, and the terminal roles that may ask it. */
export interface QuerySpec<P extends Schema = Schema, R extends Schema = Schema> {
  params: P;
  result: R;
  roles: readonly TerminalRole[];
}
export const querySpec = <P extends Schema, R extends Schema>(s: QuerySpec<P, R>) => s;

/** The result of a command that changes state and answers nothing more. */
export const Done = z.strictObject({});
