// zod/mini: every page, the lobby display's too, checks errors with it (see kernel/zodMini).
import { z } from 'zod/mini';

/**
 * Stable error codes. Clients branch on `code`; `message` is for people (zh-CN first).
 * A code, once shipped, keeps its meaning: add new ones, never repurpose.
 */
export const ErrorCode = {
  /** The message did not match its schema. Nothing changed. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller's role or binding does not allow this command. */
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  /** The counter is not in a state where this action is possible. */
  COUNTER_STATE: 'COUNTER_STATE',
  /** A staff member may be signed in at one counter only. */
  STAFF_ELSEWHERE: 'STAFF_ELSEWHERE',
  INQUIRY_STATE: 'INQUIRY_STATE',
  /** The ticket is not in a state where this action is possible. */
  TICKET_STATE: 'TICKET_STATE',
  /** Nobody waits for the counter's services. */
  QUEUE_EMPTY: 'QUEUE_EMPTY',
  /** The counter already holds a called or serving ticket. */
  COUNTER_BUSY: 'COUNTER_BUSY',
  /** The counter holds no ticket to act on. */
  NO_CURRENT_TICKET: 'NO_CURRENT_TICKET',
  /** The service is closed, full for today, or the day is closed. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RECALL_LIMIT: 'RECALL_LIMIT',
  /** Too many wrong passwords: the staff account is locked for a while. */
  STAFF_LOCKED: 'STAFF_LOCKED',
  TERMINAL_REVOKED: 'TERMINAL_REVOKED',
  /** Too many failed staff confirmations at this terminal: it takes none for a while. */
  TERMINAL_LOCKED: 'TERMINAL_LOCKED',
  /** An enrollment code that is unknown, used or expired (one answer for all three). */
  ENROLLMENT_INVALID: 'ENROLLMENT_INVALID',
  /** The person has revealed as many ID numbers today as the hall allows. */
  REVEAL_LIMIT: 'REVEAL_LIMIT',
  /** The case is not in a state where this step is possible (the message says why). */
  CASE_STATE: 'CASE_STATE',
  /**
   * Separation of duties: the person may not take this step of the case (it needs a duty they do not
   * hold, or someone other than who took an earlier step). Nothing changed.
   */
  CASE_DUTY: 'CASE_DUTY',
  /** A catalog file with bad rows: the message lists every problem; nothing was imported. */
  IMPORT_INVALID: 'IMPORT_INVALID',
  /** Another catalog item already has this code. */
  CATALOG_CONFLICT: 'CATALOG_CONFLICT',
  /** A manager terminal acts only for a signed-in manager or administrator. */
  SIGN_IN_REQUIRED: 'SIGN_IN_REQUIRED',
  /** A socket.io event the hub does not know. */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** The terminal cannot reach the hub; commands that need it fail fast with this. */
  HUB_UNREACHABLE: 'HUB_UNREACHABLE',
  /** The hub did not answer in time; the command may or may not have been applied. */
  HUB_TIMEOUT: 'HUB_TIMEOUT',
  /**
   * The hub could not write to its disk (full or failing): nothing was done. The hub keeps serving
   * and the same command succeeds once the disk has room again.
   */
  STORAGE_FULL: 'STORAGE_FULL',
  /** Too many messages from this terminal (or address) in a short time: nothing was done; try again shortly. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Another zone, department, service prefix, counter number or login already has this name. */
  SETUP_CONFLICT: 'SETUP_CONFLICT',
  /** Running work or the hall's history depends on what the change would remove or alter (the message says what). */
  SETUP_IN_USE: 'SETUP_IN_USE',
  /** The hall already has an administrator: init-admin makes the first one only (others are added on the board). */
  ADMIN_EXISTS: 'ADMIN_EXISTS',
  /** The hall's closing time has not come: closing the day now needs a reason. Nothing was ended. */
  DAY_NOT_OVER: 'DAY_NOT_OVER',
  /** A rating token that is unknown, another counter's, already used or expired (the message says which). */
  RATING_INVALID: 'RATING_INVALID',
  /** The follow-up is not at the status this step starts from, or an appeal is under review. */
  FOLLOWUP_STATE: 'FOLLOWUP_STATE',
  /** A backup that fails a check: unreadable, tampered, a wrong key, a damaged database or audit chain, a newer schema. */
  BACKUP_INVALID: 'BACKUP_INVALID',
  /** A booking (预约) that cannot be made, cancelled or checked in as asked (the reason says why: full, blocked, too late…). */
  BOOKING_REFUSED: 'BOOKING_REFUSED',
  /**
   * A document from the region older than the version the hall has applied, or the same version with
   * other content: the hall keeps what it has.
   */
  DOCUMENT_STALE: 'DOCUMENT_STALE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Every code, for the zod schema and the faces' label keys. */
export const ERROR_CODES = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

/** The values a refusal's words are filled with: numbers, names, or codes the faces label. */
export type ReasonParams = Readonly<Record<string, string | number>>;

/**
 * A refusal. `message` is Chinese, for logs and the audit trail; `reason` (with its `params`) says
 * exactly why in a form a face words in its reader's language (see kernel/refusal.ts). A refusal
 * without a reason is shown by its code's label.
 */
export interface HallError {
  code: ErrorCode;
  message: string;
  reason?: string;
  params?: ReasonParams;
}
export const HallErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  reason: z.optional(z.string().check(z.regex(/^[a-zA-Z][\w.]{0,79}$/))),
  params: z.optional(z.record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(2000)), z.number()]))),
});

/** Thrown inside command handlers; the transaction rolls back and the caller gets `{ok:false}`. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * Commit what the handler wrote before refusing (a failed sign-in must count even though the
     * sign-in is refused). Otherwise a refusal changes nothing.
     */
    readonly keepChanges = false,
    /** Why, for the faces to word (kernel/refusal.ts makes these). */
    readonly why?: { reason: string; params?: ReasonParams },
  ) {
    super(message);
    this.name = 'CommandError';
  }

  /** The refusal as the caller receives it. */
  toHallError(): HallError {
    return { code: this.code, message: this.message, ...this.why };
  }
}
