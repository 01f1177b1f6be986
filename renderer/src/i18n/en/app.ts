import { TERMINAL_ROLES, STAFF_ROLES } from '../../../../shared/kernel/roles';
import { codeLabels, type Words } from '../labels';
import type { app as zh } from '../zh-CN/app';

export const app: Words<typeof zh> = {
  'lang.switch': '中文',
  'conn.connecting': 'Connecting to the hall server…',
  'conn.connected': 'Connected',
  'conn.reconnecting': 'Lost the hall server; reconnecting',
  'conn.unauthenticated': 'This terminal is not authorized: enter its token',
  'conn.pending': '{n} records waiting to sync',
  'conn.checking': 'checking {n} with the server…',
  'token.title': 'Terminal authorization',
  'token.label': 'Enrollment code or terminal token',
  'token.hint': 'The hall manager makes a one-time, time-limited code under Terminals; demo hall tokens are in demo-terminals.json.',
  'token.save': 'Save and connect',
  'app.cancel': 'Cancel',
  ...codeLabels('role', TERMINAL_ROLES, {
    clerk: 'Clerk workstation',
    kiosk: 'Ticket kiosk',
    display: 'Lobby display',
    evaluator: 'Evaluator',
    manager: 'Hall manager',
    region: 'Regional supervision server',
  }),
  'face.unknown': 'Choose a screen',
  'app.confirm': 'Confirm',
  'list.separator': ', ',
  ...codeLabels('staffRole', STAFF_ROLES, { clerk: 'Clerk', manager: 'Hall manager', admin: 'System administrator' }),
};
