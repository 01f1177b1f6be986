import { z } from 'zod';

export const INQUIRY_STATUSES = ['open', 'resolved'] as const;
export const InquiryStatus = z.enum(INQUIRY_STATUSES);
