import { describe, expect, it } from 'vitest';
import type { AffectedBooking, BlockLiftRow } from '../../shared/appointments/queries';
import { ok } from '../support/actors';
import { A, at, bookingHall, idFor, reasonOf, refusedWith } from '../support/bookingHall';
import { callerOf, terminal } from '../support/hub';

/**
 * 预约 after it is made (issue 16): blackout days that cancel with the hall's reason, moving a
 * booking, check-in at the kiosk by ID number, a manager lifting a block, the hall's weekend
 * setting; each bad request refused with its reason, changing nothing; no whole ID number kept.
 */

const E = 'H3301-s-E';
type Hall = Awaited<ReturnType<typeof bookingHall>>;

const slotsOf = async (h: Hall, serviceId = A) =>
  (
    (await h.post('/book/slots', {})).json.services as {
      id: string;
      days: { day: string; closed: string | null; slots: { start: string; left: number }[] }[];
    }[]
  ).find((s) => s.id === serviceId)!.days;
const leftIn = async (h: Hall, day: string, start: string) =>
  (await slotsOf(h)).find((d) => d.day === day)!.slots.find((s) => s.start === start)!.left;
const keyOf = (code: unknown, n: number) => ({ code, idLast4: idFor(n).slice(-4) });
const manager = (h: Hall) => callerOf(terminal(h.hub, 'manager'));
const affected = async (h: Hall, day: string, serviceId: string | null) => {
  const a = await h.hub.query(manager(h), { name: 'booking.blackoutAffected', params: { day, serviceId } });
  if (!a.ok) throw new Error(a.error.message);
  return (a.result as { rows: AffectedBooking[] }).rows;
};
/** Every row of every table of the hub's database, as text: where a whole ID number must never be. */
const wholeDb = (h: Hall) =>
  JSON.stringify(
    (h.hub.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) =>
      h.hub.db.prepare(`SELECT * FROM "${t.name}"`).all(),
    ),
  );
const auditOf = (h: Hall, type: string) =>
  h.hub.db.prepare('SELECT staff_id, outcome, detail FROM audit WHERE type = ? ORDER BY id').all(type) as {
    staff_id: string | null;
    outcome: string;
    detail: string;
  }[];

describe('blackout days', () => {
  it('lists the bookings a day’s blackout affects, cancels them on confirm with the reason their holders read, and refuses that day after', async () => {
    const h = await bookingHall();
    ok(h.manager('booking.setTemplate', { serviceId: E, lines: [{ weekdays: [4, 5], start: '14:00', end: '14:40', capacity: 3 }] }));
    const one = (await h.book(1)).json;
    const two = (await h.book(2, '2026-11-26', '09:30')).json;
    const other = (await h.book(3, '2026-11-26', '14:00', { serviceId: E })).json;
    const friday = (await h.book(4, '2026-11-27')).json;
    // The review: in slot order, the person masked.
    expect(await affected(h, '2026-11-26', null)).toEqual([
      { serviceId: A, start: '09:00', end: '09:30', name: '张*明', idMasked: `110101********${idFor(1).slice(-4)}`, phone: '138****0001' },
      { serviceId: A, start: '09:30', end: '10:00', name: '张*明', idMasked: `110101********${idFor(2).slice(-4)}`, phone: '138****0002' },
      { serviceId: E, start: '14:00', end: '14:40', name: '张*明', idMasked: `110101********${idFor(3).slice(-4)}`, phone: '138****0003' },
    ]);
    expect(await affected(h, '2026-11-26', E)).toHaveLength(1);
    // Confirmed with a count that is no longer right (one more booked since): refused, nothing changed.
    const before = JSON.stringify(h.bookings());
    expect(h.manager('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '停电检修', affected: 2 })).toMatchObject({
      ok: false,
      error: { code: 'BOOKING_REFUSED', reason: 'booking.blackoutChanged', params: { n: 3 } },
    });
    expect(JSON.stringify(h.bookings())).toBe(before);
    expect(h.hub.store.all('booking_blackouts')).toEqual([]);
    const declared = ok(h.manager('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '停电检修', affected: 3 }));
    expect(declared.cancelled).toBe(3);
    const byCode = (code: unknown) => h.bookings().find((b) => b.code === code)!;
    for (const b of [one, two, other]) expect(byCode(b.code)).toMatchObject({ status: 'cancelled', cancel_reason: 'blackout' });
    expect(byCode(friday.code)).toMatchObject({ status: 'booked', blackout_id: null });
    // The person reads that the hall cancelled it, and why.
    expect((await h.post('/book/look', keyOf(one.code, 1))).json).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'hall',
      cancelReason: '停电检修',
    });
    // The day is closed on the booking page, and a booking for it is refused with the reason.
    const thursday = (await slotsOf(h)).find((d) => d.day === '2026-11-26')!;
    expect(thursday).toEqual({ day: '2026-11-26', closed: '停电检修', slots: [] });
    const refused = await h.book(9);
    expect(refused).toMatchObject({
      status: 409,
      json: { error: { code: 'BOOKING_REFUSED', reason: 'booking.blackout', params: { day: '2026-11-26', reason: '停电检修' } } },
    });
    // Audited with the manager, the reason and the count; the blackout reaches the managers' replicas, not the kiosk's.
    const [audit] = auditOf(h, 'booking.declareBlackout').filter((a) => a.outcome === 'ok');
    expect(audit!.staff_id).not.toBeNull();
    expect(JSON.parse(audit!.detail)).toMatchObject({ day: '2026-11-26', reason: '停电检修', cancelled: 3 });
    expect(h.hub.snapshot(terminal(h.hub, 'manager').id).tables.booking_blackouts).toHaveLength(1);
    expect(JSON.stringify(h.hub.snapshot(terminal(h.hub, 'kiosk').id))).not.toContain('booking_blackouts');
  });

  it('one service on a day: only its bookings; a booking its holder cancelled says so', async () => {
    const h = await bookingHall();
    ok(h.manager('booking.setTemplate', { serviceId: E, lines: [{ weekdays: [4, 5], start: '14:00', end: '14:40', capacity: 3 }] }));
    const mine = (await h.book(1, '2026-11-27')).json;
    const other = (await h.book(2, '2026-11-27', '14:00', { serviceId: E })).json;
    const gone = (await h.book(3, '2026-11-27', '09:30')).json;
    await h.post('/book/cancel', keyOf(gone.code, 3));
    ok(h.manager('booking.declareBlackout', { day: '2026-11-27', serviceId: A, reason: '系统升级', affected: 1 }));
    expect((await h.post('/book/look', keyOf(mine.code, 1))).json).toMatchObject({ cancelledBy: 'hall', cancelReason: '系统升级' });
    expect((await h.post('/book/look', keyOf(other.code, 2))).json).toMatchObject({ status: 'booked', cancelledBy: null });
    expect((await h.post('/book/look', keyOf(gone.code, 3))).json).toMatchObject({ cancelledBy: 'person', cancelReason: null });
    expect((await slotsOf(h, E)).find((d) => d.day === '2026-11-27')!.slots).toHaveLength(1);
    expect((await h.book(4, '2026-11-27', '14:00', { serviceId: E })).status).toBe(200);
    expect(reasonOf(await h.book(5, '2026-11-27', '09:00'))).toBe('booking.blackout');
  });

  it('refuses a past day, a day already closed, an unknown service, no reason, a day that does not exist: nothing changes', async () => {
    const h = await bookingHall();
    await h.book(1);
    ok(h.manager('booking.declareBlackout', { day: '2026-11-30', serviceId: null, reason: '培训', affected: 0 }));
    const before = JSON.stringify([h.bookings(), h.hub.store.all('booking_blackouts')]);
    const declare = (payload: Record<string, unknown>) =>
      refusedWith(
        h.manager('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '停电', affected: 1, ...payload } as never),
      );
    const cases: [string, Record<string, unknown>, string][] = [
      ['a past day', { day: '2026-11-24', affected: 0 }, 'booking.blackoutPast'],
      ['a day already closed', { day: '2026-11-30', affected: 0 }, 'booking.blackoutExists'],
      ['a service on a day already closed', { day: '2026-11-30', serviceId: A, affected: 0 }, 'booking.blackoutExists'],
      ['an unknown service', { serviceId: 'H3301-s-ZZ' }, 'common.notFound'],
      ['no reason', { reason: '  ' }, 'input.required'],
      ['a day that does not exist', { day: '2026-02-30' }, 'input.format'],
      ['a malformed day', { day: '26/11/2026' }, 'input.format'],
      ['the wrong count', { affected: 0 }, 'booking.blackoutChanged'],
    ];
    for (const [what, payload, reason] of cases) expect([what, declare(payload)]).toEqual([what, reason]);
    expect(JSON.stringify([h.bookings(), h.hub.store.all('booking_blackouts')])).toBe(before);
    // Not for the kiosk.
    expect(refusedWith(h.kiosk('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '停电', affected: 1 }))).toBe(
      'FORBIDDEN',
    );
  });

  it('lifted (恢复预约): the day opens again, what it cancelled stays cancelled with its reason, and it can be declared anew', async () => {
    const h = await bookingHall();
    const mine = (await h.book(1)).json;
    type Declared = { blackout: { id: string }; cancelled: number };
    const { blackout } = ok(
      h.manager('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '停电检修', affected: 1 }),
    ) as Declared;
    const lifted = ok(h.manager('booking.liftBlackout', { id: blackout.id, reason: '已恢复供电' })) as {
      blackout: { lifted_at: number | null; lifted_by: string | null };
    };
    expect(lifted).toMatchObject({ stayCancelled: 1, blackout: { id: blackout.id, lift_reason: '已恢复供电', day: '2026-11-26' } });
    expect(lifted.blackout.lifted_at).toBe(h.clock());
    expect(lifted.blackout.lifted_by).not.toBeNull();
    // Its holder was told; the booking stays cancelled and still says why.
    expect((await h.post('/book/look', keyOf(mine.code, 1))).json).toMatchObject({ status: 'cancelled', cancelReason: '停电检修' });
    expect((await slotsOf(h)).find((d) => d.day === '2026-11-26')!.closed).toBeNull();
    expect((await h.book(2)).status).toBe(200);
    expect(JSON.parse(auditOf(h, 'booking.liftBlackout')[0]!.detail)).toMatchObject({ day: '2026-11-26', stayCancelled: 1 });
    // Lifted twice, or unknown: refused, nothing changed. A new blackout of the day counts the new booking.
    const before = JSON.stringify(h.hub.store.all('booking_blackouts'));
    expect(refusedWith(h.manager('booking.liftBlackout', { id: blackout.id, reason: '再次' }))).toBe('booking.blackoutLifted');
    expect(refusedWith(h.manager('booking.liftBlackout', { id: 'H3301-bb-nope', reason: '再次' }))).toBe('common.notFound');
    expect(refusedWith(h.manager('booking.liftBlackout', { id: blackout.id, reason: ' ' }))).toBe('input.required');
    expect(refusedWith(h.kiosk('booking.liftBlackout', { id: blackout.id, reason: '再次' }))).toBe('FORBIDDEN');
    expect(JSON.stringify(h.hub.store.all('booking_blackouts'))).toBe(before);
    const again = ok(
      h.manager('booking.declareBlackout', { day: '2026-11-26', serviceId: null, reason: '系统升级', affected: 1 }),
    ) as Declared;
    expect(again.cancelled).toBe(1);
    // Once the day is past, a blackout in force there stays as it was.
    h.setTime('2026-11-27T09:00:00');
    expect(refusedWith(h.manager('booking.liftBlackout', { id: again.blackout.id, reason: '补记' }))).toBe('booking.blackoutLiftPast');
  });
});

describe('moving a booking', () => {
  it('to another slot of the service, keeping its code: the old place is freed as the new one is taken', async () => {
    const h = await bookingHall();
    const mine = (await h.book(1)).json;
    const moved = await h.post('/book/move', { ...keyOf(mine.code, 1), day: '2026-11-27', start: '09:30' });
    expect(moved).toMatchObject({
      status: 200,
      json: { code: mine.code, day: '2026-11-27', start: '09:30', end: '10:00', status: 'booked' },
    });
    expect(h.bookings()).toHaveLength(1);
    expect(h.bookings()[0]).toMatchObject({ code: mine.code, day: '2026-11-27', start: '09:30', end: '10:00', status: 'booked' });
    expect(await leftIn(h, '2026-11-26', '09:00')).toBe(5);
    expect(await leftIn(h, '2026-11-27', '09:30')).toBe(1);
    // Audited without the code whole and without the ID.
    const [audit] = auditOf(h, 'booking.move');
    expect(JSON.parse(audit!.detail)).toEqual({ code: `${String(mine.code).slice(0, 2)}…`, day: '2026-11-27', start: '09:30' });
  });

  it('two people moving into the last place at once: one gets it, the other keeps their own', async () => {
    const h = await bookingHall();
    const a = (await h.book(20)).json;
    const b = (await h.book(21)).json;
    await h.book(22, '2026-11-26', '09:30');
    const answers = await Promise.all([
      h.post('/book/move', { ...keyOf(a.code, 20), day: '2026-11-26', start: '09:30' }),
      h.post('/book/move', { ...keyOf(b.code, 21), day: '2026-11-26', start: '09:30' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(reasonOf(answers.find((r) => r.status === 409)!)).toBe('booking.full');
    // Never two places held, never none: three bookings, two at 09:30 and one still at 09:00.
    const open = h.bookings().filter((r) => r.status === 'booked');
    expect(open.map((r) => r.start).sort()).toEqual(['09:00', '09:30', '09:30']);
  });

  it('refuses a wrong code or last 4, the same slot, a past day, a full slot, a blackout, a second booking that day, a blocked person, the cut-off', async () => {
    const h = await bookingHall();
    const mine = (await h.book(1)).json;
    const friday = (await h.book(1, '2026-11-27')).json;
    for (const n of [2, 3]) await h.book(n, '2026-11-30', '09:30');
    ok(h.manager('booking.declareBlackout', { day: '2026-12-01', serviceId: null, reason: '培训', affected: 0 }));
    const move = (body: Record<string, unknown>) =>
      h.post('/book/move', { ...keyOf(mine.code, 1), day: '2026-11-30', start: '09:00', ...body });
    const before = JSON.stringify(h.bookings());
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['an unknown code', { code: 'ABCD2345' }, 409, 'booking.wrongCode'],
      ['the wrong last 4', { idLast4: '0000' }, 409, 'booking.wrongCode'],
      ['a malformed last 4', { idLast4: '12' }, 400, 'VALIDATION_FAILED'],
      ['the same slot', { day: '2026-11-26', start: '09:00' }, 409, 'booking.sameSlot'],
      ['a past day', { day: '2026-11-24' }, 409, 'booking.dayNotBookable'],
      ['today', { day: '2026-11-25' }, 409, 'booking.dayNotBookable'],
      ['a slot that does not exist', { start: '11:00' }, 409, 'booking.noSuchSlot'],
      ['a full slot', { start: '09:30' }, 409, 'booking.full'],
      ['a blackout day', { day: '2026-12-01' }, 409, 'booking.blackout'],
      ['a day the person already has a booking', { day: '2026-11-27', start: '09:30' }, 409, 'booking.perDay'],
      ['an unknown field', { extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, body, status, reason] of cases) {
      const r = await move(body);
      const got = /^[A-Z_]+$/.test(reason) ? r.json.error?.code : reasonOf(r);
      expect([what, r.status, got]).toEqual([what, status, reason]);
    }
    expect(JSON.stringify(h.bookings())).toBe(before);
    // Within 2 hours of the slot: too late to move, as to cancel.
    h.setTime('2026-11-26T07:01:00');
    expect(reasonOf(await move({}))).toBe('booking.tooLateToMove');
    // A booking no longer open (the Thursday one missed) cannot move.
    h.setTime('2026-11-26T10:00:00');
    expect(reasonOf(await move({ day: '2026-11-30' }))).toBe('booking.notBooked');
    // Blocked after two no-shows: the Friday one, missed too, and the person's later booking cannot move.
    h.setTime('2026-11-27T12:00:00');
    expect(reasonOf(await h.book(1, '2026-12-02'))).toBe('booking.blocked');
    expect(h.bookings().find((b) => b.code === friday.code)).toMatchObject({ status: 'no_show' });
  });

  it('a blocked person’s booking made before the block cannot be moved', async () => {
    const h = await bookingHall();
    const later = (await h.book(7, '2026-12-01')).json;
    await h.book(7, '2026-11-26');
    await h.book(7, '2026-11-27');
    h.setTime('2026-11-27T12:00:00');
    expect(reasonOf(await h.post('/book/move', { ...keyOf(later.code, 7), day: '2026-12-02', start: '09:00' }))).toBe('booking.blocked');
    expect(h.bookings().find((b) => b.code === later.code)).toMatchObject({ day: '2026-12-01', status: 'booked' });
  });
});

describe('check-in at the kiosk by ID number', () => {
  it('matches the booking through the keyed hash, in the same window as by code; the number is kept nowhere', async () => {
    const h = await bookingHall();
    await h.book(1);
    const late = (await h.book(2)).json;
    h.setTime('2026-11-26T08:20:00');
    expect(refusedWith(h.kiosk('booking.checkInById', { idNumber: idFor(1) }))).toBe('booking.tooEarly');
    h.setTime('2026-11-26T08:40:00');
    const issued = ok(h.kiosk('booking.checkInById', { idNumber: ` ${idFor(1).toLowerCase()} ` }));
    expect(issued.late).toBe(false);
    expect(h.hub.store.get('tickets', (issued.ticket as { id: string }).id)).toMatchObject({
      priority: 'appointment',
      queue_key: at('2026-11-26T09:00:00'),
    });
    expect(refusedWith(h.kiosk('booking.checkInById', { idNumber: idFor(1) }))).toBe('booking.notBooked');
    // Late: a normal ticket, as by code.
    h.setTime('2026-11-26T09:20:00');
    expect(ok(h.kiosk('booking.checkInById', { idNumber: idFor(2) })).late).toBe(true);
    expect(h.bookings().find((b) => b.code === late.code)).toMatchObject({ status: 'checked_in' });
    // The whole number is nowhere: not in the database (audit included), not in the kiosk's or the display's replica.
    expect(wholeDb(h)).not.toContain(idFor(1));
    expect(wholeDb(h)).not.toContain(idFor(1).toLowerCase());
    expect(JSON.parse(auditOf(h, 'booking.checkInById').at(-1)!.detail)).toEqual({ idNumber: `110101********${idFor(2).slice(-4)}` });
    for (const role of ['kiosk', 'display'] as const) {
      const all = JSON.stringify(h.hub.snapshot(terminal(h.hub, role).id));
      expect(all).not.toContain(idFor(1));
      expect(all).not.toContain(idFor(1).slice(-4) + '"');
    }
  });

  it('refuses an invalid number, a person without a booking today, a missed slot: nothing issued', async () => {
    const h = await bookingHall();
    await h.book(1);
    await h.book(3, '2026-11-27');
    const badId = idFor(9).slice(0, 17) + (idFor(9).endsWith('0') ? '1' : '0');
    h.setTime('2026-11-26T08:45:00');
    const tickets = () => h.hub.store.all('tickets').length;
    const before = [tickets(), JSON.stringify(h.bookings())];
    const cases: [string, string, string][] = [
      ['a wrong check digit', badId, 'identity.idCheckDigit'],
      ['a short number', '1101011990', 'identity.idLength'],
      ['nobody’s booking', idFor(9), 'booking.noBookingToday'],
      ['a booking of another day', idFor(3), 'booking.noBookingToday'],
    ];
    for (const [what, idNumber, reason] of cases)
      expect([what, refusedWith(h.kiosk('booking.checkInById', { idNumber }))]).toEqual([what, reason]);
    expect(refusedWith(h.kiosk('booking.checkInById', { idNumber: 'x'.repeat(40) }))).toBe('input.tooLong');
    expect([tickets(), JSON.stringify(h.bookings())]).toEqual(before);
    h.setTime('2026-11-26T09:30:00');
    expect(refusedWith(h.kiosk('booking.checkInById', { idNumber: idFor(1) }))).toBe('booking.slotOver');
    // Not from a clerk's terminal.
    expect(refusedWith(h.clerk(0)('booking.checkInById', { idNumber: idFor(1) }))).toBe('FORBIDDEN');
  });
});

describe('a manager lifting a block', () => {
  it('by ID number with a reason, audited and listed; the no-shows before it no longer count, later ones do', async () => {
    const h = await bookingHall();
    await h.book(7, '2026-11-26');
    await h.book(7, '2026-11-27');
    h.setTime('2026-11-27T12:00:00');
    expect(reasonOf(await h.book(7, '2026-12-02'))).toBe('booking.blocked');
    const lifted = ok(h.manager('booking.liftBlock', { idNumber: idFor(7), reason: '系统故障误记爽约' }));
    expect(lifted).toEqual({ idMasked: `110101********${idFor(7).slice(-4)}`, until: '2027-02-27' });
    expect((await h.book(7, '2026-12-02')).status).toBe(200);
    // Listed on the board and audited, the person masked.
    const list = await h.hub.query(manager(h), { name: 'booking.blockLifts', params: {} });
    expect(list.ok && (list.result as { rows: BlockLiftRow[] }).rows).toEqual([
      {
        idMasked: lifted.idMasked,
        until: '2027-02-27',
        reason: '系统故障误记爽约',
        staffId: expect.any(String) as string,
        liftedAt: at('2026-11-27T12:00:00'),
      },
    ]);
    const [audit] = auditOf(h, 'booking.liftBlock');
    expect(JSON.parse(audit!.detail)).toEqual({ idNumber: lifted.idMasked, reason: '系统故障误记爽约', until: '2027-02-27' });
    expect(wholeDb(h)).not.toContain(idFor(7));
    // Nothing to lift now.
    expect(refusedWith(h.manager('booking.liftBlock', { idNumber: idFor(7), reason: '再次' }))).toBe('booking.notBlocked');
    // Two new no-shows block again (the 2 Dec booking, and one on 3 Dec).
    await h.book(7, '2026-12-03');
    h.setTime('2026-12-03T12:00:00');
    expect(reasonOf(await h.book(7, '2026-12-08'))).toBe('booking.blocked');
  });

  it('refuses an invalid number, a person not blocked, no reason, a clerk: nothing recorded', async () => {
    const h = await bookingHall();
    const badId = idFor(9).slice(0, 17) + (idFor(9).endsWith('0') ? '1' : '0');
    const lift = (payload: Record<string, unknown>) =>
      refusedWith(h.manager('booking.liftBlock', { idNumber: idFor(8), reason: '误记', ...payload } as never));
    expect(lift({ idNumber: badId })).toBe('identity.idCheckDigit');
    expect(lift({})).toBe('booking.notBlocked');
    expect(lift({ reason: '' })).toBe('input.required');
    expect(refusedWith(h.clerk(0)('booking.liftBlock', { idNumber: idFor(8), reason: '误记' }))).toBe('FORBIDDEN');
    expect(h.hub.db.prepare('SELECT count(*) AS n FROM booking_block_lifts').get()).toEqual({ n: 0 });
  });
});

describe('weekend working days', () => {
  it('a duty Saturday takes bookings only when the hall says so; the 调休 setting can close weekends', async () => {
    const h = await bookingHall();
    ok(h.manager('hall.setCaseSettings', { dutyDays: ['2026-11-28'] }));
    const days = async () => (await slotsOf(h)).map((d) => d.day);
    expect(await days()).toEqual(['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(reasonOf(await h.book(1, '2026-11-28'))).toBe('booking.dayNotBookable');
    ok(h.manager('hall.setBookingSettings', { weekendBooking: 'all' }));
    expect(await days()).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30', '2026-12-01']);
    // The duty Saturday offers Monday's slots (the hall's weekendWorkdayAs).
    expect((await slotsOf(h)).find((d) => d.day === '2026-11-28')!.slots.map((s) => s.start)).toEqual(['09:00', '09:30']);
    expect((await h.book(1, '2026-11-28')).status).toBe(200);
    expect(refusedWith(h.manager('hall.setBookingSettings', { weekendBooking: 'some' as never }))).toBe('input.format');
  });
});
