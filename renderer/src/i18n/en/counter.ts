import { COUNTER_STATES } from '../../../../shared/counter/enums';
import { PAUSE_REASON_CODES } from '../../../../shared/counter/rules';
import { codeLabels, type Words } from '../labels';
import type { counter as zh } from '../zh-CN/counter';

export const counter: Words<typeof zh> = {
  'clerk.signin.title': 'Sign in to the counter',
  'clerk.login': 'Staff ID',
  'clerk.password': 'Password',
  'clerk.signin': 'Sign in',
  'clerk.counter': 'Window {n}',
  ...codeLabels('clerk.state', COUNTER_STATES, { open: 'Serving', paused: 'Paused', closed: 'Signed out' }),
  'clerk.since': 'since {t}',
  'clerk.pause': 'Pause',
  'clerk.resume': 'Resume',
  'clerk.signout': 'Sign out',
  'clerk.pause.title': 'Reason for the pause',
  'clerk.pause.other': 'Other reason',
  'clerk.pause.confirm': 'Pause now',
  'clerk.why.needHub': 'Needs the hall server',
  'clerk.why.notPaused': 'The counter is not paused',
  'clerk.staffLine': 'Staff: {name} ({login})',
  ...codeLabels('pauseReason', PAUSE_REASON_CODES, {
    away: 'Stepped away',
    consulting: 'Answering an enquiry',
    systemFault: 'System fault',
    meeting: 'Meeting',
    meal: 'Meal break',
    training: 'Training',
  }),
  'clerk.noCounter': 'This terminal has no counter; ask the hall manager.',
  'clerk.work': 'Counter work',
};
