import { z } from 'zod';
import { spec } from '../kernel/command';
import { hallResult } from '../hall/commands';
import { PackSettingsSchema } from './settings';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportCommandSpecs = {
  /**
   * Rebuilds the daily aggregates of the closed days `from`..`to` (all closed days when left out)
   * from the recorded events: the same computation the day's close runs, so the result equals what
   * was maintained (or repairs it after a correction).
   */
  'reports.rebuild': spec({
    payload: z
      .strictObject({ from: day.optional(), to: day.optional() })
      .refine((p) => !p.from || !p.to || p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
    result: z.object({ days: z.number().int() }),
    roles: ['manager'],
    offline: false,
  }),
  /**
   * The monthly report pack written after each month ends into a folder of the hub's PC (an
   * absolute path), or not at all: the administrator's, as the hub's other files are.
   */
  'reports.setPackSettings': spec({
    payload: PackSettingsSchema,
    result: hallResult,
    roles: ['manager'],
    offline: false,
    staffRoles: ['admin'],
  }),
} as const;
