import type { Words } from '../labels';
import type { guide as zh } from '../zh-CN/guide';

/** The service guide at the kiosk and on the booking page. */
export const guide: Words<typeof zh> = {
  'guide.title': 'Service guide',
  'guide.open': 'Service guide',
  'guide.openFor': 'Service guide for “{service}”',
  'guide.of': 'Service guide: {service}',
  'guide.hint': 'Check the papers you need first, and take a ticket when you have them all',
  'guide.items': 'Choose the exact item',
  'guide.materials': 'Papers to bring',
  'guide.limits': 'Time limit',
  'guide.promised': 'Promised: {n} {unit}',
  'guide.instant': 'Done on the spot when the papers are complete',
  'guide.statutory': 'Statutory: {n} {unit}',
  'guide.fee': 'Fee',
  'guide.free': 'Free of charge',
  'guide.yuan': '{n} yuan',
  'guide.steps': 'Steps',
  'guide.basis': 'Legal basis',
  'guide.none': 'No service guide for this service yet: please ask the hall staff.',
  'guide.loading': 'Loading the service guide…',
  'guide.backToTicket': 'Done: back to take a ticket',
  'guide.close': 'Hide the service guide',
};
