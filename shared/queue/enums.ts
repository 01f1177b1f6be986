// zod/mini (same schemas, a fraction of the page weight): the lobby display loads these for its announcement report.
import { z } from 'zod/mini';

/**
 * The queue's vocabularies. Each `const` array is the one source of its codes: the zod schema and
 * the TypeScript type below, the SQL CHECK of its column (`sqlIn`) and the faces' label keys.
 */

/** 绿色通道 (green), 大项目直通车 (major) and a booked slot (appointment) are priority classes. */
export const PRIORITIES = ['normal', 'green', 'major', 'appointment'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'missed', 'finished', 'no_show', 'cancelled'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** What happens to a ticket whose holder did not come: reinstated at the front, after N others, or ended. */
export const NO_SHOW_RULES = ['front', 'after', 'cancel'] as const;
export const NoShowRule = z.enum(NO_SHOW_RULES);
export type NoShowRule = z.infer<typeof NoShowRule>;

/** A counter works its services in its own order, or whoever has waited longest first. */
export const WORK_PROFILES = ['ordered', 'longest_wait'] as const;
export const WorkProfile = z.enum(WORK_PROFILES);
export type WorkProfile = z.infer<typeof WorkProfile>;

/** A transferred ticket keeps its place in line, or goes to the back. */
export const TRANSFER_MODES = ['keep', 'back'] as const;
export const TransferMode = z.enum(TRANSFER_MODES);
export type TransferMode = z.infer<typeof TransferMode>;

/** What the lobby did with a call: spoke it, or only showed it (calls piled up beyond the voice's lag bound). */
export const ANNOUNCE_OUTCOMES = ['spoken', 'skipped'] as const;
export const AnnounceOutcome = z.enum(ANNOUNCE_OUTCOMES);
export type AnnounceOutcome = z.infer<typeof AnnounceOutcome>;
