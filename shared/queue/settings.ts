import { z } from 'zod';
import { settingsParser } from '../kernel/zod';
import { NoShowRule } from './enums';
import { CLOCK_TIME, defaultQueueSettings, type QueueSettings } from './rules';

/** The hall's calling rules as stored and as a manager edits them (`hall.setQueueSettings`). */
export const QueueSettingsSchema = z.strictObject({
  priorityStreak: z.number().int().min(1).max(10),
  normalStreak: z.number().int().min(1).max(10),
  noShowRule: NoShowRule,
  noShowAfter: z.number().int().min(0).max(50),
  recallLimit: z.number().int().min(0).max(10),
  parkMinutes: z.number().int().min(1).max(240),
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  announceRepeat: z.number().int().min(1).max(3),
  closingTime: z.string().regex(CLOCK_TIME, '闭厅时间格式为 HH:MM（如 17:30）'),
  announceMaxLagSeconds: z.number().int().min(5).max(120),
  kioskIdleSeconds: z.number().int().min(15).max(600),
}) satisfies z.ZodType<QueueSettings>;

export const parseQueueSettings: (json: string) => QueueSettings = settingsParser(QueueSettingsSchema, defaultQueueSettings);
