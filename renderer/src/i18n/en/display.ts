import { type Words } from '../labels';
import type { display as zh } from '../zh-CN/display';

export const display: Words<typeof zh> = {
  'display.paused': 'Suspended',
  'display.noWindow': 'No window now',
  'display.notice': 'Notice',
  'display.offline': 'The display lost the hall server; reconnecting…',
  'display.latest': 'Now calling',
  'display.please': 'Ticket',
  'display.toWindow': 'please go to window {n}',
  'display.takeTicket': 'Take a ticket and watch for your number',
  'display.recent': 'Recent calls',
  'display.number': 'Number',
  'display.window': 'Window',
  'display.windowN': 'Window {n}',
  'display.waiting': 'Waiting',
  'display.windows': 'windows {list}',
  'display.people': '{n}',
  'display.speaking': 'Announcing: ',
  'display.announcements': 'Announcement queue',
  'display.page': 'page {page} of {pages}',
};
