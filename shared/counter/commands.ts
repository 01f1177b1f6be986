import { z } from 'zod';
import { Done, spec } from '../kernel/command';
import { entityId, password, text } from '../kernel/zod';
import { counterTables } from './rows';

/** A clerk's session at a counter: the answers carry the counter as it now is. */
const counterResult = z.object({ counter: counterTables.counters.row });

export const counterCommandSpecs = {
  'counter.signIn': spec({
    payload: z.strictObject({ counterId: entityId, login: text(64), password }),
    result: counterResult,
    roles: ['clerk'],
    offline: false,
  }),
  'counter.pause': spec({
    payload: z.strictObject({ counterId: entityId, reason: text(100) }),
    result: counterResult,
    roles: ['clerk'],
    offline: false,
  }),
  'counter.resume': spec({ payload: z.strictObject({ counterId: entityId }), result: counterResult, roles: ['clerk'], offline: false }),
  'counter.signOut': spec({ payload: z.strictObject({ counterId: entityId }), result: counterResult, roles: ['clerk'], offline: false }),
  'counter.heartbeat': spec({ payload: z.strictObject({ counterId: entityId }), result: Done, roles: ['clerk'], offline: false }),
} as const;
