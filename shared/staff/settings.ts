import { z } from 'zod';
import { settingsParser } from '../kernel/zod';
import { defaultSecuritySettings, type SecuritySettings } from './rules';

export const SecuritySettingsSchema = z.strictObject({
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  enrollMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 1440),
  sessionIdleMinutes: z.number().int().min(5).max(480),
  sessionHours: z.number().int().min(1).max(24),
  confirmAttempts: z.number().int().min(3).max(20),
  confirmLockMinutes: z.number().int().min(1).max(1440),
  revealsPerDay: z.number().int().min(1).max(500),
}) satisfies z.ZodType<SecuritySettings>;

export const parseSecuritySettings: (json: string) => SecuritySettings = settingsParser(SecuritySettingsSchema, defaultSecuritySettings);
