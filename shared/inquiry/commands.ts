import { z } from 'zod';
import { spec } from '../kernel/command';
import { entityId, text } from '../kernel/zod';
import { inquiryTables } from './rows';

const inquiryResult = z.object({ inquiry: inquiryTables.inquiries.row });

/** 首问负责制: the clerk first asked records the enquiry and owns it until it is resolved. */
export const inquiryCommandSpecs = {
  'inquiry.record': spec({
    payload: z.strictObject({ inquiryId: entityId, counterId: entityId.nullable(), topic: text(100), detail: z.string().max(2000) }),
    result: inquiryResult,
    roles: ['clerk'],
    offline: true,
  }),
  'inquiry.resolve': spec({
    payload: z.strictObject({ inquiryId: entityId, resolution: text(2000) }),
    result: inquiryResult,
    roles: ['clerk'],
    offline: true,
  }),
} as const;
