import { maskResidentId } from './rules';

/**
 * A payload as it may be kept in any record (the audit log, a terminal's list of refused work):
 * passwords at any depth dropped, resident ID numbers masked as on clerk screens.
 */
export function redactPayload(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(redactPayload);
  if (!payload || typeof payload !== 'object') return payload;
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      k === 'password' ? '***' : k === 'idNumber' && typeof v === 'string' ? maskResidentId(v) : redactPayload(v),
    ]),
  );
}
