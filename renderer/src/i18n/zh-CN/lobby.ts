import { app } from './app';
import { display } from './display';
import { errors } from './errors';

/**
 * The words every page has at its first paint, and all the lobby display ever needs: the shell's,
 * the errors by code, the display's own. Every other page loads the whole dictionary with its face.
 */
export const zhLobby = { ...app, ...errors, ...display };
