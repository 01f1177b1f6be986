import type { CommandSpec, QuerySpec } from '../kernel/command';
import { announceCommandSpecs } from '../queue/announceCommand';
import { boardQuerySpecs } from '../ratings/board';

/**
 * How a terminal finds a command's or a query's schemas to check what it sends and what comes back.
 * The registry holds every feature's specs (and classic zod): far more than a lobby display's page
 * should load for its one command and one question. Those few are at hand here, in zod/mini; every
 * other name loads the registry, a chunk of its own that the other faces load with their code anyway.
 * The registry checks at load that the specs here are the very ones it holds.
 */
export const lightCommandSpecs: Readonly<Record<string, CommandSpec>> = announceCommandSpecs;
export const lightQuerySpecs: Readonly<Record<string, QuerySpec>> = boardQuerySpecs;

/** The spec of command `type`, or undefined for a name no feature defines. */
export async function commandSpecOf(type: string): Promise<CommandSpec | undefined> {
  if (Object.hasOwn(lightCommandSpecs, type)) return lightCommandSpecs[type];
  const { commandSpecs, isCommandType } = await import('./registry');
  return isCommandType(type) ? commandSpecs[type] : undefined;
}

/** The spec of query `name`, or undefined for a name no feature defines. */
export async function querySpecOf(name: string): Promise<QuerySpec | undefined> {
  if (Object.hasOwn(lightQuerySpecs, name)) return lightQuerySpecs[name];
  const { querySpecs, isQueryName } = await import('./registry');
  return isQueryName(name) ? querySpecs[name] : undefined;
}
