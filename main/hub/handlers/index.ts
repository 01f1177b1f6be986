import { caseHandlers } from './cases';
import { catalogHandlers } from './catalog';
import type { Handlers } from './context';
import { counterHandlers } from './counter';
import { queueHandlers } from './queue';
import { staffHandlers } from './staff';
import { terminalHandlers } from './terminals';

export const handlers: Handlers = {
  ...counterHandlers,
  ...queueHandlers,
  ...terminalHandlers,
  ...caseHandlers,
  ...catalogHandlers,
  ...staffHandlers,
};
