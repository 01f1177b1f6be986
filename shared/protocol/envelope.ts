// zod/mini, like everything the lobby display loads (kernel/zodMini says why).
import { z } from 'zod/mini';
import { ErrorCode, HallErrorSchema, type HallError } from '../kernel/errors';
import type { CommandPayload, CommandResult, CommandType } from './registry';
import { commandSpecOf } from './specs';

/**
 * The command envelope on the wire: `{ opId, type, payload }` from a terminal, and the hub's
 * answer. Every command's own payload and result schemas live with its feature (see registry).
 */

/** The biggest serialized command of most types; larger ones get PAYLOAD_TOO_LARGE. */
export const MAX_COMMAND_BYTES = 16 * 1024;
/** No command of any type is larger (a whole catalog spreadsheet is the largest there is). */
export const MAX_ANY_COMMAND_BYTES = 1024 * 1024;

/**
 * The envelope. The payload is validated against its type's schema in a second step so that an
 * unknown type gets UNKNOWN_COMMAND rather than a generic validation error.
 */
export const CommandEnvelope = z.strictObject({
  opId: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
  type: z.string().check(z.minLength(1), z.maxLength(64)),
  payload: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export interface Command<T extends CommandType = CommandType> {
  opId: string;
  type: T;
  payload: CommandPayload<T>;
}

/** `seq` is the feed position after the command's changes: a replica at `seq` shows them. */
export const AnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.record(z.string(), z.unknown()), seq: z.int().check(z.nonnegative()) }),
  z.object({ ok: z.literal(false), error: HallErrorSchema }),
]);
/** An answer of any command, as the hub stores and sends it. */
export type WireAnswer = z.infer<typeof AnswerSchema>;
export type Answer<T extends CommandType = CommandType> =
  { ok: true; result: CommandResult<T>; seq: number } | { ok: false; error: HallError };

/**
 * An answer as it arrives, checked against its command's result schema: a hub (or a peer posing
 * as one) that answers something else gets a typed INTERNAL error, never an unchecked object.
 */
export async function parseAnswer<T extends CommandType>(type: T, raw: unknown): Promise<Answer<T>> {
  const answer = AnswerSchema.safeParse(raw);
  if (!answer.success) return { ok: false, error: { code: ErrorCode.INTERNAL, message: '大厅服务器的回答格式不对' } };
  if (!answer.data.ok) return answer.data;
  const result = (await commandSpecOf(type))?.result.safeParse(answer.data.result);
  if (!result?.success) return { ok: false, error: { code: ErrorCode.INTERNAL, message: '大厅服务器的回答与命令不符' } };
  return { ok: true, result: result.data as CommandResult<T>, seq: answer.data.seq };
}

/**
 * Checks a command before it leaves a terminal, with the schema the hub applies on arrival, so a
 * mistake is answered at once and never queued or sent.
 */
export async function checkCommand(
  type: string,
  payload: unknown,
): Promise<{ ok: true; type: CommandType; payload: unknown } | { ok: false; error: HallError }> {
  const spec = await commandSpecOf(type);
  if (!spec) return { ok: false, error: { code: ErrorCode.UNKNOWN_COMMAND, message: `未知命令：${type.slice(0, 64)}` } };
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) {
    // Said as a person would: "请填写申请人姓名", not the schema's words. Every feature's refusal
    // words load only here, so that a page whose commands are right never loads them.
    const [{ inputMessage, inputProblem }, { REFUSALS }] = await Promise.all([import('../kernel/input'), import('./refusals')]);
    const problem = inputProblem(parsed.error.issues, REFUSALS);
    return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: inputMessage(problem, REFUSALS) ?? '参数错误', ...problem } };
  }
  return { ok: true, type: type as CommandType, payload: parsed.data };
}
