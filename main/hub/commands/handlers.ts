import { caseHandlers } from '../features/cases/handlers';
import { catalogHandlers } from '../features/catalog/handlers';
import type { Handlers } from './context';
import { counterHandlers } from '../features/counter/handlers';
import { queueHandlers } from '../features/queue/handlers';
import { staffHandlers } from '../features/staff/handlers';
import { terminalHandlers } from '../features/terminals/handlers';

export const handlers: Handlers = {
  ...counterHandlers,
  ...queueHandlers,
  ...terminalHandlers,
  ...caseHandlers,
  ...catalogHandlers,
  ...staffHandlers,
};
