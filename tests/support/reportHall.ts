import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CommandPayload, CommandType, Row } from '../../shared/protocol';
import { actors, ok } from './actors';
import { demoHub, manualClock, signInManager } from './hub';

const MIN = 60_000;
/** Monday 2026-11-16, 09:00 in the hall (UTC+8). */
const FIRST = Date.parse('2026-11-16T01:00:00Z');
const DAY = 86_400_000;

/**
 * A hall with a working week behind it for the reports: each day from Monday 2026-11-16 to Friday
 * 2026-11-20, three counters sign in, tickets of four services arrive over the morning and are
 * served, with a no-show and a pause each day, and the day is closed after hours. The clock is then
 * left on Tuesday 2026-11-24 at 10:00, that day open.
 */
export async function reportHall(days = 5): Promise<{ hub: Hub; clock: ReturnType<typeof manualClock> }> {
  const clock = manualClock(FIRST);
  const hub = await demoHub({ clock });
  const a = actors(hub);
  for (let d = 0; d < days; d++) {
    const at = (minute: number) => clock.set(FIRST + d * DAY + minute * MIN);
    const run =
      (n: number) =>
      <T extends CommandType>(type: T, payload: Omit<CommandPayload<T>, 'counterId'> = {} as never) =>
        ok(a.clerk(n - 1)(type, { counterId: `H3301-c-0${n}`, ...payload } as CommandPayload<T>));
    at(0);
    for (const n of [1, 2, 3]) run(n)('counter.signIn', { login: `c0${n}`, password: DEMO_PASSWORD });
    const services = ['A', 'B', 'C', 'D'];
    // The day's doings in time order (the clock only moves forward): arrivals every nine minutes,
    // and each counter calling, starting and finishing whatever it can every twelve; one no-show a day.
    const doings: { minute: number; act: () => void }[] = [];
    for (let i = 0; i < 8 + d; i++)
      doings.push({
        minute: 5 + i * 9,
        act: () => ok(a.kiosk('ticket.issue', { serviceId: `H3301-s-${services[(i + d) % 4]}`, priority: 'normal', confirm: null })),
      });
    for (let round = 0; round < 12; round++) {
      for (const n of [1, 2, 3]) {
        let serviceId: string | null = null;
        doings.push({
          minute: 10 + round * 12 + n,
          act: () => {
            const called = a.clerk(n - 1)('ticket.callNext', { counterId: `H3301-c-0${n}` });
            serviceId = called.ok ? (called.result as { ticket: Row<'tickets'> }).ticket.service_id : null;
          },
        });
        doings.push({
          minute: 12 + round * 12 + n,
          act: () => {
            if (serviceId === null) return;
            if (round === 1 && n === 2) {
              run(n)('ticket.noShow');
              serviceId = null;
            } else run(n)('ticket.start');
          },
        });
        doings.push({ minute: 18 + round * 12 + n, act: () => serviceId && run(n)('ticket.finish', { handledServiceIds: [serviceId] }) });
      }
    }
    doings.push({ minute: 50, act: () => run(3)('counter.pause', { reason: '会议' }) });
    doings.push({ minute: 75, act: () => run(3)('counter.resume') });
    for (const { minute, act } of doings.sort((x, y) => x.minute - y.minute)) {
      at(minute);
      act();
    }
    at(9 * 60); // 18:00, after the closing time
    signInManager(hub);
    ok(a.manager('day.close', {}));
  }
  clock.set(FIRST + 8 * DAY + 60 * MIN);
  signInManager(hub);
  return { hub, clock };
}
