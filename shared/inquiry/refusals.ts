import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why an enquiry (首问负责) cannot be recorded or resolved. */
export const inquiryRefusals = defineRefusals('inquiry', {
  duplicateId: { code: ErrorCode.INQUIRY_STATE, zh: '咨询记录编号已存在' },
  resolved: { code: ErrorCode.INQUIRY_STATE, zh: '该咨询已办结' },
  notFirstAsked: { code: ErrorCode.FORBIDDEN, zh: '首问负责：只有首问人员可以办结此咨询' },
});
