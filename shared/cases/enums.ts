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

/**
 * Case duties a member of staff may hold within their department: 审核 (reviewer) and 批准
 * (approver; the department head approves too). Who may take each step is the hall's setting
 * (settings.ts `steps`).
 */
export const CASE_DUTIES = ['reviewer', 'approver'] as const;
export const CaseDuty = z.enum(CASE_DUTIES);
export type CaseDuty = z.infer<typeof CaseDuty>;

/**
 * Who may take a step of the case's department: any of its clerks, one holding the 审核 duty, or
 * its head or one holding the 批准 duty.
 */
export const STEP_TAKERS = ['clerk', 'reviewer', 'approver'] as const;
export const StepTaker = z.enum(STEP_TAKERS);
export type StepTaker = z.infer<typeof StepTaker>;

/** The stages a hall sets duties for; each step belongs to one (不予受理 and 补正 to 受理, 不予批准 to 批准). */
export const DUTY_STAGES = ['accept', 'undertake', 'review', 'approve', 'conclude', 'deliver'] as const;
export type DutyStage = (typeof DUTY_STAGES)[number];

/** Earlier takers of a case a step's taker may have to differ from. */
export const CASE_ROLES = ['handler', 'reviewer'] as const;
export const CaseRole = z.enum(CASE_ROLES);
export type CaseRole = z.infer<typeof CaseRole>;

/**
 * The written notices to an applicant (DOMAIN.md "Case workflow"): 受理通知书, 一次性告知书,
 * 不予受理决定书, 办结通知书, 特别程序告知书 (art. 45) and 延期告知书 (art. 42).
 */
export const NOTICE_KINDS = ['accept', 'supplement', 'refuse', 'conclude', 'special', 'extension'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;
