import type { HubOptions } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CommandPayload, CommandType, Row } from '../../shared/protocol';
import { actors, ok } from './actors';
import { demoHub, manualClock, terminal } from './hub';

const MIN = 60_000;

/**
 * The demo hall on a hand-moved clock from `start`, for a day scripted minute by minute: `at(m)`
 * sets the clock to minute m, `desk(n)` acts at counter n (its clerk c0n), `take` issues a ticket
 * (`opts`: the hub's other options, such as the PDF browser).
 */
export async function scriptedHall(start: number, opts: Partial<HubOptions> = {}) {
  const clock = manualClock(start);
  const hub = await demoHub({ ...opts, clock });
  const a = actors(hub);
  const at = (minute: number) => clock.set(start + minute * MIN);
  const desk = (n: number) => {
    const counterId = `H3301-c-${String(n).padStart(2, '0')}`;
    const send = a.clerk(n - 1);
    const run = <T extends CommandType>(type: T, payload: Omit<CommandPayload<T>, 'counterId'> = {} as never) =>
      ok(send(type, { counterId, ...payload } as CommandPayload<T>));
    return {
      counterId,
      staffId: `H3301-u-${n}`,
      terminalId: terminal(hub, 'clerk', n - 1).id,
      run,
      call: () => (run('ticket.callNext').ticket as Row<'tickets'>).number,
      signIn: () => run('counter.signIn', { login: `c${String(n).padStart(2, '0')}`, password: DEMO_PASSWORD }),
    };
  };
  const take = (prefix: string, priority: 'normal' | 'green' | 'major' = 'normal') =>
    (
      ok(
        a.kiosk('ticket.issue', {
          serviceId: `H3301-s-${prefix}`,
          priority,
          confirm: priority === 'normal' ? null : { login: 'c01', password: DEMO_PASSWORD }, // a clerk on duty confirms
        }),
      ).ticket as Row<'tickets'>
    ).number;
  return { hub, clock, at, desk, take, manager: a.manager };
}
