/** With no one waiting and no ticket taken or called for this long, the hall is idle. */
export const IDLE_MS = 2 * 60_000;
/** While idle, the display turns between the satisfaction board and the calls every this long, the board first. */
export const TURN_MS = 30_000;

/**
 * Whether the lobby display shows the public satisfaction board now: only while the hall is idle
 * (nobody waiting, and the last ticket taken or called at least IDLE_MS ago), turning between the
 * board and the calls every TURN_MS, the board first. A new ticket or call ends it at once. Pure,
 * on the hub's clock: `lastActivity` is the latest issue or call of the day.
 */
export function boardShown(now: number, waiting: number, lastActivity: number): boolean {
  if (waiting > 0) return false;
  const idleFrom = lastActivity + IDLE_MS;
  if (now < idleFrom) return false;
  return Math.floor((now - idleFrom) / TURN_MS) % 2 === 0;
}
