import { z } from 'zod';

export const CASE_STATUSES = [
  'received',
  'supplement',
  'refused',
  'accepted',
  'handling',
  'reviewing',
  'approved',
  'denied',
  'concluded',
  'delivered',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const STEP_ACTIONS = [
  'accept',
  'refuse',
  'requestSupplement',
  'resubmit',
  'undertake',
  'review',
  'approve',
  'deny',
  'conclude',
  'deliver',
] as const;
export const StepAction = z.enum(STEP_ACTIONS);
export type StepAction = z.infer<typeof StepAction>;

/** 挂起 (suspended) or 特别程序 (hearing, testing, expert review… art. 45): the clock stops either way. */
export const PAUSE_KINDS = ['suspend', 'special'] as const;
export const PauseKind = z.enum(PAUSE_KINDS);
export type PauseKind = z.infer<typeof PauseKind>;

/** What a case's history records: its registration, each step, a pause of either kind, the restart, an extension, a joint part's decision. */
export const CASE_EVENT_ACTIONS = ['register', ...STEP_ACTIONS, ...PAUSE_KINDS, 'resume', 'extend', 'decidePart'] as const;
export type CaseEventAction = (typeof CASE_EVENT_ACTIONS)[number];

export const APPLICANT_TYPES = ['person', 'enterprise'] as const;
export const ApplicantType = z.enum(APPLICANT_TYPES);
export type ApplicantType = z.infer<typeof ApplicantType>;

/** A joint case's part, as its department decided it. */
export const PART_OUTCOMES = ['pending', 'approved', 'denied'] as const;
export const PartOutcome = z.enum(PART_OUTCOMES);
export type PartOutcome = z.infer<typeof PartOutcome>;

/** The card a decision past the statutory limit earns its handler (monthly scoring). */
export const DECISION_CARDS = ['yellow', 'red'] as const;
export const DecisionCard = z.enum(DECISION_CARDS);
export type DecisionCard = z.infer<typeof DecisionCard>;

/** A running case's deadline signal (电子监察), plus the states in which no clock runs. */
export const CASE_SIGNALS = ['normal', 'yellow', 'red', 'paused', 'waiting', 'closed'] as const;
export type CaseSignal = (typeof CASE_SIGNALS)[number];
