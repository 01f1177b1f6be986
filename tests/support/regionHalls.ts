import type { Hub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { Region } from '../../main/region/region';
import { actors, ok } from './actors';

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
