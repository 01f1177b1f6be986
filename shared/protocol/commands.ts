import { z } from 'zod';
import type { HallError } from './errors';
import type { TerminalRole } from './tables';

/**
 * Every command a terminal can send: its payload schema, who may send it, and whether it may be
 * made while the hub is unreachable (then it waits in the terminal's durable outbox).
 * Queue commands need the hub's answer at once, so they are never offline-capable.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const entityId = z.string().min(1).max(64);

interface CommandSpec<P extends z.ZodType> {
  payload: P;
  roles: readonly TerminalRole[];
  offline: boolean;
}
const spec = <P extends z.ZodType>(s: CommandSpec<P>) => s;

export const commandSpecs = {
  'counter.signIn': spec({
    payload: z.strictObject({ counterId: entityId, login: text(64), password: z.string().min(1).max(256) }),
    roles: ['clerk'],
    offline: false,
  }),
  'counter.pause': spec({
    payload: z.strictObject({ counterId: entityId, reason: text(100) }),
    roles: ['clerk'],
    offline: false,
  }),
  'counter.resume': spec({ payload: z.strictObject({ counterId: entityId }), roles: ['clerk'], offline: false }),
  'counter.signOut': spec({ payload: z.strictObject({ counterId: entityId }), roles: ['clerk'], offline: false }),
  'counter.heartbeat': spec({ payload: z.strictObject({ counterId: entityId }), roles: ['clerk'], offline: false }),
  /** 首问负责制: the clerk first asked records the enquiry and owns it until it is resolved. */
  'inquiry.record': spec({
    payload: z.strictObject({ inquiryId: entityId, counterId: entityId.nullable(), topic: text(100), detail: z.string().max(2000) }),
    roles: ['clerk'],
    offline: true,
  }),
  'inquiry.resolve': spec({
    payload: z.strictObject({ inquiryId: entityId, resolution: text(2000) }),
    roles: ['clerk'],
    offline: true,
  }),
  /** The scrolling notice on the lobby displays. */
  'hall.setNotice': spec({ payload: z.strictObject({ text: z.string().trim().max(500) }), roles: ['manager'], offline: false }),
} as const;

export type CommandType = keyof typeof commandSpecs;
export const CommandType = z.enum(Object.keys(commandSpecs) as [CommandType, ...CommandType[]]);
export type CommandPayload<T extends CommandType> = z.infer<(typeof commandSpecs)[T]['payload']>;

/** The biggest serialized command the hub accepts; larger ones get PAYLOAD_TOO_LARGE. */
export const MAX_COMMAND_BYTES = 16 * 1024;

/**
 * The envelope. The payload is validated against its type's schema in a second step so that an
 * unknown type gets UNKNOWN_COMMAND rather than a generic validation error.
 */
export const CommandEnvelope = z.strictObject({
  opId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export interface Command<T extends CommandType = CommandType> {
  opId: string;
  type: T;
  payload: CommandPayload<T>;
}

export type CommandResult = Record<string, unknown>;

/** `seq` is the feed position after the command's changes: a replica at `seq` shows them. */
export type Answer = { ok: true; result: CommandResult; seq: number } | { ok: false; error: HallError };

export const isCommandType = (t: string): t is CommandType => Object.hasOwn(commandSpecs, t);
