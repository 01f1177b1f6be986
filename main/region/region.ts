import { z } from 'zod';
import { HallLink, type LinkState } from './hallLink';
import { ProxyRouter } from './proxy';
import type { RegionHall, RegionStore } from './store';

/** What a hall's hub answers when the region exchanges its one-time code (POST /enroll). */
const Enrolled = z.object({ role: z.literal('region'), token: z.string().min(1), hallId: z.string().min(1), hallName: z.string() });

/**
 * Enrolls at the hall's hub with a one-time code for a `region` terminal and records the hall.
 * Hall ids are the halls' codes, unique in the region: a second hall answering with an id already
 * followed is refused (its rows would mix with the first's), unless `replace` says it is the same
 * hall, moved or enrolled again.
 */
export async function enrollHall(
  store: RegionStore,
  hubUrl: string,
  code: string,
  { replace = false }: { replace?: boolean } = {},
): Promise<{ hallId: string; hallName: string }> {
  const response = await fetch(new URL('/enroll', hubUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const answer = Enrolled.safeParse(await response.json().catch(() => null));
  if (!answer.success)
    throw new Error(`the hall at ${hubUrl} did not enroll the region: the code is wrong, used, expired, or not a region terminal's`);
  const { hallId, hallName, token } = answer.data;
  const known = (await store.halls()).find((h) => h.hallId === hallId);
  if (known && !replace)
    throw new Error(
      `hall ${hallId} is already followed at ${known.hubUrl}: give each hall its own code (--hall-code), or add with --replace if it is the same hall`,
    );
  await store.addHall({ hallId, name: hallName, hubUrl, token });
  return { hallId, hallName };
}

/**
 * The regional server's ingest: one link per hall in the store, started together; a hall is added
 * with its hub's address and a one-time enrollment code for a `region` terminal made at the hall.
 */
export class Region {
  private readonly links = new Map<string, HallLink>();
  /** Carries the points' proxy cases up to the halls that decide them, and their steps back. */
  readonly proxy: ProxyRouter;

  private constructor(
    readonly store: RegionStore,
    private readonly log: (m: string) => void,
    private readonly clock: () => number,
  ) {
    this.proxy = new ProxyRouter(store, () => this.links, log, clock);
  }

  /** `clock`: the time 好差评 requests are judged at (expired or not) as the days' report rows are made. */
  static async start(store: RegionStore, log: (m: string) => void, clock: () => number = Date.now): Promise<Region> {
    await store.migrate();
    const region = new Region(store, log, clock);
    for (const hall of await store.halls()) region.links.set(hall.hallId, region.link(hall));
    return region;
  }

  /** Enrolls the hall (see enrollHall) and starts following it. */
  async addHall(hubUrl: string, code: string, opts: { replace?: boolean } = {}): Promise<{ hallId: string; hallName: string }> {
    const added = await enrollHall(this.store, hubUrl, code, opts);
    await this.links.get(added.hallId)?.close();
    const hall = (await this.store.halls()).find((h) => h.hallId === added.hallId)!;
    this.links.set(added.hallId, this.link(hall));
    return added;
  }

  /** Starts following the halls another process added to the store (`add-hall`) since. */
  async followNewHalls(): Promise<void> {
    for (const hall of await this.store.halls()) if (!this.links.has(hall.hallId)) this.links.set(hall.hallId, this.link(hall));
  }

  private link(hall: RegionHall): HallLink {
    return new HallLink(hall, this.store, this.log, this.clock, this.proxy);
  }

  /** Sends every connected hall the documents it lacks (after a publish); the others get them when they reconnect. */
  async deliverDocuments(): Promise<void> {
    await Promise.all([...this.links.values()].map((l) => l.deliver()));
  }

  states(): LinkState[] {
    return [...this.links.values()].map((l) => ({ ...l.state }));
  }

  /** Resolves once everything each hall has sent so far has landed. */
  async settled(): Promise<void> {
    await Promise.all([...this.links.values()].map((l) => l.settled()));
    await this.proxy.settled();
  }

  private closed = false;

  /** Stops following the halls and closes the store; again, nothing more. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.links.values()].map((l) => l.close()));
    await this.proxy.settled();
    await this.store.close();
  }
}
