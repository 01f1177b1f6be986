import { z } from 'zod';
import { ENTITY_ID_MAX } from './zodMini';

/** Text a person typed: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** An id of any row: text, unique across halls (the same in zod/mini: kernel/zodMini). */
export const entityId = z.string().min(1).max(ENTITY_ID_MAX);
/** A password as typed at sign-in (any length the hash accepts); new passwords have their own rules. */
export const password = z.string().min(1).max(256);

export { settingsParser } from './zodMini';
