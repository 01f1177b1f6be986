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
});
export type HallTile = z.infer<typeof HallTile>;

export const Board = z.object({
  supervisor: z.object({ login: z.string(), name: z.string(), node: z.string(), level: NodeLevel }),
  at: z.number(),
  halls: z.array(HallTile),
});
export type Board = z.infer<typeof Board>;
