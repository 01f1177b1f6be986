import { z } from 'zod';

/**
 * The follow-up of a 差评 (DOMAIN.md "Evaluation"): verified, fixed, the applicant called back,
 * closed; an appeal (申诉复核) may end it instead. Each `const` array feeds zod, its SQL CHECK and
 * the faces' label keys.
 */
export const FOLLOWUP_STATUSES = ['open', 'verified', 'fixed', 'called_back', 'closed'] as const;
export const FollowupStatus = z.enum(FOLLOWUP_STATUSES);
export type FollowupStatus = z.infer<typeof FollowupStatus>;

/** The steps of a follow-up's record; 'assign' hands it to another person to work. */
export const FOLLOWUP_ACTIONS = ['open', 'verify', 'fix', 'callback', 'close', 'appeal', 'uphold', 'reject', 'assign'] as const;
export const FollowupAction = z.enum(FOLLOWUP_ACTIONS);
export type FollowupAction = z.infer<typeof FollowupAction>;

export const CALLBACK_METHODS = ['phone', 'visit', 'sms', 'other'] as const;
export const CallbackMethod = z.enum(CALLBACK_METHODS);

export const APPEAL_STATES = ['pending', 'upheld', 'rejected'] as const;
export const AppealState = z.enum(APPEAL_STATES);

/** 误评 (the applicant meant another level or another window) or 恶意差评. */
export const APPEAL_KINDS = ['mistaken', 'malicious'] as const;
export const AppealKind = z.enum(APPEAL_KINDS);

export const FOLLOWUP_SIGNALS = ['normal', 'yellow', 'red', 'closed'] as const;
export type FollowupSignal = (typeof FOLLOWUP_SIGNALS)[number];
