import { z } from 'zod';
import { spec } from '../kernel/command';

export const backupCommandSpecs = {
  /**
   * The administrator backs the hall up now, into the hub's configured backup folders. The answer
   * comes at once; the backup runs after it, and its progress and result are in backup.status.
   */
  'backup.run': spec({
    payload: z.strictObject({}),
    result: z.strictObject({ started: z.literal(true) }),
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
};
