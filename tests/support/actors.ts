import type { Hub } from '../../main/hub/hub';
import type { Answer, CommandPayload, CommandType } from '../../shared/protocol';
import { callerOf, opId, terminal } from './hub';

export type Send = <T extends CommandType>(type: T, payload: CommandPayload<T>) => Answer & { result?: Record<string, never> };

/** Commands sent to the hub as one of the demo hall's terminals. */
export function actors(hub: Hub) {
  const as = (role: 'kiosk' | 'manager' | 'clerk' | 'display', n = 0): Send => {
    const caller = callerOf(terminal(hub, role, n));
    return (type, payload) => hub.execute(caller, { opId: opId(), type, payload }) as never;
  };
  return { kiosk: as('kiosk'), manager: as('manager'), clerk: (n: number) => as('clerk', n), display: as('display') };
}

export const ok = (a: Answer) => {
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
  return a.result as Record<string, unknown>;
};
export const err = (a: Answer) => (a.ok ? 'ok' : a.error.code);
