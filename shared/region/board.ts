import { z } from 'zod';

/** The levels of the four-level network, top down. */
export const NODE_LEVELS = ['city', 'county', 'township', 'village'] as const;
export const NodeLevel = z.enum(NODE_LEVELS);
export type NodeLevel = z.infer<typeof NodeLevel>;

export const SignInRequest = z.strictObject({ login: z.string().min(1).max(64), password: z.string().min(1).max(200) });

/** One hall's tile on the regional board: its link to the region and its queue today. */
export const HallTile = z.object({
  hallId: z.string(),
  name: z.string(),
  nodeId: z.string().nullable(),
  /** The node's names from the supervisor's own node down to the hall's (e.g. 甲县 › 东镇). */
  path: z.array(z.string()),
  connected: z.boolean(),
  /** How long since the region last landed a change of this hall; null before the first. */
  lagMs: z.number().nullable(),
  day: z.string().nullable(),
  countersOpen: z.number().int(),
  waiting: z.number().int(),
  longestWaitMs: z.number().nullable(),
  issued: z.number().int(),
  finished: z.number().int(),
  /** Calls within the service's longest wait, of all calls: a rate given with its count. */
  withinTarget: z.number().int(),
  called: z.number().int(),
  /**
   * Cases by their supervision signal today (cases/rules caseSignalDefinition, evaluated in
   * PostgreSQL): yellow and red, for the hall and for each of its departments that has any.
   */
  yellow: z.number().int(),
  red: z.number().int(),
  departments: z.array(z.object({ departmentId: z.string(), name: z.string(), yellow: z.number().int(), red: z.number().int() })),
  /** This month's cases, as the hall's reports count them (reports/days caseDayRows): concluded, and of them on time. */
  concluded: z.number().int(),
  onTime: z.number().int(),
  /** Today's 好差评 as the hall tallies it (ratings/rules ratingTally): services to rate, ratings given, satisfied, 差评. */
  ratings: z.object({ services: z.number().int(), active: z.number().int(), satisfied: z.number().int(), bad: z.number().int() }),
});
export type HallTile = z.infer<typeof HallTile>;

export const Board = z.object({
  supervisor: z.object({ login: z.string(), name: z.string(), node: z.string(), level: NodeLevel }),
  at: z.number(),
  halls: z.array(HallTile),
  /** The nodes of the supervisor's subtree, top down: the levels a report can be asked for. */
  nodes: z.array(z.object({ id: z.string(), name: z.string(), level: NodeLevel, path: z.array(z.string()) })),
});
export type Board = z.infer<typeof Board>;
