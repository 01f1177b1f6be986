import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../main/hub/backup/archive';
import { takeBackup } from '../../main/hub/backup/backup';
import { checkCopyInWorker } from '../../main/hub/backup/checkInWorker';
import { restoreBackup } from '../../main/hub/backup/restore';
import { hubMigrations } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';
import { ErrorCode } from '../../shared/kernel/errors';
import type { Snapshot } from '../../shared/protocol';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { actors } from '../support/actors';
import { agentFor, callerOf, demoHub, manualClock, onCleanup, opId, signInManager, tempDir, terminal, until } from '../support/hub';
import { defaultBackupSettings } from '../../shared/backup/settings';

const HOUR = 3_600_000;
const sorted = (s: Snapshot) =>
  Object.fromEntries(
    Object.entries(s.tables)
      .filter(([, rows]) => rows.length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, rows]) => [t, [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))]),
  );

const C = (n: number) => `H3301-c-${String(n).padStart(2, '0')}`;
const mode = (p: string) => statSync(p).mode & 0o777;
const refusal = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (x: unknown) => x,
  )) as { code?: string; message: string } | null;
  return e ? { code: e.code, message: e.message } : null;
};
const digestOfDir = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );

/** A demo hall with some of a morning's work: tickets issued, called and finished. */
async function busyHall(dataDir = tempDir()) {
  const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
  const hub = await demoHub({ dataDir, clock });
  const { kiosk, clerk } = actors(hub);
  for (let n = 1; n <= 3; n++) clerk(n - 1)('counter.signIn', { counterId: C(n), login: `c0${n}`, password: 'demo1234' });
  for (let i = 0; i < 6; i++) kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null });
  clerk(0)('ticket.callNext', { counterId: C(1) });
  clerk(0)('ticket.start', { counterId: C(1) });
  clerk(0)('ticket.finish', { counterId: C(1), handledServiceIds: ['H3301-s-A'] });
  return { hub, clock, dataDir, kiosk, clerk };
}

describe('backups', () => {
  it('writes an owner-only, checked copy named after the hall and the time, and reads back what it holds', async () => {
    const { hub } = await busyHall();
    const folder = path.join(tempDir(), 'usb', 'servicehall');
    const [done] = await hub.backups.run([folder]);
    expect(path.basename(done!.file)).toBe('H3301-20261125T010000Z.shbak');
    expect(mode(folder)).toBe(0o700);
    expect(mode(done!.file)).toBe(0o600);
    expect(readdirSync(folder)).toEqual([path.basename(done!.file)]); // no partial left behind
    expect(done).toMatchObject({ schema: hubMigrations.length, encrypted: false });
    expect(done!.auditRows).toBe(hub.verifyAudit().rows);
    const out = tempDir();
    const header = await readArchive(done!.file, null, out);
    expect(header.files.map((f) => f.name)).toEqual(['hall.db', 'audit.key', 'demo-terminals.json']);
    expect(readFileSync(path.join(out, 'audit.key'))).toEqual(readFileSync(path.join(hub.store.db.name, '..', 'audit.key')));
    const copy = new Database(path.join(out, 'hall.db'), { readonly: true });
    onCleanup(() => void copy.close());
    expect(copy.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(hub.db.prepare('SELECT count(*) FROM tickets').pluck().get());
    expect(hub.health()).toMatchObject({ status: 'up', backup: { lastOkAt: Date.parse('2026-11-25T01:00:00Z'), failure: null } });
  });

  it('encrypts with the administrator key; a wrong or missing key, a changed byte or a cut file is refused', async () => {
    const { hub } = await busyHall();
    const key = randomBytes(32);
    const [done] = await hub.backups.run([tempDir()], key);
    const file = done!.file;
    expect(done!.encrypted).toBe(true);
    // The database's pages are not readable in it.
    expect(readFileSync(file).includes(Buffer.from('SQLite format 3'))).toBe(false);
    await expect(readArchive(file, key)).resolves.toMatchObject({ hallId: 'H3301' });
    expect(await refusal(readArchive(file, randomBytes(32)))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('not the key'),
    });
    expect(await refusal(readArchive(file, null))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('encrypted'),
    });
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 5000]! ^= 1;
    writeFileSync(`${file}.x`, flipped);
    expect(await refusal(readArchive(`${file}.x`, key))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('altered'),
    });
    // The header is bound too: another hall's name written in fails the tags.
    writeFileSync(`${file}.h`, Buffer.from(bytes.toString('latin1').replace('"hallId":"H3301"', '"hallId":"H3302"'), 'latin1'));
    expect(await refusal(readArchive(`${file}.h`, key))).toMatchObject({ code: ErrorCode.BACKUP_INVALID });
    writeFileSync(`${file}.t`, bytes);
    truncateSync(`${file}.t`, bytes.length - 20);
    expect(await refusal(readArchive(`${file}.t`, key))).toMatchObject({ code: ErrorCode.BACKUP_INVALID });
  });

  it('an unencrypted copy with a changed byte is refused', async () => {
    const { hub } = await busyHall();
    const [done] = await hub.backups.run([tempDir()]);
    const bytes = readFileSync(done!.file);
    bytes[bytes.length - 3000]! ^= 0x40;
    writeFileSync(done!.file, bytes);
    expect(await refusal(readArchive(done!.file, null))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('damaged'),
    });
  });

  it('a copy taken while clerks call and finish is the hall at one moment', async () => {
    const { hub, kiosk, clerk } = await busyHall();
    // The hub's ticket counts by status after each commit, keyed by the feed's seq then.
    const statesAt = new Map<number, string>();
    const counts = (db: Database.Database) =>
      JSON.stringify(db.prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status ORDER BY status').all());
    hub.store.onCommit(() => statesAt.set(hub.store.currentSeq, counts(hub.db)));
    let commands = 0;
    // A bounded burst: writes without end at one page per step would outgrow the copy forever.
    const work = (async () => {
      for (let i = 0; i < 40; i++) {
        const n = (i % 3) + 1;
        kiosk('ticket.issue', { serviceId: 'H3301-s-A', priority: 'normal', confirm: null });
        clerk(n - 1)('ticket.callNext', { counterId: C(n) });
        clerk(n - 1)('ticket.start', { counterId: C(n) });
        clerk(n - 1)('ticket.finish', { counterId: C(n), handledServiceIds: ['H3301-s-A'] });
        commands += 4;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const seqBefore = hub.store.currentSeq;
    // One page per step: the commands run between the steps of the copy.
    const done = await takeBackup(
      { db: hub.db, dataDir: path.dirname(hub.db.name), hall: { id: 'H3301', name: 'x' }, clock: Date.now },
      tempDir(),
      null,
      () => {},
      1,
    );
    await work;
    expect(commands).toBe(160);
    expect(hub.store.currentSeq).toBeGreaterThan(seqBefore);
    const out = tempDir();
    await readArchive(done.file, null, out);
    const copy = new Database(path.join(out, 'hall.db'), { readonly: true });
    onCleanup(() => void copy.close());
    const seq = copy.prepare('SELECT max(seq) FROM feed').pluck().get() as number;
    expect(seq).toBeGreaterThan(seqBefore); // work done during the copy is in it …
    expect(counts(copy)).toBe(statesAt.get(seq)); // … exactly as the hub was at that seq
  });

  it('restores into an emptied data dir with a new epoch; a corrupted backup is refused and changes nothing', async () => {
    const { hub, dataDir } = await busyHall();
    const epoch = hub.db.prepare("SELECT value FROM meta WHERE key = 'epoch'").pluck().get();
    // A terminal's op the backup holds: replayed from an outbox onto the restored hall, it answers as stored.
    const clerk = callerOf(terminal(hub, 'clerk', 0));
    const envelope = {
      opId: opId(),
      type: 'inquiry.record',
      payload: { inquiryId: randomUUID(), counterId: C(1), topic: '社保转移', detail: '登记' },
    };
    const first = hub.execute(clerk, envelope);
    expect(first).toMatchObject({ ok: true });
    const tickets = hub.db.prepare('SELECT id, status FROM tickets ORDER BY id').all();
    const key = randomBytes(32);
    const [done] = await hub.backups.run([tempDir()], key);
    await hub.close();

    const bad = `${done!.file}.bad`;
    const bytes = readFileSync(done!.file);
    bytes[bytes.length - 100]! ^= 1;
    writeFileSync(bad, bytes);
    const before = digestOfDir(dataDir);
    expect(await refusal(restoreBackup(dataDir, bad, key, hubMigrations.length, Date.now()))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
    });
    expect(digestOfDir(dataDir)).toEqual(before);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('.restore-') || f.startsWith('replaced-'))).toEqual([]);

    // The hub PC's disk is lost: an empty data dir.
    rmSync(dataDir, { recursive: true, force: true });
    const restored = await restoreBackup(dataDir, done!.file, key, hubMigrations.length, Date.now());
    expect(restored.setAside).toBeNull();
    expect(mode(path.join(dataDir, 'hall.db'))).toBe(0o600);
    const again = await demoHub({ dataDir, clock: manualClock(Date.parse('2026-11-25T02:00:00Z')) }, { managerSession: false });
    expect(again.db.prepare("SELECT value FROM meta WHERE key = 'epoch'").pluck().get()).not.toBe(epoch);
    expect(again.db.prepare('SELECT id, status FROM tickets ORDER BY id').all()).toEqual(tickets);
    expect(again.verifyAudit()).toMatchObject({ ok: true, problems: [] });
    const inquiries = again.db.prepare('SELECT count(*) FROM inquiries').pluck().get();
    expect(again.execute(clerk, envelope)).toEqual(first);
    expect(again.db.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(inquiries);
    await again.close();

    // Restoring over a hall keeps the replaced one aside.
    const second = await restoreBackup(dataDir, done!.file, key, hubMigrations.length, Date.parse('2026-11-25T03:00:00Z'));
    expect(second.setAside).toBe(path.join(dataDir, 'replaced-20261125T030000Z'));
    expect(existsSync(path.join(second.setAside!, 'hall.db'))).toBe(true);
  });

  it('refuses a backup of a newer schema than this program, and a restore while a hub runs', async () => {
    const { hub, dataDir } = await busyHall();
    const [done] = await hub.backups.run([tempDir()]);
    expect(await refusal(restoreBackup(tempDir(), done!.file, null, hubMigrations.length - 1, Date.now()))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('newer than this program'),
    });
    expect((await refusal(restoreBackup(dataDir, done!.file, null, hubMigrations.length, Date.now())))?.message).toMatch(
      /^HUB_ALREADY_RUNNING/,
    );
  });

  it('backs up on schedule and at day close, and says so on /health when a backup fails or is overdue', async () => {
    const folder = path.join(tempDir(), 'second-disk');
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z'));
    const settings = { ...defaultBackupSettings, folders: [folder], everyHours: 6 };
    const hub = await demoHub({ clock, backup: { settings, key: null } });
    const files = () => (existsSync(folder) ? readdirSync(folder).sort() : []);
    await hub.backups.tick();
    expect(files()).toEqual([]); // not due yet
    clock.advance(6 * HOUR);
    await hub.backups.tick();
    expect(files()).toEqual(['H3301-20261125T070000Z.shbak']);
    expect(hub.health()).toMatchObject({ status: 'up', backup: { scheduled: true, failure: null, overdue: false } });

    // The day is closed: its final state is backed up at once (the earlier one of the day is pruned: 7 daily).
    clock.advance(2 * HOUR);
    signInManager(hub);
    expect(hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'day.close', payload: { reason: '测试' } })).toMatchObject(
      { ok: true },
    );
    await until(() => files().includes('H3301-20261125T090000Z.shbak'), 'the day-close backup');
    await hub.backups.run([]); // the one under way is done
    expect(files()).toEqual(['H3301-20261125T090000Z.shbak']);

    // The second disk is gone: the next scheduled backup fails, and the board's health says so.
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'not a folder');
    clock.advance(6 * HOUR);
    await hub.backups.tick();
    expect(hub.health()).toMatchObject({ status: 'degraded', backup: { failure: { at: clock() } } });
    // The board reads the same from the backup.status query (and a clerk may not).
    signInManager(hub);
    const status = async (role: 'manager' | 'clerk' = 'manager') =>
      hub.query(callerOf(terminal(hub, role)), { name: 'backup.status', params: {} });
    expect(await status()).toMatchObject({
      ok: true,
      result: {
        scheduled: true,
        failure: { at: clock() },
        lastOkAt: Date.parse('2026-11-25T09:00:00Z'),
        recent: [{ file: expect.stringContaining('090000Z') }], // the 07:00 one was pruned (7 daily)
      },
    });
    expect(await status('clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Long without a good backup: overdue as well.
    clock.advance(13 * HOUR);
    expect(hub.health().backup.overdue).toBe(true);
    const overdueAt = Date.parse('2026-11-25T09:00:00Z') + 13 * HOUR;
    signInManager(hub);
    expect(await status()).toMatchObject({ ok: true, result: { overdueAt } });
    expect(clock()).toBeGreaterThan(overdueAt);
    // The disk is back: the next backup clears both.
    rmSync(folder);
    clock.advance(6 * HOUR);
    await hub.backups.tick();
    expect(hub.health()).toMatchObject({ status: 'up', backup: { failure: null, overdue: false } });
  });

  it('upgrades: a newer database refuses to open; an older one is copied aside before its migrations run', async () => {
    const dataDir = tempDir();
    const hub = await demoHub({ dataDir });
    await hub.close();
    const file = path.join(dataDir, 'hall.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${hubMigrations.length + 1}`);
    raw.close();
    await expect(demoHub({ dataDir })).rejects.toThrow(
      `database schema ${hubMigrations.length + 1} is newer than this program (${hubMigrations.length}); update ServiceHall`,
    );

    const older = path.join(tempDir(), 'hall.db');
    openDatabase(older, { migrations: hubMigrations.slice(0, 5), synchronous: 'FULL' }).close();
    const aside = path.join(path.dirname(older), 'pre-migration');
    const upgraded = openDatabase(older, { migrations: hubMigrations, synchronous: 'FULL', backupBeforeMigrating: aside });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(hubMigrations.length);
    upgraded.close();
    const [copy] = readdirSync(aside);
    expect(copy).toMatch(/^hall-schema5-\d{8}T\d{9}Z\.db$/);
    expect(mode(path.join(aside, copy!))).toBe(0o600);
    const kept = new Database(path.join(aside, copy!), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(5);
    kept.close();
    // Opening an up-to-date database copies nothing more.
    openDatabase(older, { migrations: hubMigrations, synchronous: 'FULL', backupBeforeMigrating: aside }).close();
    expect(readdirSync(aside)).toHaveLength(1);
  });

  it('after a restore onto a lost data dir, a terminal reconnects, takes a fresh snapshot, and its offline work is applied once', async () => {
    const dataDir = tempDir();
    let hub = await demoHub({ dataDir });
    const port = hub.port;
    const t = terminal(hub, 'clerk', 0);
    const agentDir = tempDir('agent-');
    let agent = agentFor(hub, t, { dataDir: agentDir });
    await until(() => agent.connection.status === 'connected', 'connected');
    expect(await agent.command('counter.signIn', { counterId: t.counterId!, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({
      ok: true,
    });
    const inBackup = randomUUID();
    const record = (inquiryId: string) =>
      agent.command('inquiry.record', { inquiryId, counterId: t.counterId!, topic: '社保转移', detail: '登记' });
    expect(await record(inBackup)).toMatchObject({ ok: true });
    const [done] = await hub.backups.run([tempDir()]);
    // Work after the backup, lost with the disk: the restored hall and the terminal's replica must not hold it.
    const lost = randomUUID();
    expect(await record(lost)).toMatchObject({ ok: true });
    await until(() => agent.replica.row('inquiries', lost) !== undefined, 'the lost row replicated');
    await hub.close();
    await until(() => agent.connection.status === 'reconnecting', 'sees the hub go');
    const offline = randomUUID();
    expect(await record(offline)).toMatchObject({ ok: 'queued' });
    await agent.close(); // its replica and outbox stay in its data dir

    rmSync(dataDir, { recursive: true, force: true });
    await restoreBackup(dataDir, done!.file, null, hubMigrations.length, Date.now());
    const manager = callerOf(terminal(hub, 'manager'));
    hub = await demoHub({ dataDir, port }, { managerSession: false });
    expect(
      hub.execute(manager, { opId: opId(), type: 'session.signIn', payload: { login: 'admin', password: DEMO_PASSWORD } }),
    ).toMatchObject({ ok: true });
    // The restored hall moves on before the terminal is back: its feed passes the terminal's cursor,
    // which only the new epoch tells apart from the history the terminal saw.
    for (let i = 0; i < 30; i++)
      expect(hub.execute(manager, { opId: opId(), type: 'hall.setNotice', payload: { text: `恢复后 ${i}` } })).toMatchObject({ ok: true });
    agent = agentFor(hub, t, { dataDir: agentDir });
    await until(() => agent.connection.status === 'connected' && agent.connection.pending === 0, 'reconnected, outbox drained', 15_000);
    const ids = hub.db.prepare('SELECT id FROM inquiries').pluck().all();
    expect(ids.sort()).toEqual([inBackup, offline].sort());
    await until(() => agent.replica.row('inquiries', offline) !== undefined, 'the offline row back in the replica');
    expect(agent.replica.row('inquiries', lost)).toBeUndefined(); // a fresh snapshot, not the old replica caught up
    expect(sorted(agent.replica.snapshot())).toEqual(sorted(hub.snapshot(t.id)));
    expect(agent.outbox.rejected()).toEqual([]);
    expect(hub.verifyAudit()).toMatchObject({ ok: true });
  });

  it("the administrator asks for a backup from the board: it runs after the answer into the hub's folders", async () => {
    const bare = await demoHub();
    const admin = callerOf(terminal(bare, 'manager'));
    expect(bare.execute(admin, { opId: opId(), type: 'backup.run', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', reason: 'backup.noFolder' },
    });

    const folder = path.join(tempDir(), 'usb');
    const hub = await demoHub({ backup: { settings: { ...defaultBackupSettings, folders: [folder] }, key: null } });
    const manager = callerOf(terminal(hub, 'manager'));
    expect(hub.execute(manager, { opId: opId(), type: 'backup.run', payload: {} })).toEqual({
      ok: true,
      result: { started: true },
      seq: expect.any(Number),
    });
    // Under way: the board sees its progress, and a second ask is refused.
    const status = async () => hub.query(manager, { name: 'backup.status', params: {} });
    expect(hub.health().backup.running).toEqual({ step: 'copy', share: 0 });
    expect(hub.execute(manager, { opId: opId(), type: 'backup.run', payload: {} })).toMatchObject({
      ok: false,
      error: { reason: 'backup.running' },
    });
    await hub.backups.run([]);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(await status()).toMatchObject({
      ok: true,
      result: { running: null, recent: [{ file: path.join(folder, readdirSync(folder)[0]!) }] },
    });
  });

  it('the copy is checked on a worker thread, which says what fails as the check on the hub would', async () => {
    const { hub } = await busyHall();
    const dataDir = path.dirname(hub.db.name);
    const copy = path.join(tempDir(), 'copy.db');
    await hub.db.backup(copy);
    const key = readFileSync(path.join(dataDir, 'audit.key'), 'utf8').trim();
    const head = hub.verifyAudit().head;
    await expect(checkCopyInWorker(copy, Buffer.from(key, 'hex'), head)).resolves.toMatchObject({ schema: hubMigrations.length, head });
    expect(await refusal(checkCopyInWorker(copy, randomBytes(32), head))).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('audit chain'),
    });
    writeFileSync(copy, Buffer.alloc(8192, 7));
    expect(await refusal(checkCopyInWorker(copy, Buffer.from(key, 'hex'), head))).toMatchObject({ code: ErrorCode.BACKUP_INVALID });
  });
});
