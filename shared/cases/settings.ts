import { z } from 'zod';
import { Day } from '../calendar/schemas';
import { settingsParser } from '../kernel/zod';
import { CaseRole, StepTaker, type DutyStage } from './enums';

/**
 * Who may take a stage of a case: `by` whom (see STEP_TAKERS), and the case's earlier takers they
 * must not be (`apartFrom`: 审核 by someone other than the handler, for instance).
 */
export const StepDutySchema = z.strictObject({
  by: StepTaker,
  apartFrom: z
    .array(CaseRole)
    .max(2)
    .refine((a) => new Set(a).size === a.length, '不能重复'),
});
export type StepDuty = z.infer<typeof StepDutySchema>;

export const StepDutiesSchema = z.strictObject({
  accept: StepDutySchema,
  undertake: StepDutySchema,
  review: StepDutySchema,
  approve: StepDutySchema,
  conclude: StepDutySchema,
  deliver: StepDutySchema,
} satisfies Record<DutyStage, typeof StepDutySchema>);
export type StepDuties = z.infer<typeof StepDutiesSchema>;

/**
 * The defaults: 受理 and 承办 by the department's clerks; 审核 by a holder of the 审核 duty other than
 * the handler; 批准 by the department head or a holder of the 批准 duty, never the handler (no one
 * approves their own case); 办结 and 送达 by the department's clerks.
 */
export const defaultStepDuties: StepDuties = {
  accept: { by: 'clerk', apartFrom: [] },
  undertake: { by: 'clerk', apartFrom: [] },
  review: { by: 'reviewer', apartFrom: ['handler'] },
  approve: { by: 'approver', apartFrom: ['handler'] },
  conclude: { by: 'clerk', apartFrom: [] },
  deliver: { by: 'clerk', apartFrom: [] },
};

export const CaseSettingsSchema = z.strictObject({
  /** Yellow once this share of the promised limit is used (DOMAIN.md default 80%). */
  yellowShare: z.number().min(0.5).max(1),
  /** Printed on notices: where an applicant complains (12345 is the national hotline). */
  complaintPhone: z.string().trim().min(3).max(30),
  /** The hall's own duty days: weekend days on which it works and limits count. */
  dutyDays: z.array(Day).max(400),
  /** Separation of duties: who may take each stage. */
  steps: StepDutiesSchema,
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;
export const defaultCaseSettings: CaseSettings = { yellowShare: 0.8, complaintPhone: '12345', dutyDays: [], steps: defaultStepDuties };

export const parseCaseSettings: (json: string) => CaseSettings = settingsParser(CaseSettingsSchema, defaultCaseSettings);
