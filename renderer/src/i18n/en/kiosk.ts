import { PRIORITIES } from '../../../../shared/queue/enums';
import { codeLabels, type Words } from '../labels';
import type { kiosk as zh } from '../zh-CN/kiosk';

export const kiosk: Words<typeof zh> = {
  'kiosk.title': 'Take a ticket',
  'kiosk.search': 'Search an item (name or pinyin initials, e.g. gjj)',
  'kiosk.departments': 'Departments',
  'kiosk.services': 'Services',
  'kiosk.back': 'Back',
  'kiosk.results': 'Results for “{q}”',
  'kiosk.closed': 'Not available now',
  'kiosk.full': 'No tickets left today',
  'kiosk.dayClosed': 'Ticketing has ended for today',
  'kiosk.noWindow': 'No window open for it now',
  'kiosk.waitingN': '{n} waiting',
  'kiosk.noMatch': 'Nothing found',
  'kiosk.offline': 'The kiosk cannot reach the server; please wait or ask staff',
  'kiosk.priority': 'Ticket type',
  ...codeLabels('kiosk.p', PRIORITIES, {
    normal: 'Standard',
    green: 'Priority (elderly, disabled)',
    major: 'Major project fast lane',
    appointment: 'Appointment check-in',
  }),
  'kiosk.staffConfirm': 'Priority tickets need a staff member’s confirmation:',
  'kiosk.take': 'Take ticket',
  'kiosk.ticket': 'Queue ticket',
  'kiosk.ahead': 'People ahead of you: {n}',
  'kiosk.estimate': 'Estimated wait about {m} min',
  'kiosk.noEstimate': 'No window serves this now; watch for your number',
  'kiosk.note': 'Watch the screen and listen for your number; missed it? Tell the window.',
  'kiosk.done': 'Done',
  'kiosk.via': 'at “{service}”',
  'kiosk.counters': 'Windows: {list}',
  'osk.keyboard': 'Keyboard for {field}',
  'osk.backspace': 'Backspace',
  'osk.clear': 'Clear',
};
