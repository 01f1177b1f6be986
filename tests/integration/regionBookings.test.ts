import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { BOOKING_STATUSES } from '../../shared/appointments/enums';
import type { QueryAnswer } from '../../shared/protocol';
import { RegionReport } from '../../shared/region/reports';
import { BOOKING_SUMS, bookingSums, bookingSumsSql, type BookingFact } from '../../shared/reports/bookings';
import { addSums, FIGURES } from '../../shared/reports/figures';
import { at } from '../support/bookingHall';
import { callerOf, onCleanup, signInManager, terminal } from '../support/hub';
import { throwawayPostgres } from '../support/pg';
import { prng } from '../support/prng';
import { regionBookings } from '../support/regionBookings';
import { caughtUp, enrollRegion, supervisorToken } from '../support/regionHalls';

/**
 * The regional server's 预约 report (issue 15 item 3): each hall's row and a level's total held
 * against the sums counted here from the hall's own booking and ticket rows — without the product's
 * definitions — and against the hall's own 预约 report for the same period; the region holds
 * nothing of the people who booked; a county's supervisor reads their county alone.
 */

const MIN = 60_000;
const get = (url: string, token: string, q: Record<string, string>) =>
  fetch(`${url}/api/report?${new URLSearchParams(q)}`, { headers: { authorization: `Bearer ${token}` } });

type Raw = { day: string; start: string; end: string; status: string; issued_at: number | null; first_called_at: number | null };

/**
 * What the report should say of a hall over `months` at `now`, from its rows: every booking of
 * those days; a no-show marked, or still booked after its slot's end; a checked-in booking's wait
 * from the later of its slot's start and its check-in to its call (the demo hall's target: 30 min);
 * the places its template offers on the months' weekdays (`perWeekday`: places by weekday, 1 = Monday;
 * November and December 2026 have no holiday and no working weekend day).
 */
function expected(hub: Hub, months: readonly string[], now: number, perWeekday: Record<number, number>) {
  const raw = (
    hub.db
      .prepare(
        'SELECT b.day, b.start, b.end, b.status, t.issued_at, t.first_called_at FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id',
      )
      .all() as Raw[]
  ).filter((b) => months.includes(b.day.slice(0, 7)));
  const waits = raw
    .filter((b) => b.status === 'checked_in' && b.first_called_at !== null)
    .map((b) => b.first_called_at! - Math.max(at(`${b.day}T${b.start}:00`), b.issued_at!));
  let places = 0;
  for (const month of months)
    for (let d = new Date(`${month}-01T00:00:00Z`); d.toISOString().startsWith(month); d = new Date(d.getTime() + 86_400_000))
      places += perWeekday[d.getUTCDay()] ?? 0;
  return {
    bookings: raw.length,
    cancelled: raw.filter((b) => b.status === 'cancelled').length,
    checked_in: raw.filter((b) => b.status === 'checked_in').length,
    no_shows: raw.filter((b) => b.status === 'no_show' || (b.status === 'booked' && now >= at(`${b.day}T${b.end}:00`))).length,
    places,
    slot_called: waits.length,
    slot_wait_ms: waits.reduce((n, w) => n + Math.max(0, w), 0),
    slot_within_target: waits.filter((w) => w <= 30 * MIN).length,
  };
}

/** The hall's own 预约 report by hall over [from, to], as its board asks for it. */
async function hallOwn(hub: Hub, from: string, to: string): Promise<Record<string, number>> {
  signInManager(hub);
  const answer = (await hub.query(callerOf(terminal(hub, 'manager')), {
    name: 'reports.kpi',
    params: { report: 'bookings', dimension: 'hall', bucket: 'total', from, to },
  })) as QueryAnswer;
  if (!answer.ok) throw new Error(answer.error.code);
  return (answer.result as { rows: { sums: Record<string, number> }[] }).rows[0]?.sums ?? {};
}

/** The last day of a month 'YYYY-MM'. */
const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

const WEEKDAYS_7 = { 1: 7, 2: 7, 3: 7, 4: 7, 5: 7 };
const PLACES: Record<string, Record<number, number>> = { H3302: WEEKDAYS_7, H3303: WEEKDAYS_7, H3304: { 2: 4 } };

describe('the region’s 预约 report', () => {
  it('counts each hall’s bookings as the hall does, adds halls by level, holds no person, and keeps to the supervisor’s subtree', async () => {
    const { hubs, url, now, people, region } = await regionBookings();
    const [jia, yi] = hubs as [Hub, Hub, Hub];
    // The script as the halls hold it: 甲县's no-show of the 3rd marked, 乙县's of the 4th not yet.
    const statuses = (hub: Hub) =>
      (hub.db.prepare('SELECT status FROM bookings ORDER BY day, start, created_at').all() as Raw[]).map((b) => b.status);
    expect(statuses(jia).sort()).toEqual(['cancelled', 'checked_in', 'checked_in', 'checked_in', 'no_show']);
    expect(statuses(yi).sort()).toEqual(['booked', 'booked', 'checked_in']);

    const shi = await supervisorToken(url, 'shi');
    for (const months of [['2026-11'], ['2026-11', '2026-12']]) {
      const answer = await get(url, shi, { kind: 'bookings', from: months[0]!, to: months.at(-1)!, node: 'city' });
      expect(answer.status).toBe(200);
      const report = RegionReport.parse(await answer.json());
      expect(report.halls.map((h) => h.hallId).sort()).toEqual(['H3302', 'H3303', 'H3304']);
      expect(report.asOf).toBe(now);
      const total: Record<string, number> = {};
      for (const hub of hubs) {
        const row = report.halls.find((h) => h.hallId === hub.hallId)!;
        const want = expected(hub, months, now, PLACES[hub.hallId]!);
        expect(row.sums, `${hub.hallId} ${months.join('+')}`).toEqual(want);
        expect(row.sums, `${hub.hallId}'s own report`).toEqual(await hallOwn(hub, `${months[0]}-01`, lastDay(months.at(-1)!)));
        for (const [k, v] of Object.entries(want)) total[k] = (total[k] ?? 0) + v;
      }
      expect(report.total).toEqual(total);
    }
    // The script's figures: 甲县 waited 5, 30 and 40 min past the slots (two within the 30 min
    // target); 乙县 2 min. The total's average wait is the waits' (77 / 4), not the halls' mean.
    const november = RegionReport.parse(
      await (await get(url, shi, { kind: 'bookings', from: '2026-11', to: '2026-11', node: 'city' })).json(),
    );
    expect(november.halls.find((h) => h.hallId === 'H3302')!.sums).toMatchObject({
      slot_called: 3,
      slot_wait_ms: 75 * MIN,
      slot_within_target: 2,
    });
    expect(november.halls.find((h) => h.hallId === 'H3303')!.sums).toMatchObject({ no_shows: 1, slot_wait_ms: 2 * MIN });
    const slotWait = FIGURES.bookings.find((f) => f.id === 'slotWait')!;
    expect(slotWait.value(november.total as never)).toBeCloseTo(77 / 4, 9);
    expect(FIGURES.bookings.find((f) => f.id === 'bookingNoShowPct')!.value(november.total as never)).toBeCloseTo((100 * 2) / 7, 9);
    // October: nothing booked, no places asked for (a month before the templates counts as they are now).
    const october = RegionReport.parse(
      await (await get(url, shi, { kind: 'bookings', from: '2026-10', to: '2026-10', node: 'jx' })).json(),
    );
    expect(october.total).toMatchObject({ bookings: 0, slot_called: 0 });

    // A level: 甲县's subtree is its centre and 丙镇's.
    const county = RegionReport.parse(await (await get(url, shi, { kind: 'bookings', from: '2026-11', to: '2026-11', node: 'jx' })).json());
    expect(county.halls.map((h) => h.hallId).sort()).toEqual(['H3302', 'H3304']);
    expect(county.total).toEqual({
      ...Object.fromEntries(
        BOOKING_SUMS.map((k) => [k, november.halls.filter((h) => h.hallId !== 'H3303').reduce((n, h) => n + h.sums[k]!, 0)]),
      ),
    });
    expect(county.total).toMatchObject({ bookings: 6, cancelled: 2, places: 21 * 7 + 4 * 4 });

    // 甲县's supervisor: their county and below, and the same refusal for 乙县, the city or a node that does not exist.
    const jx = await supervisorToken(url, 'jia');
    const own = RegionReport.parse(await (await get(url, jx, { kind: 'bookings', from: '2026-11', to: '2026-11', node: 'jx' })).json());
    expect(own.total).toEqual(county.total);
    for (const node of ['yx', 'city', 'nowhere']) {
      const refused = await get(url, jx, { kind: 'bookings', from: '2026-11', to: '2026-11', node });
      expect(refused.status, node).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }

    // Nothing of the people reached PostgreSQL: no name, ID number (whole or masked), phone or booking code in any table.
    const pool = region.store.pool;
    const { rows: tables } = await pool.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    expect(tables.length).toBeGreaterThan(10);
    let everything = '';
    for (const { name } of tables) {
      const { rows } = await pool.query<{ t: string | null }>(`SELECT string_agg(x::text, E'\\n') AS t FROM "${name}" x`);
      everything += `${rows[0]?.t ?? ''}\n`;
    }
    const { rows: held } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM hall_rows WHERE tbl = 'bookings'");
    expect(held[0]!.n).toBe(people.length);
    expect(people).toHaveLength(9);
    for (const p of people)
      for (const personal of [p.name, p.idNumber, p.masked, p.phone, p.code!])
        expect(everything, `${personal} in the region`).not.toContain(personal);
    // Nor did they enter the hub's feed (the region's projection is made from it).
    const fed = hubs.flatMap((hub) =>
      (hub.db.prepare("SELECT data FROM feed WHERE tbl = 'bookings'").all() as { data: string }[]).map((r) => r.data),
    );
    expect(fed.length).toBeGreaterThan(people.length);
    for (const p of people) for (const personal of [p.name, p.masked, p.phone, p.code!]) expect(fed.join('\n')).not.toContain(personal);
    // A region enrolling now takes the bookings made before by snapshot, without the person too.
    const late = await Region.start(
      RegionStore.connect((await throwawayPostgres()).url),
      () => {},
      () => now,
    );
    onCleanup(() => late.close());
    await enrollRegion(late, jia);
    await caughtUp(late, [jia]);
    const { rows: snapshot } = await late.store.pool.query<{ row: Record<string, unknown> }>(
      "SELECT row FROM hall_rows WHERE tbl = 'bookings' ORDER BY id",
    );
    expect(snapshot.map((r) => r.row)).toEqual(jia.store.all('bookings'));
    expect(Object.keys(snapshot[0]!.row).sort()).toEqual(
      [
        'blackout_id',
        'cancel_reason',
        'changed_at',
        'created_at',
        'day',
        'end',
        'hall_id',
        'id',
        'service_id',
        'start',
        'status',
        'ticket_id',
      ].sort(),
    );
    // The hub still holds them, in its own columns.
    expect(jia.db.prepare("SELECT count(*) AS n FROM bookings WHERE name <> '' AND phone <> ''").get()).toEqual({ n: 5 });
  }, 120_000);

  it('in PostgreSQL, the booking sums’ SQL equals the TypeScript definition on every generated booking', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    const rnd = prng(20261104);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const time = () => `${String(8 + Math.floor(rnd() * 9)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
    const offset = 480;
    const facts: BookingFact[] = Array.from({ length: 2000 }, () => {
      const day = `2026-11-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const start = time();
      const slot = Date.parse(`${day}T${start}:00Z`) - offset * MIN;
      const checkedInAt = rnd() < 0.7 ? slot + Math.round((rnd() - 0.6) * 60) * MIN : null;
      return {
        day,
        start,
        end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}${start.slice(2)}`,
        status: pick(BOOKING_STATUSES),
        checkedInAt,
        firstCalledAt: checkedInAt !== null && rnd() < 0.8 ? checkedInAt + Math.round((rnd() - 0.2) * 90) * MIN : null,
        targetMinutes: pick([0, 15, 30]),
      };
    });
    const sql = bookingSumsSql((f) => `f."${f}"`, '$2::bigint', '$3::int');
    const query = `SELECT ${BOOKING_SUMS.map((k) => `(${sql[k]})::float8 AS "${k}"`).join(', ')}
      FROM jsonb_to_recordset($1::jsonb) AS f (day text, start text, "end" text, status text, "checkedInAt" bigint, "firstCalledAt" bigint, "targetMinutes" bigint)`;
    for (const now of [Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-14T05:30:00Z'), Date.parse('2026-12-01T00:00:00Z')]) {
      // One booking at a time, so that a difference names the booking.
      for (const f of facts.slice(0, 300)) {
        const { rows } = await store.pool.query<Record<string, number>>(query, [JSON.stringify([f]), now, offset]);
        expect(rows[0], JSON.stringify({ f, now })).toEqual(bookingSums(f, now, offset));
      }
      const { rows } = await store.pool.query<Record<string, number>>(query, [JSON.stringify(facts), now, offset]);
      const ts = addSums(facts.map((f) => bookingSums(f, now, offset)));
      expect(rows[0]).toEqual(ts);
      expect(ts.no_shows).toBeGreaterThan(0);
      expect(ts.slot_within_target).toBeGreaterThan(0);
      expect(ts.slot_called).toBeGreaterThan(ts.slot_within_target);
    }
  }, 120_000);
});
