import { z } from 'zod';
import { parseDay } from './rules';

/** A calendar day 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export const Day = z.string().refine((d) => parseDay(d) !== null, '日期格式应为 YYYY-MM-DD');
