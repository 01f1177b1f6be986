import type { Words } from '../labels';
import type { region as zh } from '../zh-CN/region';

export const region: Words<typeof zh> = {
  'region.title': 'Regional service-hall supervision',
  'region.signIn': 'Supervisor sign-in',
  'region.signInButton': 'Sign in',
  'region.signOut': 'Sign out',
  'region.over': '{node} · {name}',
  'region.halls': 'Halls',
  'region.none': 'No hall in this area yet',
  'region.ranking': 'Served today, ranked',
  'region.rank': 'Rank',
  'region.hall': 'Hall',
  'region.finished': 'Served today',
  'region.issued': 'Tickets today',
  'region.serviceLevel': 'Called in time (count)',
  'region.connected': 'Connected',
  'region.offline': 'Not connected',
  'region.lag': 'updated {time} ago',
  'region.countersOpen': 'Counters open',
  'region.waiting': 'Waiting',
  'region.longestWait': 'Longest wait',
};
