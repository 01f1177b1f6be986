import { type Words } from '../labels';
import type { inquiry as zh } from '../zh-CN/inquiry';

export const inquiry: Words<typeof zh> = {
  'inq.title': 'First-contact enquiries',
  'inq.topic': 'Subject',
  'inq.detail': 'Details',
  'inq.record': 'Record',
  'inq.open': 'My open enquiries',
  'inq.none': 'No open enquiries',
  'inq.resolve': 'Resolve',
  'inq.resolution': 'Outcome',
  'inq.resolutionFor': 'Outcome: {topic}',
  'inq.queued': 'Saved; it syncs when the server is back',
};
