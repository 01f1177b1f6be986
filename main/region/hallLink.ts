import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { parseAnswer } from '../../shared/protocol/envelope';
import { FeedBatch, Snapshot, Welcome } from '../../shared/protocol/feed';
import { SubscribeAnswerSchema } from '../../shared/protocol/socket';
import type { CommandPayload, CommandType } from '../../shared/protocol';
import { touchesProxies, type ProxyLink, type ProxyRouter } from './proxy';
import { RegionDocuments } from './documents';
import { remakeRatingDays, reportClosedDays } from './reportDays';
import type { RegionHall, RegionStore } from './store';

export interface LinkState {
  hallId: string;
  status: 'connecting' | 'connected' | 'refused';
  /** Why the hall's hub was refused (another hall answered at the address, the token was refused). */
  problem: string | null;
  cursor: number;
}

/**
 * The region's link to one hall's hub, as a terminal of the role `region`: it subscribes from the
 * store's cursor on every (re)connect and lands every snapshot and batch in PostgreSQL. Messages
 * are handled one at a time, in the order they came, so a resubscription always asks from the
 * cursor of everything already received; a batch that does not follow on (a gap) asks again.
 * One hall's link never waits for another's. Downwards, it sends the hall each document version it
 * has not acknowledged, on every (re)connect and whenever one is published, one at a time.
 */
export class HallLink implements ProxyLink {
  private readonly socket: Socket;
  private chain: Promise<void> = Promise.resolve();
  private delivering: Promise<void> = Promise.resolve();
  private readonly documents: RegionDocuments;
  readonly state: LinkState;

  constructor(
    private readonly hall: RegionHall,
    private readonly store: RegionStore,
    private readonly log: (m: string) => void,
    private readonly clock: () => number = Date.now,
    /** Carries proxy cases between the halls (main/region/proxy): told when this link comes up and when proxy cases or cases come in. */
    private readonly proxy: ProxyRouter | null = null,
  ) {
    this.state = { hallId: hall.hallId, status: 'connecting', problem: null, cursor: hall.cursor };
    this.documents = new RegionDocuments(store, Date.now);
    this.socket = io(hall.hubUrl, { transports: ['websocket'], auth: { token: hall.token }, reconnectionDelayMax: 5000 });
    this.socket.on('welcome', (msg: unknown) => this.queue(() => this.welcome(msg)));
    this.socket.on('snapshot', (msg: unknown) => this.queue(() => this.snapshot(msg)));
    this.socket.on('feed', (msg: unknown) => this.queue(() => this.feed(msg)));
    this.socket.on('disconnect', (reason) => {
      this.state.status = this.state.status === 'refused' ? 'refused' : 'connecting';
      if (reason === 'io server disconnect' && this.state.status !== 'refused') this.socket.connect();
    });
    this.socket.on('connect_error', (e) => {
      if (e.message === 'UNAUTHENTICATED') this.refuse('the hall refused the region’s token (revoked?)');
    });
  }

  /** Resolves once everything received so far has landed in the store, and every delivery begun has its answer. */
  async settled(): Promise<void> {
    await this.chain;
    await this.delivering;
  }

  async close(): Promise<void> {
    this.socket.close();
    await this.chain;
    await this.delivering;
  }

  /**
   * Sends the hall the documents it lacks, after any delivery under way. A hall away now gets them
   * when it reconnects (welcome delivers again, a refused version too: the hall may have changed).
   */
  deliver({ retryRefused = false } = {}): Promise<void> {
    this.delivering = this.delivering
      .then(() => this.sendDocuments(retryRefused))
      .catch((e: unknown) => this.log(`hall ${this.hall.hallId}: documents not delivered: ${(e as Error).message}`));
    return this.delivering;
  }

  get connected(): boolean {
    return this.state.status === 'connected';
  }

  /** A command to the hall as its region terminal; throws when no answer comes (the link went down, or 30 s passed). */
  async command<T extends CommandType>(type: T, payload: CommandPayload<T>) {
    const raw: unknown = await this.socket.timeout(30_000).emitWithAck('command', { opId: `region-${randomUUID()}`, type, payload });
    return parseAnswer(type, raw);
  }

  private async sendDocuments(retryRefused: boolean): Promise<void> {
    if (!this.connected) return;
    const level = await this.documents.levelOf(this.hall.hallId);
    for (const document of await this.documents.pendingFor(this.hall.hallId, level, { retryRefused })) {
      const answer = await this.command('regionDoc.apply', { document, level });
      if (answer.ok) await this.documents.acknowledged(this.hall.hallId, document, level);
      else await this.documents.refused(this.hall.hallId, document, answer.error);
    }
  }

  private queue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((e: unknown) => {
      // A write that failed (PostgreSQL away) leaves the cursor where it was: start again from it.
      this.log(`hall ${this.hall.hallId}: ${(e as Error).message}; subscribing again`);
      this.socket.disconnect().connect();
    });
  }

  private refuse(problem: string): void {
    this.state.status = 'refused';
    this.state.problem = problem;
    this.log(`hall ${this.hall.hallId}: ${problem}`);
    this.socket.disconnect();
  }

  private async welcome(msg: unknown): Promise<void> {
    const w = Welcome.safeParse(msg);
    if (!w.success) return this.refuse('malformed welcome');
    if (w.data.hallId !== this.hall.hallId) return this.refuse(`another hall (${w.data.hallId}) answers at ${this.hall.hubUrl}`);
    if (w.data.role !== 'region') return this.refuse(`the token is a ${w.data.role} terminal's, not the region's`);
    const { epoch } = await this.store.cursor(this.hall.hallId);
    if (epoch !== w.data.epoch) await this.store.reset(this.hall.hallId, w.data.epoch);
    await this.subscribe();
    await this.reportDays();
    void this.deliver({ retryRefused: true });
    void this.proxy?.kick();
  }

  private async subscribe(): Promise<void> {
    const { seq } = await this.store.cursor(this.hall.hallId);
    this.state.cursor = seq;
    const raw: unknown = await this.socket.timeout(30_000).emitWithAck('subscribe', { since: seq });
    const answer = SubscribeAnswerSchema.safeParse(raw);
    if (!answer.success || !answer.data.ok) throw new Error(`subscribe refused: ${JSON.stringify(raw).slice(0, 200)}`);
    this.state.status = 'connected';
  }

  private async snapshot(msg: unknown): Promise<void> {
    const s = Snapshot.safeParse(msg);
    if (!s.success) throw new Error('malformed snapshot');
    await this.store.applySnapshot(this.hall.hallId, s.data);
    this.state.cursor = s.data.seq;
    await this.reportDays();
    void this.proxy?.kick();
  }

  private async feed(msg: unknown): Promise<void> {
    const b = FeedBatch.safeParse(msg);
    if (!b.success) throw new Error('malformed feed batch');
    // Decisions first: a batch may carry a case approved and concluded, and the rows keep its last state only.
    const proxied = touchesProxies(b.data.entries);
    if (proxied && this.proxy) await this.proxy.noteDecisions(this.hall.hallId, b.data.entries);
    const outcome = await this.store.applyBatch(this.hall.hallId, b.data);
    if (outcome === 'gap') await this.subscribe();
    else this.state.cursor = Math.max(this.state.cursor, b.data.to);
    // A proxy case moved here: the router takes it on (after the batch has landed, from the store).
    if (outcome !== 'applied') return;
    if (proxied) void this.proxy?.kick();
    // A day closed (or closed again): its report rows are made now; a rating or request changed:
    // the closed days' 好差评 it moved are made again.
    if (b.data.entries.some((e) => e.table === 'hall_days')) await this.reportDays();
    else if (b.data.entries.some((e) => e.table === 'ratings' || e.table === 'rating_requests'))
      await remakeRatingDays(this.store, this.hall.hallId, this.clock()).catch((e: unknown) =>
        this.log(`hall ${this.hall.hallId}: report days: ${(e as Error).message}`),
      );
  }

  /** The report rows of the closed days not made yet; a failure is logged and retried at the next close or connection. */
  private async reportDays(): Promise<void> {
    await reportClosedDays(this.store, this.hall.hallId, this.clock()).catch((e: unknown) =>
      this.log(`hall ${this.hall.hallId}: report days: ${(e as Error).message}`),
    );
  }
}
