import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { backupTakenAt, backupsToKeep } from '../../../shared/backup/retention';
import { overdueAfterMs, type BackupSettings } from '../../../shared/backup/settings';
import type { BackupRecord } from '../../../shared/backup/queries';
import type { Clock } from '../../../shared/kernel/clock';
import { OneAtATime } from '../../kernel/oneAtATime';
import { BACKUP_META_KEY, backupQueries } from '../features/backup/queries';
import { takeBackup, type BackupDone, type BackupProgress, type BackupSource } from './backup';

/** What the hub says of its backups on /health (managers); the board reads the record (backup.status). */
export interface BackupStatus extends BackupRecord {
  /** No backup succeeded for longer than the schedule allows (counted from the hub's start when none did). */
  overdue: boolean;
}

const RECENT = 10;

/**
 * The hub's backups: one at a time (a scheduled one, the board's, the operator's CLI's), every
 * `everyHours` and right after the day closes, into every configured folder, each folder then pruned
 * by the retention rule. Time is the hub's clock: the hub calls tick() every minute, tests call it
 * after moving their clock.
 */
export class Backups {
  private readonly jobs = new OneAtATime();
  private progress: BackupProgress | null = null;
  private lastOkAt: number | null = null;
  private failure: { at: number; message: string } | null = null;
  private recent: BackupRecord['recent'] = [];
  private nextAt: number;
  private readonly startedAt: number;

  constructor(
    private readonly src: BackupSource,
    private readonly settings: BackupSettings,
    private readonly key: Buffer | null,
    private readonly utcOffsetMinutes: () => number,
    private readonly log: (m: string) => void,
    private readonly clock: Clock = src.clock,
  ) {
    this.startedAt = clock();
    this.nextAt = this.startedAt + settings.everyHours * 3_600_000;
    // What an earlier run of the hub recorded: a restart does not make an old failure or a long gap vanish.
    const before = backupQueries['backup.status'](src.db);
    this.lastOkAt = before.lastOkAt;
    this.failure = before.failure;
    this.recent = before.recent;
    this.record();
  }

  /** Backs up into `folders` (the configured ones by default) now, after any backup under way. */
  run(folders: readonly string[] = this.settings.folders, key: Buffer | null = this.key): Promise<BackupDone[]> {
    // Under way from the ask: the board sees it at once, and a second ask from it is refused.
    if (folders.length > 0) this.advance({ step: 'copy', share: 0 });
    return this.jobs.run(() => this.runNow(folders, key));
  }

  /** Runs a scheduled backup when one is due. Resolves once it has run (or at once). */
  tick(): Promise<unknown> {
    if (this.settings.folders.length === 0 || this.clock() < this.nextAt) return Promise.resolve();
    this.nextAt = this.clock() + this.settings.everyHours * 3_600_000;
    return this.run().catch(() => {});
  }

  /** The day was closed: its final state is backed up (when the settings say so). */
  dayClosed(): Promise<unknown> {
    if (this.settings.folders.length === 0 || !this.settings.atDayClose) return Promise.resolve();
    return this.run().catch(() => {});
  }

  status(): BackupStatus {
    const record = this.current();
    return { ...record, overdue: record.overdueAt !== null && this.clock() > record.overdueAt };
  }

  private current(): BackupRecord {
    const scheduled = this.settings.folders.length > 0;
    const since = this.lastOkAt ?? this.startedAt;
    return {
      scheduled,
      lastOkAt: this.lastOkAt,
      failure: this.failure,
      overdueAt: scheduled ? since + overdueAfterMs(this.settings) : null,
      recent: this.recent,
      running: this.progress,
    };
  }

  /** Notes a backup's progress; the record (what the board shows) moves by tenths, not at every page. */
  private advance(p: BackupProgress): void {
    const moved = !this.progress || this.progress.step !== p.step || Math.floor(p.share * 10) !== Math.floor(this.progress.share * 10);
    this.progress = p;
    if (moved) this.record();
  }

  /** Keeps the record in the database's meta, where the board's query reads it (not replicated, not audited: no hall data). */
  private record(): void {
    this.src.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(BACKUP_META_KEY, JSON.stringify(this.current()));
  }

  /** Whether /health should say degraded: the last backup failed, or none came when due. */
  get unhealthy(): boolean {
    const s = this.status();
    return s.failure !== null || s.overdue;
  }

  private async runNow(folders: readonly string[], key: Buffer | null): Promise<BackupDone[]> {
    // Nothing asked (a caller waiting for the one under way): nothing to record.
    if (folders.length === 0) return [];
    const done: BackupDone[] = [];
    try {
      for (const folder of folders) {
        const one = await takeBackup(this.src, folder, key, (p) => this.advance(p));
        done.push(one);
        this.log(`backup written: ${one.file} (${one.bytes} bytes, ${one.auditRows} audit rows)`);
        await this.prune(folder);
      }
    } catch (e) {
      const message = (e as Error).message;
      this.failure = { at: this.clock(), message };
      this.log(`backup failed: ${message}`);
      this.record();
      throw e;
    } finally {
      this.progress = null;
      this.record();
    }
    this.failure = null;
    this.lastOkAt = this.clock();
    // Those the retention rule has since deleted are no longer backups one could restore.
    this.recent = [...[...done].reverse(), ...this.recent].filter((b) => existsSync(b.file)).slice(0, RECENT);
    this.record();
    return done;
  }

  /** Deletes the hall's backups in `folder` that the rule no longer keeps; other files are left alone. */
  private async prune(folder: string): Promise<void> {
    const files = (await readdir(folder))
      .map((name) => ({ name, at: backupTakenAt(this.src.hall.id, name) }))
      .filter((f): f is { name: string; at: number } => f.at !== null);
    const keep = backupsToKeep(
      files.map((f) => f.at),
      this.settings.keep,
      this.utcOffsetMinutes(),
    );
    for (const f of files) if (!keep.has(f.at)) await rm(path.join(folder, f.name), { force: true });
  }
}
