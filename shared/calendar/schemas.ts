import { z } from 'zod';
import { parseDay } from './rules';

/** A calendar day 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export const Day = z.string().refine((d) => parseDay(d) !== null, '日期格式应为 YYYY-MM-DD');

/**
 * One year's official schedule: its days off and its working weekend days (调休), every one in the
 * year and none both. What an administrator enters for their hall, and what the region sends every hall.
 */
export const YearSchedule = z
  .strictObject({ year: z.number().int().min(2000).max(2100), holidays: z.array(Day).min(1).max(60), workdays: z.array(Day).max(30) })
  .refine((p) => [...p.holidays, ...p.workdays].every((d) => d.startsWith(`${p.year}-`)), '所有日期都应在该年份内')
  .refine((p) => !p.holidays.some((d) => p.workdays.includes(d)), '同一天不能既是假日又是调休上班日');
export type YearSchedule = z.infer<typeof YearSchedule>;
