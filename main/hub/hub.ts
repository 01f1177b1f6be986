import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { systemClock, type Clock } from '../../shared/kernel/clock';
import type { QueryAnswer, Snapshot, WireAnswer } from '../../shared/protocol';
import { hubMigrations } from '../db/migrations';
import { writeFileDurably } from '../db/durableFile';
import { openDatabase, ownerOnlyDir, SQLITE_CACHE_KIB, type Db } from '../db/open';
import type { AuditReport } from '../../shared/hall/commands';
import { AuditLog, ensureAuditKey } from './commands/audit';
import type { Caller } from './commands/context';
import { Executor } from './commands/executor';
import { startControl } from './control/server';
import { ensurePackageCalendar } from './features/calendar/calendar';
import { enrollmentEndpoint } from './http/enroll';
import { ratingEndpoint } from './http/rate';
import { bookingEndpoint } from './http/book';
import { hostCheck } from './http/hosts';
import { ReportRebuilds } from './features/reports/rebuild';
import { MonthlyPacks, pdfBrowserOf } from './features/reports/monthlyPack';
import { AlertEpisodes } from './features/archive/alertEpisodes';
import { httpServer, type HealthReport, type PublicHealth } from './http/server';
import { staticFiles } from '../kernel/staticFiles';
import { checkQuery } from './queries/request';
import { QueryWorker, startQueryWorker } from './queries/worker';
import { HALL_LIMITS, type Limits } from './limits';
import { DataDirLock } from './lock';
import { Backups } from './backup/schedule';
import { defaultBackupSettings, type BackupSettings } from '../../shared/backup/settings';
import { parseQueueSettings } from '../../shared/queue/settings';
import { refreshPinyinKeys } from './features/catalog/pinyinKeys';
import { DEMO_HALL, DEMO_TOKENS_FILE, reissueDemoTokens, seedDemoHall, seedHall, type DemoTerminal, type HallIdentity } from './seed';
import { Store } from './store';
import { terminalByToken } from './sync/auth';
import { startSync } from './sync/server';
import { loadOrCreateTls } from './tls';

export type { HealthReport, PublicHealth } from './http/server';
export const HUB_VERSION = '0.1.0';

export interface HubOptions {
  dataDir: string;
  port: number;
  host?: string;
  clock?: Clock;
  /** Seed the demo hall when the data dir is new (the standalone default). */
  demo?: boolean;
  /** The hall to create when the data dir is new (with `demo`, the demo hall under this identity). */
  hall?: HallIdentity;
  /** Feed entries kept for catching up; an older cursor gets a snapshot. */
  feedRetention?: number;
  rendererDir?: string;
  log?: (msg: string) => void;
  /** Serve https and wss with the hall's self-signed certificate (made on first start, pinned by terminals). */
  tls?: boolean;
  /** What one terminal or address may ask in a given time (default HALL_LIMITS). */
  limits?: Limits;
  /** Names the hub answers to besides its bind address and this PC's loopback names (and its addresses when bound to all). */
  allowedHosts?: string[];
  /** Answer operators' operations (init-admin, create-terminal, backup) on DATA/control.sock (default on). */
  control?: boolean;
  /** Scheduled backups (default: none scheduled; on-demand ones still work) and the administrator's key for them. */
  backup?: { settings: BackupSettings; key: Buffer | null };
  /** The browser that prints the monthly report pack's PDF (default /usr/bin/chromium when installed; null: XLSX only). */
  pdfBrowser?: string | null;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly hallId: string;
  readonly db: Db;
  readonly store: Store;
  /** Tokens of the demo terminals, when this start seeded the demo hall or issued them anew (see keepDemoTokens). */
  readonly demoTerminals: DemoTerminal[];
  /** The certificate's SHA-256 fingerprint when serving TLS. */
  readonly tlsFingerprint: string | null;
  health(): HealthReport;
  /** Every replicated table as the terminal `terminalId` may see it (its role and scope), now. */
  snapshot(terminalId: string): Snapshot;
  verifyAudit(): AuditReport;
  /** The hall's backups: on demand, scheduled, their status. */
  readonly backups: Backups;
  /** The monthly report pack written after month end (when the administrator turned it on). */
  readonly packs: MonthlyPacks;
  /** The staff members' alert episodes, recorded each minute for their archive. */
  readonly alertEpisodes: AlertEpisodes;
  /** Runs a command as `caller`, broadcasting its changes, exactly as a socket command would. */
  execute(caller: Caller, envelope: unknown): WireAnswer;
  /** Answers a read-only query as `caller`, exactly as a socket query would (in the query worker). */
  query(caller: Caller, request: unknown): Promise<QueryAnswer>;
  /** reports.rebuild's days being written after its command (its progress; when it ends). */
  readonly rebuilds: Pick<ReportRebuilds, 'progress' | 'whenIdle'>;
  close(): Promise<void>;
}

/** A hall's data dir, opened and locked: its store, audit chain and executor, listening on nothing. */
export interface OpenHall {
  readonly db: Db;
  readonly dbFile: string;
  readonly store: Store;
  readonly audit: AuditLog;
  readonly executor: Executor;
  readonly hall: { id: string; name: string };
  readonly epoch: string;
  readonly demoTerminals: DemoTerminal[];
  /** Closes the database and releases the data dir (the audit head brought up to date first). */
  close(): void;
}

/**
 * Opens a hall's data dir as its one writer: takes the lock (HUB_ALREADY_RUNNING while a hub holds
 * it), migrates, seeds a new hall, anchors the audit chain. The hub listens on top of it; an
 * operation run while no hub does (npm run hub -- init-admin) uses it alone, binding no port.
 */
export function openHall(opts: Pick<HubOptions, 'dataDir' | 'clock' | 'demo' | 'hall' | 'log'>): OpenHall {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  ownerOnlyDir(opts.dataDir);
  const lock = DataDirLock.acquire(opts.dataDir);
  let db: Db | undefined;
  try {
    const dbFile = path.join(opts.dataDir, 'hall.db');
    let feedBeforeMigrating: number | null = null;
    db = openDatabase(dbFile, {
      migrations: hubMigrations,
      synchronous: 'FULL',
      cacheKib: SQLITE_CACHE_KIB,
      backupBeforeMigrating: path.join(opts.dataDir, 'pre-migration'),
      beforeMigrating: (old) => {
        feedBeforeMigrating = (old.prepare('SELECT coalesce(max(seq), 0) AS s FROM feed').get() as { s: number }).s;
      },
    });
    return prepareHall(db, dbFile, lock, opts, clock, log, feedBeforeMigrating);
  } catch (e) {
    db?.close();
    lock.release();
    throw e;
  }
}

function prepareHall(
  db: Db,
  dbFile: string,
  lock: DataDirLock,
  opts: Pick<HubOptions, 'dataDir' | 'demo' | 'hall'>,
  clock: Clock,
  log: (m: string) => void,
  /** The feed's last seq before this start's migrations ran (null: none ran). */
  feedBeforeMigrating: number | null,
): OpenHall {
  const store = new Store(db, clock, log);
  // Before anything is written: every write, seeding included, is vouched for by the audit chain.
  const audit = new AuditLog(db, ensureAuditKey(opts.dataDir), opts.dataDir, clock);
  audit.attach(store, log, feedBeforeMigrating);

  let seeded: DemoTerminal[] = [];
  if (!db.prepare('SELECT 1 FROM halls').get()) {
    // The hall and its epoch commit together: a first start killed midway leaves an empty database,
    // seeded afresh by the next start, never a hall without an epoch.
    store.transaction(() => {
      if (opts.demo) seeded = seedDemoHall(store, clock(), opts.hall);
      else seedHall(store, opts.hall ?? { ...DEMO_HALL, name: '政务服务大厅' });
      db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(randomUUID());
    });
  }
  const demoTerminals = opts.demo ? keepDemoTokens(opts.dataDir, store, seeded, log) : [];
  const hall = db.prepare('SELECT id, name FROM halls LIMIT 1').get() as { id: string; name: string };
  ensurePackageCalendar(store, hall.id);
  refreshPinyinKeys(store);
  const epoch = (db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string }).value;
  const executor = new Executor(store, hall.id, clock, audit, log);
  return {
    db,
    dbFile,
    store,
    audit,
    executor,
    hall,
    epoch,
    demoTerminals,
    close() {
      audit.flushHead(log);
      db.close();
      lock.release();
    },
  };
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  const opened = openHall(opts);
  try {
    return await listen(opened, opts, clock, log);
  } catch (e) {
    opened.close();
    throw e;
  }
}

async function listen(opened: OpenHall, opts: HubOptions, clock: Clock, log: (m: string) => void): Promise<Hub> {
  const { db, dbFile, store, audit, executor, hall, epoch, demoTerminals } = opened;
  const startedAt = clock();

  // Reads run in a worker on their own read-only connection: a long report leaves the event loop to calls.
  const queryWorker = new QueryWorker(() => startQueryWorker(dbFile), log);
  function query(caller: Caller, request: unknown): Promise<QueryAnswer> {
    const session = caller.role === 'manager' ? () => executor.sessionStaff(caller.terminalId) : undefined;
    const checked = checkQuery(caller, request, clock(), session);
    return checked.ok ? queryWorker.run(checked.job) : Promise.resolve(checked);
  }

  const tls = opts.tls ? await loadOrCreateTls(opts.dataDir, clock()) : null;
  const limits = opts.limits ?? HALL_LIMITS;
  const backups = new Backups(
    { db, dataDir: opts.dataDir, hall, clock },
    opts.backup?.settings ?? defaultBackupSettings,
    opts.backup?.key ?? null,
    () => parseQueueSettings(store.get('halls', hall.id)!.queue_settings).utcOffsetMinutes,
    log,
  );
  const packs = new MonthlyPacks({ db, store, hall, clock }, opts.pdfBrowser === null ? null : pdfBrowserOf(opts.pdfBrowser), log);
  const alertEpisodes = new AlertEpisodes(db, hall.id, clock, (job) => queryWorker.run(job));
  // A full disk, or backups failing or missing: the hall's records are at risk until someone acts.
  const publicHealth = (): PublicHealth => ({
    status: store.storageFault || backups.unhealthy ? 'degraded' : 'up',
    tlsFingerprint: tls?.fingerprint ?? null,
  });
  const health = (): HealthReport => ({
    ...publicHealth(),
    ok: true,
    storage: store.storageFault,
    backup: backups.status(),
    // A monthly pack that failed (the board alerts too): the hall's records are safe, a file is missing.
    reportPack: packs.status().failing,
    version: HUB_VERSION,
    hallId: hall.id,
    hallName: hall.name,
    seq: store.currentSeq,
    terminals: sync.terminals(),
    uptimeMs: clock() - startedAt,
    reportsRebuild: rebuilds.progress,
  });
  // Anyone may ask whether the hub is up; what it holds and who is connected is for the hall's managers.
  const byToken = terminalByToken(db);
  const hostAllowed = hostCheck(opts.host ?? '127.0.0.1', opts.allowedHosts ?? []);
  const http = httpServer(
    {
      hostAllowed,
      health: (token) => (byToken(token)?.role === 'manager' ? health() : publicHealth()),
      enroll: enrollmentEndpoint({ db, executor, clock, hall, perAddress: limits.enrollPerAddress }),
      rate: ratingEndpoint({
        store,
        executor,
        clock,
        hallId: hall.id,
        perAddress: limits.ratePerAddress,
        isTerminal: (token) => byToken(token) !== undefined,
        // Called only once the hub listens, after sync exists.
        publish: (entries) => sync.publish(entries),
      }),
      book: bookingEndpoint({
        store,
        executor,
        clock,
        hallId: hall.id,
        book: { perAddress: limits.bookPerAddress, isTerminal: (token) => byToken(token) !== undefined },
        follow: { perAddress: limits.followPerAddress, isTerminal: (token) => byToken(token) !== undefined },
      }),
      files: staticFiles(opts.rendererDir ?? defaultRendererDir()),
    },
    tls,
    log,
  );
  const rebuilds = new ReportRebuilds(store, hall.id, log);
  const sync = startSync(http, {
    db,
    store,
    executor,
    hall,
    epoch,
    clock,
    retention: opts.feedRetention ?? 200_000,
    tlsFingerprint: tls?.fingerprint ?? null,
    query,
    limits,
    hostAllowed,
    rebuilds,
    log,
    // The answer has gone; how it went is in backup.status (and the log).
    backup: () => void backups.run().catch(() => {}),
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const scheme = tls ? 'https' : 'http';
  log(
    `hub ${hall.name} (${hall.id}) listening on ${scheme}://${opts.host ?? '127.0.0.1'}:${port}, data ${opts.dataDir}${tls ? `, certificate SHA-256 ${tls.fingerprint}` : ''}`,
  );

  const control =
    opts.control === false
      ? null
      : await startControl(
          opts.dataDir,
          {
            store,
            executor,
            hallId: hall.id,
            clock,
            publish: sync.publish,
            backup: async (folder, key) => (await backups.run([folder], key))[0]!,
          },
          log,
        ).catch(async (e: unknown) => {
          await sync.close();
          await queryWorker.close();
          throw e;
        });

  // A full disk clears without a restart: the next write that works clears it, and this one tries
  // while no command comes, so that health says so at once.
  const storageProbe = setInterval(() => store.probeStorage(), 5000).unref();
  // The schedules are checked each minute against the hub's clock; a closed day is backed up at once.
  const minuteTimer = setInterval(() => {
    void backups.tick();
    void packs.tick();
    // A full disk or a worker that could not answer: the next minute tries again (the alerts
    // themselves are on the board regardless).
    alertEpisodes.tick().catch((e: unknown) => log(`alert episodes not recorded: ${(e as Error).message}`));
  }, 60_000).unref();
  store.onCommit((entries) => {
    if (entries.some((e) => e.table === 'hall_days')) void backups.dayClosed();
  });

  let closed = false;
  return {
    url: `${scheme}://${opts.host ?? '127.0.0.1'}:${port}`,
    tlsFingerprint: tls?.fingerprint ?? null,
    port,
    hallId: hall.id,
    db,
    store,
    demoTerminals,
    health,
    snapshot: sync.snapshot,
    verifyAudit: () => audit.verify(),
    rebuilds,
    backups,
    packs,
    alertEpisodes,
    execute: sync.execute,
    query,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(storageProbe);
      await rebuilds.stop();
      clearInterval(minuteTimer);
      // A backup or pack under way finishes before the database closes under it.
      await backups.run([]).catch(() => {});
      await packs.idle();
      await control?.close();
      await sync.close();
      await queryWorker.close();
      // A sweep waiting for the worker was answered by its close; none writes once the database is closed.
      await alertEpisodes.idle();
      opened.close();
    },
  };
}

/**
 * The demo terminals' tokens in DATA/demo-terminals.json (owner-only), for the demo operator and
 * the standalone shell, which reads it once the hub answers: so it is written before the hub
 * listens. The hub keeps only the tokens' hashes; when the file is missing (a first start killed
 * after seeding, a file deleted) the demo terminals get new tokens. Returns the tokens written now.
 */
function keepDemoTokens(dataDir: string, store: Store, seeded: DemoTerminal[], log: (m: string) => void): DemoTerminal[] {
  const file = path.join(dataDir, DEMO_TOKENS_FILE);
  if (seeded.length === 0 && existsSync(file)) return [];
  const terminals = seeded.length > 0 ? seeded : store.transaction(() => reissueDemoTokens(store)).result;
  writeFileDurably(file, JSON.stringify(terminals, null, 2), 0o600);
  log(`${seeded.length > 0 ? 'demo hall seeded' : 'demo tokens file was missing: new tokens issued'}; terminal tokens in ${file}`);
  return terminals;
}

function defaultRendererDir(): string {
  const candidates = [path.resolve(__dirname, '../../dist/renderer'), path.resolve(__dirname, '../renderer')];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}
