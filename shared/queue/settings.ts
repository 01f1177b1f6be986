// zod/mini: every face reads the queue settings, the lobby display too (kernel/zodMini says why).
import { z } from 'zod/mini';
import { settingsParser } from '../kernel/zodMini';
import { NoShowRule } from './enums';
import { CLOCK_TIME, defaultQueueSettings, type QueueSettings } from './rules';

const between = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** The hall's calling rules as stored and as a manager edits them (`hall.setQueueSettings`). */
export const QueueSettingsSchema = z.strictObject({
  priorityStreak: between(1, 10),
  normalStreak: between(1, 10),
  noShowRule: NoShowRule,
  noShowAfter: between(0, 50),
  recallLimit: between(0, 10),
  parkMinutes: between(1, 240),
  utcOffsetMinutes: between(-720, 840),
  announceRepeat: between(1, 3),
  closingTime: z.string().check(z.regex(CLOCK_TIME, '闭厅时间格式为 HH:MM（如 17:30）')),
  announceMaxLagSeconds: between(5, 120),
  kioskIdleSeconds: between(15, 600),
}) satisfies z.ZodMiniType<QueueSettings>;

/** A change to some of them (`hall.setQueueSettings`). */
export const QueueSettingsPatch = z.partial(QueueSettingsSchema);

export const parseQueueSettings: (json: string) => QueueSettings = settingsParser(QueueSettingsSchema, defaultQueueSettings);
