import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { NO_LIMITS } from '../../main/hub/limits';
import type { Row } from '../../shared/protocol';
import { ok } from '../support/actors';
import { A, at, bookingHall, idFor, reasonOf, refusedWith, type Json } from '../support/bookingHall';
import { callerOf, terminal } from '../support/hub';
import { noShowRate, utilisation, type BookingFigureRow } from '../../shared/appointments/queries';

/**
 * 预约 on the hub (issue 16, items 1–4): a manager's template, the phone's booking over POST /book,
 * check-in at the kiosk, the appointment ticket called under the priority rules, the follow page,
 * no-shows and the block they earn; and two people never taking the last place.
 */

describe('booking a slot from the phone', () => {
  it('lists the bookable working days with places left; a booking stores the ID masked and hashed, never whole', async () => {
    const h = await bookingHall();
    const slots = await h.post('/book/slots', {});
    expect(slots.status).toBe(200);
    const a = (slots.json.services as { id: string; days: { day: string; slots: { start: string; left: number }[] }[] }[]).find(
      (s) => s.id === A,
    )!;
    // Thu, Fri, then Mon–Wed: the weekend is skipped, today is not offered.
    expect(a.days.map((d) => d.day)).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(a.days[0]!.slots.map((s) => [s.start, s.left])).toEqual([
      ['09:00', 5],
      ['09:30', 2],
    ]);
    const booked = await h.book(1);
    expect(booked.status).toBe(200);
    expect(booked.json).toMatchObject({ service: '企业开办', day: '2026-11-26', start: '09:00', end: '09:30', status: 'booked' });
    expect(booked.json.code).toMatch(/^[A-Z2-9]{8}$/);
    const [row] = h.bookings();
    expect(row).toMatchObject({ id_masked: '110101********' + idFor(1).slice(14), status: 'booked', name: '张1明' });
    expect(row!.id_hash).toMatch(/^[0-9a-f]{64}$/);
    // The whole ID number is nowhere in the hub's database: neither the booking nor its audit row.
    const dump = JSON.stringify([
      h.bookings(),
      h.hub.db.prepare('SELECT * FROM audit').all(),
      h.hub.db.prepare('SELECT * FROM feed').all(),
    ]);
    expect(dump).not.toContain(idFor(1));
    // The audit and the feed hold neither the name nor the phone (the booking itself keeps them, for the hall to call).
    const records = JSON.stringify([h.hub.db.prepare('SELECT * FROM audit').all(), h.hub.db.prepare('SELECT * FROM feed').all()]);
    expect(row!.phone).toBe('13800000001');
    expect(records).not.toContain('13800000001');
    expect(records).not.toContain('张1明');
    // The place is taken.
    const after = await h.post('/book/slots', {});
    expect((after.json.services as { days: { slots: { left: number }[] }[] }[])[0]!.days[0]!.slots[0]!.left).toBe(4);
  });

  it('100 people at once for 5 places: exactly 5 bookings', async () => {
    const h = await bookingHall({ limits: NO_LIMITS });
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => h.book(i + 1)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(5);
    expect(new Set(answers.filter((r) => r.status !== 200).map(reasonOf))).toEqual(new Set(['booking.full']));
    expect(h.bookings()).toHaveLength(5);
    // A cancellation frees one place, which one more person takes.
    const first = answers.find((r) => r.status === 200)!;
    const firstRow = h.bookings().find((b) => b.code === first.json.code)!;
    expect((await h.post('/book/cancel', { code: first.json.code, idLast4: (firstRow.id_masked as string).slice(-4) })).json.status).toBe(
      'cancelled',
    );
    const again = await Promise.all([h.book(200), h.book(201)]);
    expect(again.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('check-in, the call, the follow page, no-shows', () => {
  it('book → check in at the kiosk → an appointment ticket called before walk-ins → followed to the counter; a no-show counted', async () => {
    const h = await bookingHall();
    const mine = (await h.book(1)).json;
    const other = (await h.book(2, '2026-11-26', '09:30')).json;
    // Thursday 08:20: a walk-in takes a normal ticket; check-in is not open yet (from 08:30).
    h.setTime('2026-11-26T08:20:00');
    const walkIn = ok(h.kiosk('ticket.issue', { serviceId: A, priority: 'normal', confirm: null })).ticket as Row<'tickets'>;
    expect(refusedWith(h.kiosk('booking.checkIn', { code: mine.code as string }))).toBe('booking.tooEarly');
    h.setTime('2026-11-26T08:40:00');
    const checkedIn = ok(h.kiosk('booking.checkIn', { code: mine.code as string }));
    expect(checkedIn.late).toBe(false);
    const ticket = h.hub.store.get('tickets', (checkedIn.ticket as Row<'tickets'>).id)!;
    // Ordered by its slot's start, in the appointment class.
    expect(ticket).toMatchObject({ priority: 'appointment', queue_key: at('2026-11-26T09:00:00') });
    expect(h.bookings()[0]).toMatchObject({ status: 'checked_in', ticket_id: ticket.id });
    // Checked in once only.
    expect(refusedWith(h.kiosk('booking.checkIn', { code: mine.code as string }))).toBe('booking.notBooked');
    // The slip's follow token: waiting, with people ahead; no personal data.
    const token = checkedIn.followToken as string;
    expect(token).toMatch(/^[A-Z2-9]{16}$/);
    const waiting = await h.post('/follow', { token });
    expect(waiting.json).toMatchObject({ number: ticket.number, service: '企业开办', status: 'waiting', counter: null });
    expect(typeof waiting.json.ahead).toBe('number');
    // A clerk calls: the appointment goes before the walk-in who came earlier.
    ok(h.clerk(0)('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD }));
    const called = ok(h.clerk(0)('ticket.callNext', { counterId: 'H3301-c-01' })).ticket as Row<'tickets'>;
    expect(called.number).toBe(ticket.number);
    expect(called.number).not.toBe(walkIn.number);
    const nowCalled = await h.post('/follow', { token });
    expect(nowCalled.json).toMatchObject({ number: ticket.number, status: 'called', counter: '1' });
    expect(JSON.stringify(nowCalled.json)).not.toMatch(/张|138\d|110101/);
    // The other booking is not checked in by its slot's end (10:00): a no-show, counted lazily.
    h.setTime('2026-11-26T10:00:00');
    await h.post('/book/slots', {});
    expect(h.bookings().find((b) => b.code === other.code)).toMatchObject({ status: 'no_show' });
    expect(refusedWith(h.kiosk('booking.checkIn', { code: other.code as string }))).toBe('booking.slotOver');
    // The next day the follow token is no longer valid.
    h.setTime('2026-11-27T09:00:00');
    expect(reasonOf(await h.post('/follow', { token }))).toBe('booking.followInvalid');
  });

  it('late: a normal ticket when the hall allows it, refused otherwise; the sweep command counts no-shows', async () => {
    const h = await bookingHall();
    const one = (await h.book(1)).json;
    const two = (await h.book(2)).json;
    const three = (await h.book(3)).json;
    h.setTime('2026-11-26T09:20:00');
    const late = ok(h.kiosk('booking.checkIn', { code: one.code as string }));
    expect(late.late).toBe(true);
    expect(h.hub.store.get('tickets', (late.ticket as Row<'tickets'>).id)).toMatchObject({
      priority: 'normal',
      queue_key: at('2026-11-26T09:20:00'),
    });
    ok(h.manager('hall.setBookingSettings', { lateToNormalQueue: false }));
    expect(refusedWith(h.kiosk('booking.checkIn', { code: two.code as string }))).toBe('booking.tooLate');
    h.setTime('2026-11-26T09:30:00');
    expect(ok(h.manager('booking.sweep', {})).noShows).toBe(2);
    expect(
      h
        .bookings()
        .filter((b) => b.status === 'no_show')
        .map((b) => b.code),
    ).toEqual([two.code, three.code]);
    expect(ok(h.manager('booking.sweep', {})).noShows).toBe(0);
  });

  it('the day’s close marks the bookings whose slot ended as no-shows', async () => {
    const h = await bookingHall();
    await h.book(1, '2026-11-26', '09:00');
    await h.book(2, '2026-11-27', '09:00');
    h.setTime('2026-11-26T17:45:00');
    ok(h.manager('day.close', {}));
    expect(h.bookings().map((b) => b.status)).toEqual(['no_show', 'booked']);
  });

  it('two no-shows within 30 days block booking for 3 months, shown to the person, lifting by themselves', async () => {
    const h = await bookingHall();
    ok(h.manager('hall.setBookingSettings', { perPersonPerDay: 1 }));
    await h.book(7, '2026-11-26');
    await h.book(7, '2026-11-27');
    h.setTime('2026-11-27T12:00:00');
    const refused = await h.book(7, '2026-12-02');
    expect(refused.json.error).toMatchObject({ code: 'BOOKING_REFUSED', reason: 'booking.blocked', params: { until: '2027-02-27' } });
    // Another person is not blocked.
    expect((await h.book(8, '2026-12-02')).status).toBe(200);
    h.setTime('2027-02-26T12:00:00');
    expect(reasonOf(await h.book(7, '2027-03-01'))).toBe('booking.blocked');
    h.setTime('2027-02-27T09:00:00');
    expect((await h.book(7, '2027-03-01')).status).toBe(200);
  });
});

describe('bad input to the booking routes and the kiosk: a typed refusal, nothing booked', () => {
  it('refuses each with its reason', async () => {
    const h = await bookingHall();
    const mine = (await h.book(1)).json;
    const badId = idFor(9).slice(0, 17) + (idFor(9).endsWith('0') ? '1' : '0');
    const cases: [string, () => Promise<{ status: number; json: Json }>, number, string][] = [
      ['an invalid ID number', () => h.book(9, '2026-11-26', '09:00', { idNumber: badId }), 400, 'identity.idCheckDigit'],
      ['a short ID number', () => h.book(9, '2026-11-26', '09:00', { idNumber: '1101011990' }), 400, 'identity.idLength'],
      ['a bad phone', () => h.book(9, '2026-11-26', '09:00', { phone: '12345' }), 400, 'identity.phone'],
      ['a past day', () => h.book(9, '2026-11-24'), 409, 'booking.dayNotBookable'],
      ['today', () => h.book(9, '2026-11-25'), 409, 'booking.dayNotBookable'],
      ['a weekend day', () => h.book(9, '2026-11-28'), 409, 'booking.dayNotBookable'],
      ['beyond the 5th working day', () => h.book(9, '2026-12-03'), 409, 'booking.dayNotBookable'],
      ['a slot that does not exist', () => h.book(9, '2026-11-26', '11:00'), 409, 'booking.noSuchSlot'],
      ['a second booking that day', () => h.book(1, '2026-11-26', '09:30'), 409, 'booking.perDay'],
      ['a service without slots', () => h.book(9, '2026-11-26', '09:00', { serviceId: 'H3301-s-B' }), 409, 'booking.noSlots'],
      ['an unknown service', () => h.book(9, '2026-11-26', '09:00', { serviceId: 'H3301-s-ZZ' }), 404, 'common.notFound'],
      ['a malformed day', () => h.book(9, '26/11/2026'), 400, 'VALIDATION_FAILED'],
      ['an unknown field', () => h.book(9, '2026-11-26', '09:00', { extra: 1 }), 400, 'VALIDATION_FAILED'],
      ['a wrong code', () => h.post('/book/cancel', { code: 'ABCD2345', idLast4: '0000' }), 409, 'booking.wrongCode'],
      ['the right code, wrong ID digits', () => h.post('/book/cancel', { code: mine.code, idLast4: '0000' }), 409, 'booking.wrongCode'],
      ['a malformed code', () => h.post('/book/look', { code: 'ab', idLast4: '1234' }), 400, 'VALIDATION_FAILED'],
      ['a forged follow token', () => h.post('/follow', { token: 'ABCDEFGHJKLMNPQR' }), 404, 'booking.followInvalid'],
      [
        'a hall terminal',
        () => h.post('/book', {}, { authorization: `Bearer ${terminal(h.hub, 'kiosk').token}` }),
        403,
        'booking.terminal',
      ],
    ];
    const before = JSON.stringify(h.bookings());
    for (const [what, send, status, reason] of cases) {
      const r = await send();
      // A malformed request is named by its code (its reason says which field, as for any input).
      const got = /^[A-Z_]+$/.test(reason) ? r.json.error?.code : reasonOf(r);
      expect([what, r.status, got]).toEqual([what, status, reason]);
    }
    expect(JSON.stringify(h.bookings())).toBe(before);
    // A full slot.
    for (const n of [2, 3]) expect((await h.book(n, '2026-11-26', '09:30')).status).toBe(200);
    expect(reasonOf(await h.book(4, '2026-11-26', '09:30'))).toBe('booking.full');
    // Cancelling within 2 hours of the slot.
    h.setTime('2026-11-26T07:01:00');
    const idLast4 = idFor(1).slice(-4);
    expect(reasonOf(await h.post('/book/cancel', { code: mine.code, idLast4 }))).toBe('booking.tooLateToCancel');
    // The kiosk: a code not issued, a booking of another day.
    expect(refusedWith(h.kiosk('booking.checkIn', { code: 'ABCD2345' }))).toBe('booking.wrongCode');
    const later = (await h.book(5, '2026-11-27')).json;
    expect(refusedWith(h.kiosk('booking.checkIn', { code: later.code as string }))).toBe('booking.notToday');
    // A manager's template with overlapping slots, settings out of order.
    const line = (start: string, end: string) => ({ weekdays: [1], start, end, capacity: 1 });
    expect(h.manager('booking.setTemplate', { serviceId: A, lines: [line('09:00', '10:00'), line('09:30', '10:30')] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', reason: 'booking.lineOverlap', params: { line: 2 } },
    });
    expect(h.manager('booking.setTemplate', { serviceId: A, lines: [line('10:00', '09:00')] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', reason: 'booking.lineOrder', params: { line: 1 } },
    });
    expect(h.manager('hall.setBookingSettings', { minDaysAhead: 9 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '最早可约天数不能晚于最晚可约天数' },
    });
    expect(JSON.parse(h.hub.store.all('booking_templates')[0]!.lines)).toHaveLength(2);
    // Still looked up by its owner, unchanged.
    expect((await h.post('/book/look', { code: mine.code, idLast4 })).json).toMatchObject({ status: 'booked', day: '2026-11-26' });
  });
});

describe('the phone routes’ limits', () => {
  it('a few calls a second per address: a flood of booking calls is refused with RATE_LIMITED, books nothing, and a GET is refused', async () => {
    const h = await bookingHall();
    const answers = [];
    for (let i = 0; i < 40; i++)
      answers.push(await h.post('/book', { serviceId: A, day: '2026-11-26', start: '09:00', name: '张三', idNumber: 'x', phone: 'x' }));
    expect(answers.slice(0, 25).every((r) => r.status === 400)).toBe(true);
    expect(answers.at(-1)).toMatchObject({ status: 429, json: { error: { code: 'RATE_LIMITED' } } });
    expect(h.bookings()).toEqual([]);
    const get = await fetch(`${h.hub.url}/follow`);
    expect(get.status).toBe(405);
  });
});

describe('privacy', () => {
  it('the kiosk and the display receive no booking and no personal data; templates are the managers’', async () => {
    const h = await bookingHall();
    const mine = (await h.book(1)).json;
    h.setTime('2026-11-26T08:45:00');
    ok(h.kiosk('booking.checkIn', { code: mine.code as string }));
    for (const role of ['kiosk', 'display'] as const) {
      const all = JSON.stringify(h.hub.snapshot(terminal(h.hub, role).id));
      expect(all).not.toContain('张1明');
      expect(all).not.toContain(idFor(1).slice(-4) + '"');
      expect(all).not.toContain(idFor(1));
      expect(all).not.toContain('13800000001');
      expect(all).not.toContain(mine.code as string);
      expect(all).not.toContain('booking_templates');
    }
    expect(h.hub.snapshot(terminal(h.hub, 'manager').id).tables.booking_templates).toHaveLength(1);
  });
});

describe('figures', () => {
  it('bookings, cancellations, check-ins, no-shows (marked or not yet), places offered; rates from them', async () => {
    const h = await bookingHall();
    const codes = [];
    for (const n of [1, 2, 3, 4]) codes.push((await h.book(n)).json.code as string);
    await h.book(5, '2026-11-27', '09:30');
    await h.post('/book/cancel', { code: codes[3], idLast4: idFor(4).slice(-4) });
    h.setTime('2026-11-26T08:50:00');
    ok(h.kiosk('booking.checkIn', { code: codes[0]! }));
    // 10:00 Thursday: bookings 2 and 3 missed their slot; nothing has marked them yet.
    h.setTime('2026-11-26T10:00:00');
    expect(h.bookings().filter((b) => b.status === 'no_show')).toHaveLength(0);
    const manager = callerOf(terminal(h.hub, 'manager'));
    const figures = async (from: string, to: string) => {
      const a = await h.hub.query(manager, { name: 'booking.figures', params: { from, to } });
      if (!a.ok) throw new Error(a.error.message);
      return (a.result as { rows: BookingFigureRow[] }).rows;
    };
    const [thursday] = await figures('2026-11-26', '2026-11-26');
    // Thursday offers 5 + 2 places; 4 booked, 1 cancelled, 1 checked in, 2 missed.
    expect(thursday).toEqual({ serviceId: A, bookings: 4, cancelled: 1, checkedIn: 1, noShows: 2, places: 7 });
    expect(noShowRate(thursday!)).toBeCloseTo(2 / 3);
    expect(utilisation(thursday!)).toBeCloseTo(3 / 7);
    // Thursday to the next Wednesday: 5 working days (the weekend offers nothing); Friday's booking is still to come.
    expect(await figures('2026-11-26', '2026-12-02')).toEqual([
      { serviceId: A, bookings: 5, cancelled: 1, checkedIn: 1, noShows: 2, places: 35 },
    ]);
    // A clerk may not ask.
    const clerk = await h.hub.query(callerOf(terminal(h.hub, 'clerk')), {
      name: 'booking.figures',
      params: { from: '2026-11-26', to: '2026-11-26' },
    });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
