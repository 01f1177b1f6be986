import { z } from 'zod';
import { parseDay } from '../calendar/rules';
import type { QuerySpec } from '../kernel/command';
import { DEFAULT_WEEKS } from './forecast';

const int = z.number().int();

export const ForecastDay = z.object({
  day: z.string(),
  /** How the like days were chosen (forecast/likeDays), and how many there were. */
  basis: z.enum(['weekday', 'working', 'off']),
  sampleDays: int,
  targetShare: z.number(),
  services: z.array(
    z.object({
      serviceId: z.string(),
      /** Mean service time over the like days' finished tickets (queue/kpi serviceKpi); null when none finished. */
      serviceMin: z.number().nullable(),
      /** The service's maximum wait: the service level's target wait. */
      targetMin: int,
      /** Counters assigned to take this service. */
      assigned: int,
      hours: z.array(z.object({ hour: int, arrivals: z.number(), needed: int.nullable() })),
    }),
  ),
  /** Counters signed in during each hour of the day itself, for a day already begun; null for a day to come. */
  openByHour: z.array(int).nullable(),
});
export type ForecastDay = z.infer<typeof ForecastDay>;

export const forecastQuerySpecs = {
  /** Expected arrivals per service and hour for `day`, and the counters each hour needs to call `targetShare` within the maximum wait. */
  'forecast.day': {
    params: z.strictObject({
      day: z.string().refine((d) => parseDay(d) !== null, '日期应为 YYYY-MM-DD'),
      targetShare: z.number().min(0.5).max(0.99).default(0.8),
      weeks: z.number().int().min(1).max(52).default(DEFAULT_WEEKS),
    }),
    result: ForecastDay,
    roles: ['manager'],
  },
} as const satisfies Record<string, QuerySpec>;
