import type { AddressInfo } from 'node:net';
import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { pdfBrowserOf } from '../../main/kernel/reportPdf';
import { regionHttp } from '../../main/region/http';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { Supervisors } from '../../main/region/supervisors';
import { actors, ok } from './actors';
import { demoHub, onCleanup, until } from './hub';
import { throwawayPostgres } from './pg';

/** Three halls for the regional server's tests: two counties' centres and a township's. */
export const REGION_HALLS = [
  { id: 'H3302', code: 'H3302', name: '甲县政务服务中心' },
  { id: 'H3303', code: 'H3303', name: '乙县政务服务中心' },
  { id: 'H3304', code: 'H3304', name: '丙镇便民服务中心' },
];

/** A morning's work at a hall: tickets issued, called, served at the first counters. */
export function work(hub: Hub, tickets: number): void {
  const a = actors(hub);
  const h = hub.hallId;
  for (let c = 1; c <= 2; c++) {
    const clerk = a.clerk(c - 1);
    clerk('counter.signIn', { counterId: `${h}-c-0${c}`, login: `c0${c}`, password: DEMO_PASSWORD });
  }
  for (let i = 0; i < tickets; i++) ok(a.kiosk('ticket.issue', { serviceId: `${h}-s-A`, priority: 'normal', confirm: null }));
  for (let i = 0; i < tickets; i++) {
    const clerk = a.clerk(i % 2);
    const counterId = `${h}-c-0${(i % 2) + 1}`;
    if (!clerk('ticket.callNext', { counterId }).ok) continue;
    ok(clerk('ticket.start', { counterId }));
    ok(clerk('ticket.finish', { counterId, handledServiceIds: [`${h}-s-A`] }));
  }
}

/** The hall's administrator makes a region terminal, and the region enrolls with its one-time code. */
export async function enrollRegion(region: Region, hub: Hub): Promise<void> {
  const made = ok(actors(hub).manager('terminal.create', { role: 'region', name: '市级监管', counterId: null, zone: '' })) as unknown as {
    code: string;
  };
  await region.addHall(hub.url, made.code);
}

export const REGION_PASSWORD = 'Region#2026';

/**
 * The region over the three halls placed in a network — 示范市 › 甲县 (its centre, and 丙镇 below it)
 * and 乙县 — with a city supervisor (shi) and 甲县's (jia), serving its board on a free port. The
 * halls and the region share `clock` (a test's manual clock moves them all).
 */
export async function regionNetwork({ clock = Date.now }: { clock?: () => number } = {}) {
  const db = await throwawayPostgres();
  const hubs = await Promise.all(REGION_HALLS.map((hall) => demoHub({ hall, clock })));
  const region = await Region.start(RegionStore.connect(db.url), () => {}, clock);
  onCleanup(() => region.close());
  for (const hub of hubs) await enrollRegion(region, hub);
  const supervisors = new Supervisors(region.store, Date.now);
  await supervisors.addNode({ id: 'city', parentId: null, level: 'city', name: '示范市' });
  await supervisors.addNode({ id: 'jx', parentId: 'city', level: 'county', name: '甲县' });
  await supervisors.addNode({ id: 'yx', parentId: 'city', level: 'county', name: '乙县' });
  await supervisors.addNode({ id: 'bz', parentId: 'jx', level: 'township', name: '丙镇' });
  await supervisors.placeHall('H3302', 'jx');
  await supervisors.placeHall('H3303', 'yx');
  await supervisors.placeHall('H3304', 'bz');
  await supervisors.add({ login: 'shi', name: '市监管科', nodeId: 'city', password: REGION_PASSWORD });
  await supervisors.add({ login: 'jia', name: '甲县监管股', nodeId: 'jx', password: REGION_PASSWORD });
  const url = await serveBoard(region, supervisors, clock);
  return { hubs, region, url, pgUrl: db.url };
}

/**
 * The village line of the process tests — 示范市 › 甲县 › 丁镇 › 丁村 — with the halls placed at
 * their nodes and the city supervisor (shi); answers the supervisors.
 */
export async function villageLine(store: RegionStore, places: Readonly<Record<string, 'city' | 'jx' | 'dz' | 'dc'>>): Promise<Supervisors> {
  const supervisors = new Supervisors(store, Date.now);
  await supervisors.addNode({ id: 'city', parentId: null, level: 'city', name: '示范市' });
  await supervisors.addNode({ id: 'jx', parentId: 'city', level: 'county', name: '甲县' });
  await supervisors.addNode({ id: 'dz', parentId: 'jx', level: 'township', name: '丁镇' });
  await supervisors.addNode({ id: 'dc', parentId: 'dz', level: 'village', name: '丁村' });
  for (const [hallId, nodeId] of Object.entries(places)) await supervisors.placeHall(hallId, nodeId);
  await supervisors.add({ login: 'shi', name: '市监管科', nodeId: 'city', password: REGION_PASSWORD });
  return supervisors;
}

/** The region's board and API on a free port, closed after the test; its address. */
export async function serveBoard(region: Region, supervisors: Supervisors, clock: () => number = Date.now): Promise<string> {
  const http = regionHttp({ region, supervisors, rendererDir: 'dist/renderer', clock, log: () => {}, pdfBrowser: pdfBrowserOf(undefined) });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => http.close(() => resolve())));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** Resolves once the region has landed everything each hall has written so far. */
export async function caughtUp(region: Region, hubs: readonly Hub[]): Promise<void> {
  for (const hub of hubs)
    await until(() => region.states().find((s) => s.hallId === hub.hallId)?.cursor === hub.store.currentSeq, `${hub.hallId} caught up`);
  await region.settled();
}

/** Polls a condition on processes outside the test (the hubs, the region, PostgreSQL). */
export async function eventually(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out: ${what}`);
}

/** A supervisor's session token at the region's board. */
export async function supervisorToken(url: string, login: string): Promise<string> {
  const answer = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: REGION_PASSWORD }),
  });
  if (answer.status !== 200) throw new Error(`${login} did not sign in: ${answer.status}`);
  return ((await answer.json()) as { token: string }).token;
}
