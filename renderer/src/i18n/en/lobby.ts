import { type Words } from '../labels';
import type { zhLobby } from '../zh-CN/lobby';
import { app } from './app';
import { display } from './display';
import { errors } from './errors';

/** zh-CN's lobby words in English (see zh-CN/lobby), a chunk loaded only for a page shown in English (i18n `lobbyWords`). */
export const enLobby: Words<typeof zhLobby> = { ...app, ...errors, ...display };
