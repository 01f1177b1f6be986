import { z } from 'zod';

/**
 * 效能投诉 (DOMAIN.md "Evaluation"): where a complaint came in and what it is about. Each `const`
 * array is the one source of its codes: zod, the column's SQL CHECK, the faces' label keys.
 */
export const COMPLAINT_CHANNELS = ['hotline', 'mailbox', 'web', 'in_person'] as const;
export const ComplaintChannel = z.enum(COMPLAINT_CHANNELS);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** A complaint is about a department, a counter, a member of staff or a case. */
export const COMPLAINT_SUBJECTS = ['department', 'counter', 'staff', 'case'] as const;
export const ComplaintSubject = z.enum(COMPLAINT_SUBJECTS);
export type ComplaintSubject = z.infer<typeof ComplaintSubject>;
