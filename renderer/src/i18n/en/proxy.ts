import { PROXY_RESULTS, PROXY_RETURN_REASONS, PROXY_STATUSES } from '../../../../shared/proxy/enums';
import { codeLabels, type Words } from '../labels';
import type { proxy as zh } from '../zh-CN/proxy';

export const proxy: Words<typeof zh> = {
  ...codeLabels('proxy.status', PROXY_STATUSES, { outbox: 'Waiting to go', delivered: 'Delivered', refused: 'Returned' }),
  ...codeLabels('proxy.reason', PROXY_RETURN_REASONS, {
    not_competent: 'Not within this authority',
    materials_incomplete: 'Materials incomplete',
    not_eligible: 'Not eligible',
    duplicate: 'Applied already',
    other: 'Other reason',
    no_target: 'No hall above takes this item',
    not_received: 'The deciding hall could not receive it',
  }),
  ...codeLabels('proxy.result', PROXY_RESULTS, { approved: 'Granted', denied: 'Refused' }),
};
