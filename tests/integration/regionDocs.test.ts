import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { hallCalendar } from '../../main/hub/features/calendar/calendar';
import { DocumentsBoard } from '../../shared/regiondocs/board';
import { actors, err, ok } from '../support/actors';
import { newCase } from '../support/cases';
import { manualClock, until } from '../support/hub';
import { Supervisors } from '../../main/region/supervisors';
import { caughtUp, eventually, REGION_HALLS, regionNetwork, supervisorToken } from '../support/regionHalls';

/** A made-up 2027: National Day from 1 to 7 October, with the Sunday before and the Saturday after worked (调休). */
const YEAR_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workdays: ['2027-09-26', '2027-10-09'],
};

const call = async (url: string, token: string, path: string, body?: unknown) => {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('documents sent down from the region to every hall', () => {
  it('a year entered once for the city is applied and acknowledged by every hall and moves its due days; a local day off flows up', async () => {
    // Friday 24 September 2027, 09:00 in the halls.
    const clock = manualClock(Date.parse('2027-09-24T01:00:00Z'));
    const { hubs, region, url } = await regionNetwork({ clock });
    const [jia] = hubs;
    const h = jia!.hallId;
    const clerk = actors(jia!).clerk(0);
    ok(clerk('counter.signIn', { counterId: `${h}-c-01`, login: 'c01', password: DEMO_PASSWORD }));
    const registered = newCase({ counterId: `${h}-c-01`, itemId: `${h}-item-001`, at: clock() });
    ok(clerk('case.register', registered));
    ok(clerk('case.step', { caseId: registered.caseId, counterId: `${h}-c-01`, at: clock(), action: 'accept' }));
    // 2027 is not in the holiday-data package: every weekday counts. 10 and 15 working days after Friday 24 September.
    expect(jia!.store.get('cases', registered.caseId)).toMatchObject({ promised_due: '2027-10-08', statutory_due: '2027-10-15' });

    const shi = await supervisorToken(url, 'shi');
    const jiaToken = await supervisorToken(url, 'jia');
    // A county supervisor sees the documents but may not publish for the city.
    expect(await call(url, jiaToken, '/api/documents', { kind: 'calendar', content: YEAR_2027 })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    // A malformed year is refused whole: a day outside the year, a day both off and worked, no date at all.
    for (const content of [
      { ...YEAR_2027, holidays: ['2028-01-01'] },
      { ...YEAR_2027, workdays: ['2027-10-01'] },
      { ...YEAR_2027, holidays: ['2027-02-30'] },
    ])
      expect(await call(url, shi, '/api/documents', { kind: 'calendar', content })).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED' } },
      });
    expect((await call(url, shi, '/api/documents', { kind: 'calendar', content: YEAR_2027 })).body).toEqual({
      kind: 'calendar',
      key: '2027',
      version: 1,
      created: true,
    });
    // The same content again makes no new version.
    expect((await call(url, shi, '/api/documents', { kind: 'calendar', content: YEAR_2027 })).body).toMatchObject({
      version: 1,
      created: false,
    });

    const board = async (token = shi) => DocumentsBoard.parse((await call(url, token, '/api/documents')).body);
    await eventually(
      async () => (await board()).halls.every((hall) => hall.docs[0]?.acked?.version === 1),
      'every hall acknowledged 2027 v1',
    );
    await caughtUp(region, hubs);
    for (const hub of hubs) {
      expect(hub.store.get('region_documents', `${hub.hallId}:calendar:2027`)).toMatchObject({ version: 1, applied_at: clock() });
      expect(hub.store.get('calendar_years', `${hub.hallId}:2027`)).toMatchObject({ source: 'region' });
      expect(hallCalendar(hub.store.db, hub.hallId).isWorkingDay('2027-10-04')).toBe(false);
    }
    // The running case's due days follow the pushed year: the Sunday worked counts, National Day does not.
    expect(jia!.store.get('cases', registered.caseId)).toMatchObject({ promised_due: '2027-10-13', statutory_due: '2027-10-20' });
    // The board shows what each hall applied (from its own rows, come up the feed) and when it acknowledged.
    const first = await board();
    expect(first.mayPublish).toBe(true);
    expect(first.halls.map((x) => x.hallId).sort()).toEqual(REGION_HALLS.map((x) => x.id));
    expect(first.halls[0]!.docs[0]).toMatchObject({
      kind: 'calendar',
      key: '2027',
      applied: { version: 1, appliedAt: clock() },
      refused: null,
    });

    // The year is the city's: the hall cannot replace it, only add its own days off.
    expect(actors(jia!).manager('calendar.setYear', { year: 2027, holidays: ['2027-01-01'], workdays: [] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'regiondoc.yearFromRegion' },
    });
    // 甲县's administrator closes the hall on 12 October (a local festival): its due days move again, and the region sees why.
    const admin = actors(jia!).manager;
    expect(err(admin('regionDoc.addOverride', { type: 'extra_holiday', year: 2028, day: '2028-01-03', note: '' }))).toBe('NOT_FOUND');
    expect(err(admin('regionDoc.addOverride', { type: 'extra_holiday', year: 2027, day: '2027-10-01', note: '' }))).toBe(
      'VALIDATION_FAILED',
    );
    const made = ok(admin('regionDoc.addOverride', { type: 'extra_holiday', year: 2027, day: '2027-10-12', note: '县庆' })) as {
      override: { id: string };
    };
    expect(jia!.store.get('cases', registered.caseId)).toMatchObject({ promised_due: '2027-10-14', statutory_due: '2027-10-21' });
    // A case registered afterwards is counted by the same year.
    const later = newCase({ counterId: `${h}-c-01`, itemId: `${h}-item-001`, at: clock() });
    ok(clerk('case.register', later));
    ok(clerk('case.step', { caseId: later.caseId, counterId: `${h}-c-01`, at: clock(), action: 'accept' }));
    expect(jia!.store.get('cases', later.caseId)).toMatchObject({ promised_due: '2027-10-14' });
    await caughtUp(region, hubs);
    const withOverride = await board();
    expect(withOverride.halls.find((x) => x.hallId === h)!.overrides).toEqual([
      { id: made.override.id, kind: 'calendar', key: '2027', type: 'extra_holiday', value: '2027-10-12', note: '县庆', madeAt: clock() },
    ]);
    expect(withOverride.halls.filter((x) => x.hallId !== h).every((x) => x.overrides.length === 0)).toBe(true);
    // 甲县's supervisor sees 甲县 and 丙镇 only.
    expect((await board(jiaToken)).halls.map((x) => x.hallId).sort()).toEqual(['H3302', 'H3304']);

    // A second version (an added day off) reaches every hall; the hall's own day off stays on top of it.
    const v2 = { ...YEAR_2027, holidays: [...YEAR_2027.holidays, '2027-10-08'] };
    expect((await call(url, shi, '/api/documents', { kind: 'calendar', content: v2 })).body).toMatchObject({ version: 2, created: true });
    await eventually(async () => (await board()).halls.every((hall) => hall.docs[0]?.acked?.version === 2), 'every hall acknowledged v2');
    expect(jia!.store.get('cases', registered.caseId)).toMatchObject({ promised_due: '2027-10-15' });
    // Revoked, the local day off counts as the city's calendar says again.
    ok(admin('regionDoc.revokeOverride', { id: made.override.id }));
    expect(err(admin('regionDoc.revokeOverride', { id: made.override.id }))).toBe('VALIDATION_FAILED');
    expect(jia!.store.get('cases', registered.caseId)).toMatchObject({ promised_due: '2027-10-14' });
    await caughtUp(region, hubs);
    expect((await board()).halls.every((x) => x.overrides.length === 0)).toBe(true);

    // Both ends audit: the hall its commands, the region the publishing and every hall's answer.
    const hallAudit = jia!.store.db.prepare("SELECT type FROM audit WHERE type LIKE 'regionDoc.%' ORDER BY rowid").all() as {
      type: string;
    }[];
    expect(hallAudit.map((a) => a.type)).toEqual(
      expect.arrayContaining(['regionDoc.apply', 'regionDoc.addOverride', 'regionDoc.revokeOverride']),
    );
    const { rows } = await region.store.pool.query<{ action: string; n: number }>(
      "SELECT action, count(*)::int AS n FROM region_audit WHERE action LIKE 'document.%' GROUP BY action ORDER BY action",
    );
    expect(rows).toEqual([
      { action: 'document.ack', n: 6 },
      { action: 'document.publish', n: 3 },
      { action: 'document.publish.refused', n: 1 },
    ]);
  });

  it('the proxy catalog tells each hall its own level’s list, and again when the region places the hall elsewhere', async () => {
    const { hubs, region, url } = await regionNetwork();
    const shi = await supervisorToken(url, 'shi');
    const levels = { county: ['SX-AMR-001', 'SX-AMR-002'], township: ['SX-AMR-001'], village: [] };
    expect((await call(url, shi, '/api/documents', { kind: 'proxy_catalog', content: { levels } })).status).toBe(201);
    const bing = hubs[2]!;
    const levelAt = (hub: (typeof hubs)[number]) => hub.store.get('region_documents', `${hub.hallId}:proxy_catalog:levels`)?.hall_level;
    await until(() => hubs.every((hub) => levelAt(hub) !== undefined), 'every hall applied the catalog');
    expect(hubs.map(levelAt)).toEqual(['county', 'county', 'township']);
    // 丙镇's hall becomes 甲县's second centre: on the next delivery it learns its list is the county's.
    await new Supervisors(region.store, Date.now).placeHall(bing.hallId, 'jx');
    await region.deliverDocuments();
    expect(levelAt(bing)).toBe('county');
    const { rows } = await region.store.pool.query<{ level: string; version: number }>(
      "SELECT level, version FROM region_document_acks WHERE hall_id = $1 AND kind = 'proxy_catalog'",
      [bing.hallId],
    );
    expect(rows).toEqual([{ level: 'county', version: 1 }]);
    // Nothing is pending afterwards: the next delivery sends nothing (no hall answers again).
    const acks = async () =>
      (await region.store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM region_audit WHERE action = 'document.ack'")).rows[0]!
        .n;
    const before = await acks();
    expect(before).toBe(4);
    await region.deliverDocuments();
    expect(await acks()).toBe(before);
  });
});
