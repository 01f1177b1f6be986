import { z } from 'zod';
import { defaultQueueSettings, type QueueSettings } from '../domain/queue';
import { defaultSecuritySettings, type SecuritySettings } from '../domain/staff';
import { ErrorCode, type HallError } from './errors';
import { CaseSettingsSchema, caseCommandSpecs, defaultCaseSettings, type CaseSettings } from './caseCommands';
import { entityId, spec, text } from './spec';
import { StaffRole } from './tables';

/**
 * Every command a terminal can send: its payload schema, who may send it, and whether it may be
 * made while the hub is unreachable (then it waits in the terminal's durable outbox).
 * Queue commands need the hub's answer at once, so they are never offline-capable.
 */

const ticketNumber = z.string().regex(/^[A-Z]{1,2}\d{3,4}$/, '号码格式如 A023');
const counterOnly = z.strictObject({ counterId: entityId });

export const QueueSettingsSchema = z.strictObject({
  priorityStreak: z.number().int().min(1).max(10),
  noShowRule: z.enum(['front', 'after', 'cancel']),
  noShowAfter: z.number().int().min(0).max(50),
  recallLimit: z.number().int().min(0).max(10),
  parkMinutes: z.number().int().min(1).max(240),
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  announceRepeat: z.number().int().min(1).max(3),
}) satisfies z.ZodType<QueueSettings>;

export const SecuritySettingsSchema = z.strictObject({
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  enrollMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 1440),
}) satisfies z.ZodType<SecuritySettings>;

/**
 * A hall's stored settings over the defaults; a stored value that no longer validates falls back.
 * Settings change rarely and are read on hot paths (every call, every render): the last parse of
 * each kind is reused while the stored JSON is the same. Callers must not mutate the result.
 */
function settingsParser<T extends object>(schema: z.ZodType<T>, defaults: T): (json: string) => T {
  let last: { json: string; value: T } | undefined;
  return (json) => {
    if (last?.json === json) return last.value;
    let stored: unknown;
    try {
      stored = JSON.parse(json);
    } catch {
      stored = {};
    }
    const merged = schema.safeParse({ ...defaults, ...(stored as object) });
    last = { json, value: merged.success ? merged.data : defaults };
    return last.value;
  };
}

export const parseQueueSettings: (json: string) => QueueSettings = settingsParser(QueueSettingsSchema, defaultQueueSettings);
export const parseSecuritySettings: (json: string) => SecuritySettings = settingsParser(SecuritySettingsSchema, defaultSecuritySettings);
export const parseCaseSettings: (json: string) => CaseSettings = settingsParser(CaseSettingsSchema, defaultCaseSettings);

const ADMIN = ['admin'] as const;
/** Passwords chosen by people: long enough to resist guessing at the lockout's pace. */
export const NewPassword = z.string().min(8, '密码至少 8 位').max(128);

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
  /** A kiosk issues a ticket; a priority class needs a staff member's confirmation on the spot. */
  'ticket.issue': spec({
    payload: z.strictObject({
      serviceId: entityId,
      priority: z.enum(['normal', 'green', 'major', 'appointment']),
      confirm: z.strictObject({ login: text(64), password: z.string().min(1).max(256) }).nullable(),
    }),
    roles: ['kiosk', 'manager'],
    offline: false,
  }),
  'ticket.callNext': spec({ payload: counterOnly, roles: ['clerk'], offline: false }),
  'ticket.callSpecific': spec({
    payload: z.strictObject({ counterId: entityId, number: ticketNumber, reason: text(100) }),
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.recall': spec({ payload: counterOnly, roles: ['clerk'], offline: false }),
  'ticket.noShow': spec({ payload: counterOnly, roles: ['clerk'], offline: false }),
  /** A missed ticket's holder came back: back in line by the hall's no-show rule. */
  'ticket.reinstate': spec({ payload: z.strictObject({ counterId: entityId, number: ticketNumber }), roles: ['clerk'], offline: false }),
  'ticket.start': spec({ payload: counterOnly, roles: ['clerk'], offline: false }),
  'ticket.finish': spec({
    payload: z.strictObject({ counterId: entityId, handledServiceIds: z.array(entityId).min(1).max(10) }),
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.transfer': spec({
    payload: z
      .strictObject({
        counterId: entityId,
        toServiceId: entityId.nullable(),
        toCounterId: entityId.nullable(),
        mode: z.enum(['keep', 'back']),
      })
      .refine((p) => (p.toServiceId === null) !== (p.toCounterId === null), '转给一个事项或一个窗口，二者选一'),
    roles: ['clerk'],
    offline: false,
  }),
  'ticket.park': spec({
    payload: z.strictObject({ counterId: entityId, minutes: z.number().int().min(1).max(240).nullable() }),
    roles: ['clerk'],
    offline: false,
  }),
  /** Ends the hall day: every open ticket ends with a reason, and no more tickets are issued today. */
  'day.close': spec({ payload: z.strictObject({}), roles: ['manager'], offline: false }),
  /** Ticketing on/off, the daily cap, and the board's alert thresholds of one service. */
  'service.update': spec({
    payload: z.strictObject({
      serviceId: entityId,
      open: z.boolean().optional(),
      dailyCap: z.number().int().min(1).max(9999).nullable().optional(),
      maxWaitMin: z.number().int().min(1).max(600).optional(),
      maxServiceMin: z.number().int().min(1).max(600).optional(),
      queueCap: z.number().int().min(1).max(9999).optional(),
    }),
    roles: ['manager'],
    offline: false,
  }),
  'hall.setQueueSettings': spec({ payload: QueueSettingsSchema.partial(), roles: ['manager'], offline: false }),
  /** A manager adds a terminal; the answer holds its one-time enrollment code (shown once). */
  'terminal.create': spec({
    payload: z.strictObject({
      role: z.enum(['clerk', 'kiosk', 'display', 'evaluator', 'manager']),
      name: text(60),
      counterId: entityId.nullable(),
      zone: z.string().trim().max(40),
    }),
    roles: ['manager'],
    offline: false,
    secretResult: 'code',
    staffRoles: ADMIN,
  }),
  'terminal.newCode': spec({
    payload: z.strictObject({ terminalId: entityId }),
    roles: ['manager'],
    offline: false,
    secretResult: 'code',
    staffRoles: ADMIN,
  }),
  /** Revoked at once: its token stops working and its open connections are closed. */
  'terminal.revoke': spec({ payload: z.strictObject({ terminalId: entityId }), roles: ['manager'], offline: false, staffRoles: ADMIN }),
  'hall.setSecuritySettings': spec({ payload: SecuritySettingsSchema.partial(), roles: ['manager'], offline: false, staffRoles: ADMIN }),
  /** A manager or administrator signs in at a manager terminal; the session is bound to that terminal. */
  'session.signIn': spec({
    payload: z.strictObject({ login: text(64), password: z.string().min(1).max(256) }),
    roles: ['manager'],
    offline: false,
  }),
  'session.signOut': spec({ payload: z.strictObject({}), roles: ['manager'], offline: false }),
  /** The administrator adds a staff member with a first password (staff change it with their administrator). */
  'staff.create': spec({
    payload: z.strictObject({
      staffId: entityId,
      login: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_.-]{2,32}$/, '工号为 2–32 位字母、数字或 _.-'),
      name: text(40),
      role: StaffRole,
      departmentId: entityId.nullable(),
      password: NewPassword,
    }),
    roles: ['manager'],
    offline: false,
    staffRoles: ADMIN,
  }),
  /** A new password (and the lockout lifted) for a staff member who forgot theirs. */
  'staff.setPassword': spec({
    payload: z.strictObject({ staffId: entityId, password: NewPassword }),
    roles: ['manager'],
    offline: false,
    staffRoles: ADMIN,
  }),
  /** Checks the audit chain and says where it is broken, if anywhere. */
  'audit.verify': spec({ payload: z.strictObject({}), roles: ['manager'], offline: false }),
  /** The scrolling notice on the lobby displays. */
  'hall.setNotice': spec({ payload: z.strictObject({ text: z.string().trim().max(500) }), roles: ['manager'], offline: false }),
  ...caseCommandSpecs,
} as const;

export type CommandType = keyof typeof commandSpecs;
export const CommandType = z.enum(Object.keys(commandSpecs) as [CommandType, ...CommandType[]]);
export type CommandPayload<T extends CommandType> = z.infer<(typeof commandSpecs)[T]['payload']>;

/** The biggest serialized command of most types; larger ones get PAYLOAD_TOO_LARGE. */
export const MAX_COMMAND_BYTES = 16 * 1024;
/** No command of any type is larger (a whole catalog spreadsheet is the largest there is). */
export const MAX_ANY_COMMAND_BYTES = 1024 * 1024;

/**
 * The envelope. The payload is validated against its type's schema in a second step so that an
 * unknown type gets UNKNOWN_COMMAND rather than a generic validation error.
 */
export const CommandEnvelope = z.strictObject({
  opId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
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

export const HallErrorSchema = z.object({ code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]), message: z.string() });

/** `seq` is the feed position after the command's changes: a replica at `seq` shows them. */
export const AnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.record(z.string(), z.unknown()), seq: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), error: HallErrorSchema }),
]);
export type Answer = { ok: true; result: CommandResult; seq: number } | { ok: false; error: HallError };

export const isCommandType = (t: string): t is CommandType => Object.hasOwn(commandSpecs, t);

/**
 * Checks a command before it leaves a terminal, with the schema the hub applies on arrival, so a
 * mistake is answered at once and never queued or sent.
 */
export function checkCommand(
  type: string,
  payload: unknown,
): { ok: true; type: CommandType; payload: unknown } | { ok: false; error: HallError } {
  if (!isCommandType(type)) return { ok: false, error: { code: ErrorCode.UNKNOWN_COMMAND, message: `未知命令：${type.slice(0, 64)}` } };
  const parsed = commandSpecs[type].payload.safeParse(payload);
  if (!parsed.success)
    return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: parsed.error.issues[0]?.message ?? '参数错误' } };
  return { ok: true, type, payload: parsed.data };
}
