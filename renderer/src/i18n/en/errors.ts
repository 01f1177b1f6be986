import { ERROR_CODES } from '../../../../shared/kernel/errors';
import { codeLabels, type Words } from '../labels';
import type { errors as zh } from '../zh-CN/errors';

export const errors: Words<typeof zh> = {
  ...codeLabels('error', ERROR_CODES, {
    VALIDATION_FAILED: 'Something entered is not valid; check and try again',
    UNKNOWN_COMMAND: 'Unknown operation',
    PAYLOAD_TOO_LARGE: 'What was sent is too large',
    UNAUTHENTICATED: 'This terminal is not authorized',
    FORBIDDEN: 'Not allowed here',
    NOT_FOUND: 'Not found',
    BAD_CREDENTIALS: 'Wrong staff ID or password',
    COUNTER_STATE: 'Not possible in the counter’s current state',
    STAFF_ELSEWHERE: 'This person is signed in at another counter',
    INQUIRY_STATE: 'Not possible in the enquiry’s current state',
    TICKET_STATE: 'Not possible in the ticket’s current state',
    QUEUE_EMPTY: 'Nobody is waiting',
    COUNTER_BUSY: 'Deal with the current ticket first',
    NO_CURRENT_TICKET: 'No current ticket',
    SERVICE_UNAVAILABLE: 'The service is stopped, full for today, or ticketing has ended today',
    RECALL_LIMIT: 'Recall limit reached',
    STAFF_LOCKED: 'Too many wrong passwords: the account is locked for a while',
    TERMINAL_REVOKED: 'This terminal has been revoked',
    TERMINAL_LOCKED: 'Too many failed staff confirmations here: none are taken for a while',
    ENROLLMENT_INVALID: 'The enrollment code is unknown, used or expired; ask the hall manager for a new one',
    REVEAL_LIMIT: 'You have revealed as many ID numbers today as the hall allows',
    CASE_STATE: 'The case cannot take this step in its current state',
    IMPORT_INVALID: 'The file has problems; nothing was imported',
    CATALOG_CONFLICT: 'Another item already has this code',
    SIGN_IN_REQUIRED: 'Sign in first',
    UNKNOWN_EVENT: 'Unknown request',
    HUB_UNREACHABLE: 'Cannot reach the hall server',
    HUB_TIMEOUT: 'The hall server did not answer in time; the action may or may not have been applied',
    RATE_LIMITED: 'Too many requests from this terminal; wait a moment and try again',
    STORAGE_FULL: 'The hall server’s disk is full or failing; nothing was done. Tell the administrator',
    INTERNAL: 'The hall server failed; try again later',
  }),
};
