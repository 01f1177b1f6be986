import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { QueryResult } from '../../shared/protocol';
import { FIGURES, type SumsOf } from '../../shared/reports/figures';
import type { ReportBucket, ReportDimension } from '../../shared/reports/enums';
import { actors, ok } from '../support/actors';
import { A, A_SLOTS, at, idFor } from '../support/bookingHall';
import { callerOf, demoHub, manualClock, signInManager, terminal } from '../support/hub';

/**
 * 预约 in the manager's reports (issue 16 item 6): bookings, cancellations, no-shows, slot
 * utilisation and punctuality, by service, department and the hall, by day, week and month —
 * each figure held against the same figure computed here from the raw bookings and tickets rows
 * and the templates as the script set them, without the shared definitions.
 */

const E = 'H3301-s-E';
const MIN = 60_000;

type Raw = {
  service_id: string;
  day: string;
  start: string;
  end: string;
  status: string;
  issued_at: number | null;
  first_called_at: number | null;
};

async function bookedWeek() {
  // Wednesday 25 Nov 2026, 09:00 in the hall.
  const clock = manualClock(at('2026-11-25T09:00:00'));
  const hub = await demoHub({ clock });
  const a = actors(hub);
  ok(
    a.manager('booking.setTemplate', {
      serviceId: A,
      lines: A_SLOTS,
    }),
  );
  ok(a.manager('booking.setTemplate', { serviceId: E, lines: [{ weekdays: [1, 3, 5], start: '14:00', end: '14:40', capacity: 3 }] }));
  const book = async (n: number, serviceId: string, day: string, start: string) => {
    const res = await fetch(`${hub.url}/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId, day, start, name: `张${n}`, idNumber: idFor(n), phone: `138${String(n).padStart(8, '0')}` }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { code: string }).code;
  };
  const p1 = await book(1, A, '2026-11-26', '09:00');
  const p2 = await book(2, A, '2026-11-26', '09:00');
  const p3 = await book(3, A, '2026-11-26', '09:00');
  await book(4, A, '2026-11-26', '09:30');
  const p5 = await book(5, A, '2026-11-26', '09:30');
  await book(6, E, '2026-11-27', '14:00');
  const cancelled = await fetch(`${hub.url}/book/cancel`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: p3, idLast4: idFor(3).slice(-4) }),
  });
  expect(cancelled.status).toBe(200);

  const setTime = (iso: string) => {
    clock.set(at(iso));
    signInManager(hub);
  };
  const c = { counterId: 'H3301-c-01' };
  const serveNext = () => {
    ok(a.clerk(0)('ticket.callNext', c));
    ok(a.clerk(0)('ticket.start', c));
    ok(a.clerk(0)('ticket.finish', { ...c, handledServiceIds: [A] }));
  };
  // Thursday: 1 checks in early, is called at 09:05; 2 checks in at 09:10, 5 at 09:20 (early for
  // 09:30); 2 is called at 09:40, 5 at 10:20; 4 never comes.
  setTime('2026-11-26T08:50:00');
  ok(a.kiosk('booking.checkIn', { code: p1 }));
  setTime('2026-11-26T09:05:00');
  ok(a.clerk(0)('counter.signIn', { ...c, login: 'c01', password: DEMO_PASSWORD }));
  serveNext();
  setTime('2026-11-26T09:10:00');
  ok(a.kiosk('booking.checkIn', { code: p2 }));
  setTime('2026-11-26T09:20:00');
  ok(a.kiosk('booking.checkIn', { code: p5 }));
  setTime('2026-11-26T09:40:00');
  serveNext();
  setTime('2026-11-26T10:20:00');
  serveNext();
  setTime('2026-11-26T12:00:00');
  const raw = hub.db
    .prepare(
      `SELECT b.service_id, b.day, b.start, b.end, b.status, t.issued_at, t.first_called_at
       FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id`,
    )
    .all() as Raw[];
  const manager = callerOf(terminal(hub, 'manager'));
  const report = async (dimension: ReportDimension, bucket: ReportBucket, from = '2026-11-26', to = '2026-11-27') => {
    const answer = await hub.query(manager, { name: 'reports.kpi', params: { report: 'bookings', dimension, bucket, from, to } });
    if (!answer.ok) throw new Error(answer.error.code);
    return answer.result as QueryResult<'reports.kpi'>;
  };
  return { hub, raw, report, now: at('2026-11-26T12:00:00') };
}

/** A figure to 9 decimals: the same division in another order may differ in the last bit. */
const rounded = (v: number | null) => (v === null ? null : Math.round(v * 1e9) / 1e9);
const roundAll = (figures: Record<string, Record<string, number | null>>) =>
  Object.fromEntries(
    Object.entries(figures).map(([k, f]) => [k, Object.fromEntries(Object.entries(f).map(([id, v]) => [id, rounded(v)]))]),
  );

/** Each figure of a report's rows, by group and bucket. */
const shown = (result: QueryResult<'reports.kpi'>) =>
  roundAll(
    Object.fromEntries(
      result.rows.map((r) => [
        `${r.key}|${r.bucket}`,
        Object.fromEntries(FIGURES.bookings.map((f) => [f.id, f.value(r.sums as SumsOf<'bookings'>)])),
      ]),
    ),
  );

/** The same figures, computed apart from the raw rows: `group` and `bucket` of a row, the places the script's templates offer. */
function fromRaw(
  raw: readonly Raw[],
  now: number,
  group: (serviceId: string) => string,
  bucket: (day: string) => string,
  places: { serviceId: string; day: string; places: number }[],
) {
  const target = 30 * MIN; // both services' max_wait_min in the demo hall
  const out: Record<string, { b: number; cx: number; ci: number; ns: number; pl: number; waits: number[] }> = {};
  const row = (serviceId: string, day: string) =>
    (out[`${group(serviceId)}|${bucket(day)}`] ??= { b: 0, cx: 0, ci: 0, ns: 0, pl: 0, waits: [] });
  for (const r of raw) {
    const x = row(r.service_id, r.day);
    x.b++;
    if (r.status === 'cancelled') x.cx++;
    if (r.status === 'checked_in') x.ci++;
    if (r.status === 'no_show' || (r.status === 'booked' && now >= at(`${r.day}T${r.end}:00`))) x.ns++;
    if (r.status === 'checked_in' && r.first_called_at !== null) {
      const from = Math.max(at(`${r.day}T${r.start}:00`), r.issued_at!);
      x.waits.push(r.first_called_at - from);
    }
  }
  for (const p of places) row(p.serviceId, p.day).pl += p.places;
  return roundAll(
    Object.fromEntries(
      Object.entries(out).map(([k, x]) => [
        k,
        {
          booked: x.b,
          bookingCancelled: x.cx,
          bookingCancelPct: x.b ? (100 * x.cx) / x.b : null,
          checkedIn: x.ci,
          bookingNoShows: x.ns,
          bookingNoShowPct: x.b - x.cx ? (100 * x.ns) / (x.b - x.cx) : null,
          places: x.pl,
          slotUtilisation: x.pl ? (100 * (x.b - x.cx)) / x.pl : null,
          slotWait: x.waits.length ? x.waits.reduce((s, w) => s + w, 0) / x.waits.length / MIN : null,
          slotOnTimePct: x.waits.length ? (100 * x.waits.filter((w) => w <= target).length) / x.waits.length : null,
        },
      ]),
    ),
  );
}

// The script's templates: A offers 5 + 2 places each weekday, E 3 on Monday, Wednesday and Friday.
const PLACES = [
  { serviceId: A, day: '2026-11-26', places: 7 },
  { serviceId: A, day: '2026-11-27', places: 7 },
  { serviceId: E, day: '2026-11-27', places: 3 },
];

describe('booking figures in the reports', () => {
  it('by service and day, by department, by week and month: each figure as computed from the raw rows', async () => {
    const { raw, report, now } = await bookedWeek();
    // The waits after the slot's time, as the script made them: 1 early, called 5 min after 09:00;
    // 2 checked in late at 09:10, called at 09:40 (30 min); 5 early for 09:30, called at 10:20 (50).
    const byServiceDay = shown(await report('service', 'day'));
    expect(byServiceDay[`${A}|2026-11-26`]).toMatchObject({
      booked: 5,
      bookingCancelled: 1,
      checkedIn: 3,
      bookingNoShows: 1,
      places: 7,
      slotWait: rounded((5 + 30 + 50) / 3),
      slotOnTimePct: rounded((100 * 2) / 3),
    });
    expect(byServiceDay).toEqual(
      fromRaw(
        raw,
        now,
        (s) => s,
        (d) => d,
        PLACES,
      ),
    );

    const departmentOf: Record<string, string> = { [A]: 'H3301-d-amr', [E]: 'H3301-d-psb' };
    expect(shown(await report('department', 'total'))).toEqual(
      fromRaw(
        raw,
        now,
        (s) => departmentOf[s]!,
        () => '',
        PLACES,
      ),
    );
    // The hall by week (Thursday and Friday are in the week of Monday 23 Nov) and by month.
    const hall = fromRaw(
      raw,
      now,
      () => '',
      () => '2026-11-23',
      PLACES,
    );
    expect(shown(await report('hall', 'week'))).toEqual(hall);
    expect(hall['|2026-11-23']).toMatchObject({ booked: 6, bookingNoShowPct: 20, places: 17, slotUtilisation: rounded((100 * 5) / 17) });
    expect(shown(await report('hall', 'month'))).toEqual(
      fromRaw(
        raw,
        now,
        () => '',
        () => '2026-11',
        PLACES,
      ),
    );
    expect(shown(await report('hall', 'weekday'))).toEqual(
      fromRaw(
        raw,
        now,
        () => '',
        (d) => String(new Date(d).getUTCDay()),
        PLACES,
      ),
    );
  });

  it('refuses what the bookings are not kept by: an hour bucket, a counter or a clerk', async () => {
    const { report } = await bookedWeek();
    await expect(report('hall', 'hour')).rejects.toThrow('VALIDATION_FAILED');
    await expect(report('counter', 'total')).rejects.toThrow('VALIDATION_FAILED');
    await expect(report('staff', 'day')).rejects.toThrow('VALIDATION_FAILED');
  });
});
