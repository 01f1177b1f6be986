import { z } from 'zod';
import { Day } from '../calendar/schemas';
import { settingsParser } from '../kernel/zod';

export const CaseSettingsSchema = z.strictObject({
  /** Yellow once this share of the promised limit is used (DOMAIN.md default 80%). */
  yellowShare: z.number().min(0.5).max(1),
  /** Printed on notices: where an applicant complains (12345 is the national hotline). */
  complaintPhone: z.string().trim().min(3).max(30),
  /** The hall's own duty days: weekend days on which it works and limits count. */
  dutyDays: z.array(Day).max(400),
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;
export const defaultCaseSettings: CaseSettings = { yellowShare: 0.8, complaintPhone: '12345', dutyDays: [] };

export const parseCaseSettings: (json: string) => CaseSettings = settingsParser(CaseSettingsSchema, defaultCaseSettings);
