import type { Handlers } from './context';
import { counterHandlers } from './counter';
import { queueHandlers } from './queue';

export const handlers: Handlers = { ...counterHandlers, ...queueHandlers };
