import { z } from 'zod';

/** The unit a time limit is counted in (its number is stored beside it). */
export const LIMIT_UNITS = ['working_days', 'natural_days', 'months', 'years'] as const;
export const LimitUnit = z.enum(LIMIT_UNITS);
export type LimitUnit = z.infer<typeof LimitUnit>;

/** Where a year's official schedule came from: the holiday-data package, the administrator, or the region (with the hall's own days off). */
export const CALENDAR_SOURCES = ['package', 'admin', 'region'] as const;
export const CalendarSource = z.enum(CALENDAR_SOURCES);
