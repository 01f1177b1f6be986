import { z } from 'zod';
import type { Alert } from '../queue/kpi';

/**
 * The vocabularies of the efficiency archive (效能档案, DOMAIN.md "Reports and the efficiency
 * archive"). Each `const` array is the one source of its codes: zod schema, TypeScript type, its
 * column's SQL CHECK and the faces' label keys.
 */

/** What a manager records about a staff member: a 明查暗访 finding, training, a commendation, a deduction. */
export const ENTRY_KINDS = ['inspection', 'training', 'commendation', 'deduction'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;
/** The kinds that may take points off, by an item of the score sheet. */
export const SCORED_KINDS: readonly EntryKind[] = ['inspection', 'deduction'];

/** A contest of an entry: waiting for a manager's decision, upheld (the entry stops counting) or rejected. */
export const CONTEST_STATES = ['pending', 'upheld', 'rejected'] as const;
export const ContestState = z.enum(CONTEST_STATES);
export type ContestState = z.infer<typeof ContestState>;

/** The system's facts a score rule may deduct for, each counted over the month (see archive/rules); complaints are the substantiated ones. */
export const SCORE_FACTS = ['bad_ratings', 'yellow_cards', 'red_cards', 'complaints'] as const;
export const ScoreFact = z.enum(SCORE_FACTS);
export type ScoreFact = z.infer<typeof ScoreFact>;

/**
 * The board's alerts that are a staff member's own, recorded by the hub as episodes (staff_alerts)
 * and counted in their archive: a service past its maximum, a call not started in time, their
 * counter idle while people wait. The others (a long wait, a long queue) are a service's, not a person's.
 */
export const STAFF_ALERT_KINDS = [
  'service_over_max',
  'called_not_started',
  'idle_while_waiting',
] as const satisfies readonly Alert['kind'][];
export const StaffAlertKind = z.enum(STAFF_ALERT_KINDS);
export type StaffAlertKind = z.infer<typeof StaffAlertKind>;
