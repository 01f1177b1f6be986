import type { Hub } from '../../main/hub/hub';
import type { TemplateLine } from '../../shared/appointments/rules';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors, ok } from './actors';
import { A_SLOTS, at, idFor } from './bookingHall';
import { signInManager } from './hub';
import { regionDays } from './regionDays';

/**
 * 预约 at the three halls of regionNetwork, for the region's 预约 report: booked on Monday 2 Nov
 * 2026, worked on the 3rd and 4th, and left at Wednesday 4 Nov 12:00 (the clock shared by the halls
 * and the region). 甲县 (H3302) and 乙县 (H3303) offer 企业开办 (their s-A) in the hub tests' slots
 * (09:00 for 5, 09:30 for 2, each weekday); 丙镇 (H3304) 4 places on Tuesdays at 10:00.
 * - 甲县: three people on the 3rd — one early, called 5 min after the slot's start; one late (09:10),
 *   called at 09:40; one never comes (a no-show the hub marks) — a fourth cancels the day before,
 *   and a fifth, on the 4th, checks in late at 09:20 and is called at 10:00 (40 min: past the target).
 * - 乙县: on the 4th, one early, called at 09:02; one for 09:30 never comes (its slot is over at
 *   noon, not yet marked); one books the 5th and is still to come.
 * - 丙镇: one booking, cancelled.
 * Every person has a name, an ID number and a phone of their own, which `people` lists.
 */
export async function regionBookings() {
  const days = await regionDays('2026-11-02');
  const { hubs, clock } = days;
  const [jia, yi, bing] = hubs as [Hub, Hub, Hub];
  const people: { name: string; idNumber: string; phone: string; masked: string; code?: string }[] = [];

  const setTime = (iso: string) => {
    clock.set(at(iso));
    for (const hub of hubs) signInManager(hub);
  };
  const template = (hub: Hub, lines: TemplateLine[]) =>
    ok(actors(hub).manager('booking.setTemplate', { serviceId: `${hub.hallId}-s-A`, lines }));
  const book = async (hub: Hub, day: string, start: string): Promise<string> => {
    const n = people.length + 1;
    const person = {
      name: `预约人${'甲乙丙丁戊己庚辛壬癸'[n - 1]}${n}`,
      idNumber: idFor(100 + n),
      phone: `1391234${String(n).padStart(4, '0')}`,
    };
    const res = await fetch(`${hub.url}/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: `${hub.hallId}-s-A`, day, start, ...person }),
    });
    const answer = (await res.json()) as { code: string; error?: { code: string } };
    if (res.status !== 200) throw new Error(`booking at ${hub.hallId}: ${answer.error?.code}`);
    people.push({ ...person, masked: `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`, code: answer.code });
    return answer.code;
  };
  const cancel = async (hub: Hub, code: string) => {
    const idLast4 = people.find((p) => p.code === code)!.idNumber.slice(-4);
    const res = await fetch(`${hub.url}/book/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, idLast4 }),
    });
    if (res.status !== 200) throw new Error(`cancel at ${hub.hallId}: ${res.status}`);
  };
  const checkIn = (hub: Hub, code: string) => ok(actors(hub).kiosk('booking.checkIn', { code }));
  const counter = (hub: Hub) => ({ counterId: `${hub.hallId}-c-01` });
  const signIn = (hub: Hub) => ok(actors(hub).clerk(0)('counter.signIn', { ...counter(hub), login: 'c01', password: DEMO_PASSWORD }));
  /** Calls the next ticket at counter 1 and serves it. */
  const serveNext = (hub: Hub) => {
    const clerk = actors(hub).clerk(0);
    ok(clerk('ticket.callNext', counter(hub)));
    ok(clerk('ticket.start', counter(hub)));
    ok(clerk('ticket.finish', { ...counter(hub), handledServiceIds: [`${hub.hallId}-s-A`] }));
  };

  setTime('2026-11-02T09:00:00');
  template(jia, A_SLOTS);
  template(yi, A_SLOTS);
  template(bing, [{ weekdays: [2], start: '10:00', end: '11:00', capacity: 4 }]);
  const j1 = await book(jia, '2026-11-03', '09:00');
  const j2 = await book(jia, '2026-11-03', '09:00');
  await book(jia, '2026-11-03', '09:30');
  await cancel(jia, await book(jia, '2026-11-03', '09:00'));
  const j5 = await book(jia, '2026-11-04', '09:00');
  const y1 = await book(yi, '2026-11-04', '09:00');
  await book(yi, '2026-11-04', '09:30');
  await book(yi, '2026-11-05', '09:00');
  await cancel(bing, await book(bing, '2026-11-03', '10:00'));

  // Tuesday at 甲县.
  setTime('2026-11-03T08:50:00');
  checkIn(jia, j1);
  setTime('2026-11-03T09:05:00');
  signIn(jia);
  serveNext(jia);
  setTime('2026-11-03T09:10:00');
  checkIn(jia, j2);
  setTime('2026-11-03T09:40:00');
  serveNext(jia);
  ok(actors(jia).clerk(0)('counter.signOut', counter(jia)));
  // Wednesday: 甲县's late fifth; 乙县's early first. A kiosk call sweeps 甲县's no-show of the 3rd.
  setTime('2026-11-04T08:45:00');
  checkIn(yi, y1);
  setTime('2026-11-04T09:02:00');
  signIn(yi);
  serveNext(yi);
  setTime('2026-11-04T09:20:00');
  checkIn(jia, j5);
  setTime('2026-11-04T10:00:00');
  signIn(jia);
  serveNext(jia);
  setTime('2026-11-04T12:00:00');
  await days.settle();
  return { ...days, people, now: at('2026-11-04T12:00:00') };
}
