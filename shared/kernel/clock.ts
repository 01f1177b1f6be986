/** Milliseconds since the epoch. Domain code takes the time as a parameter; only the edges read a real clock. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
