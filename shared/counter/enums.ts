import { z } from 'zod';

/** A counter's session: closed → open ⇄ paused → closed. */
export const COUNTER_STATES = ['closed', 'open', 'paused'] as const;
export const CounterState = z.enum(COUNTER_STATES);
export type CounterState = z.infer<typeof CounterState>;

/** What the counter log records of a clerk's session. */
export const COUNTER_EVENTS = ['sign_in', 'pause', 'resume', 'sign_out'] as const;
export const CounterEvent = z.enum(COUNTER_EVENTS);
export type CounterEvent = z.infer<typeof CounterEvent>;
