import type { Handlers } from './context';
import { counterHandlers } from './counter';
import { queueHandlers } from './queue';
import { terminalHandlers } from './terminals';

export const handlers: Handlers = { ...counterHandlers, ...queueHandlers, ...terminalHandlers };
