import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../main/db/migrations';
import { migrate } from '../../main/db/open';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { FIXTURES_DIR, MANIFEST_FILE, schema, type FixtureLevel, type Manifest } from '../fixtures/db/manifest';
import { demoHub, manualClock, opId, tempDir } from '../support/hub';

/**
 * A hall made by every earlier migration level of main (tests/fixtures/db, each database made by
 * that level's own code: make.ts) opens with today's program: it is copied aside first, migrated to
 * today's schema, its audit chain still verifies, its rows are all there, and its day goes on.
 */
const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;
/** The level that brought the audit chain (0003-audit-chain-login-lockout.sql). */
const CHAIN_LEVEL = 3;

/** Today's schema, as a new hall gets it. */
function todaysSchema(): Record<string, string> {
  const fresh = new Database(':memory:');
  migrate(fresh, hubMigrations);
  const out = Object.fromEntries(schema(fresh));
  fresh.close();
  return out;
}

/** A data dir holding the fixture's database, audit key and head, as its hub PC left them. */
function dataDirOf(fixture: FixtureLevel): string {
  const dir = tempDir();
  const from = path.join(FIXTURES_DIR, fixture.dir);
  writeFileSync(path.join(dir, 'hall.db'), gunzipSync(readFileSync(path.join(from, 'hall.db.gz'))), { mode: 0o600 });
  for (const f of ['audit.key', 'audit.head']) if (existsSync(path.join(from, f))) copyFileSync(path.join(from, f), path.join(dir, f));
  return dir;
}

describe('upgrades from the fixtures of earlier migration levels', () => {
  it('keeps a fixture of the level before today, so that the last upgrade is tested too', () => {
    const levels = manifest.levels.map((l) => l.level);
    expect(levels.length).toBeGreaterThan(0);
    expect(Math.max(...levels), 'a new migration landed: run npx tsx tests/fixtures/db/make.ts on main').toBe(hubMigrations.length - 1);
    // Every fixture was made by a commit of main, at a level below today's.
    for (const l of manifest.levels) expect(l.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('vouches only for the feed rows the migrations wrote: a row forged while the hub was stopped still shows', async () => {
    // The oldest level with the chain's head whose upgrade feeds rows again (0016 feeds the services).
    const fixture = manifest.levels.find((l) => l.level === 12)!;
    const dataDir = dataDirOf(fixture);
    const raw = new Database(path.join(dataDir, 'hall.db'));
    const forged = raw
      .prepare("INSERT INTO feed (at, tbl, row_id, op, data) SELECT at, tbl, row_id, op, data FROM feed WHERE tbl = 'counters' LIMIT 1")
      .run();
    raw.close();
    const hub = await demoHub({ dataDir, demo: false, clock: manualClock(Date.parse('2026-11-25T03:00:00Z')) }, { managerSession: false });
    const report = hub.verifyAudit();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'deleted', message: expect.stringContaining(`自变更第 ${forged.lastInsertRowid} 号起`) }),
    ]);
    const migrated = hub.db.prepare("SELECT seq_from, seq_to FROM audit WHERE type = 'hub.migrate'").all() as { seq_from: number }[];
    expect(migrated).toHaveLength(1);
    expect(migrated[0]!.seq_from).toBeGreaterThan(Number(forged.lastInsertRowid));
  });

  it.each(manifest.levels.map((l) => [l.level, l.commit.slice(0, 7), l] as const))(
    'level %i (made by %s) opens, is copied aside, migrates, verifies and goes on',
    async (level, _commit, fixture) => {
      const { summary } = fixture;
      const dataDir = dataDirOf(fixture);
      // The same hall day the fixture was made on (2026-11-25), later that morning.
      const hub = await demoHub(
        { dataDir, demo: false, clock: manualClock(Date.parse('2026-11-25T03:00:00Z')) },
        { managerSession: false },
      );

      // Copied aside before its first migration ran, at its own level, whole.
      const aside = readdirSync(path.join(dataDir, 'pre-migration'));
      expect(aside).toHaveLength(1);
      expect(aside[0]).toMatch(new RegExp(`^hall-schema${level}-\\d{8}T\\d{9}Z\\.db$`));
      const copy = new Database(path.join(dataDir, 'pre-migration', aside[0]!), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(level);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n).toBe(summary.auditRows);
      copy.close();

      // Today's schema exactly, as a new hall would have it.
      expect(hub.db.pragma('user_version', { simple: true })).toBe(hubMigrations.length);
      expect(Object.fromEntries(schema(hub.db))).toEqual(todaysSchema());

      // The audit chain verifies over the rows the old code wrote and those written since. A hall
      // from before the chain (migration 0003) keeps its first rows unchained: the check names
      // them, and nothing else.
      const report = hub.verifyAudit();
      if (level < CHAIN_LEVEL) {
        expect(report.problems.map((p) => p.at)).toEqual(Array.from({ length: summary.auditRows }, (_, i) => i + 1));
      } else {
        expect(report.problems).toEqual([]);
        expect(report).toMatchObject({ ok: true });
      }
      expect(report.rows).toBeGreaterThanOrEqual(summary.auditRows);

      // Its rows are still there.
      const one = (sql: string, ...args: unknown[]) => hub.db.prepare(sql).get(...args);
      expect(one('SELECT id FROM halls')).toEqual({ id: summary.hallId });
      for (const t of summary.tickets) expect(one('SELECT id, number, status FROM tickets WHERE id = ?', t.id)).toEqual(t);
      for (const id of summary.inquiries) expect(one('SELECT topic FROM inquiries WHERE id = ?', id)).toEqual({ topic: '社保转移' });
      if (summary.caseId) expect(one('SELECT item_id FROM cases WHERE id = ?', summary.caseId)).toEqual({ item_id: 'H3301-item-001' });
      if (summary.ratingId) expect(one('SELECT level FROM ratings WHERE id = ?', summary.ratingId)).toEqual({ level: 5 });

      // And the day goes on: the clerk the old code signed in calls the next of the tickets it
      // issued, serves it, signs out and in again with the password the old code stored.
      const waiting = summary.tickets.filter((t) => t.status === 'waiting');
      if (waiting.length === 0) return;
      const clerk = one(
        "SELECT t.id AS terminalId, t.counter_id AS counterId FROM terminals t JOIN counters c ON c.id = t.counter_id WHERE t.role = 'clerk' ORDER BY c.number LIMIT 1",
      ) as { terminalId: string; counterId: string };
      const counterId = clerk.counterId;
      const run = (type: string, payload: unknown) => hub.execute({ ...clerk, role: 'clerk' }, { opId: opId(), type, payload });
      expect(run('ticket.callNext', { counterId })).toMatchObject({ ok: true, result: { ticket: { number: waiting[0]!.number } } });
      const { service_id } = one('SELECT service_id FROM tickets WHERE id = ?', waiting[0]!.id) as { service_id: string };
      expect(run('ticket.start', { counterId })).toMatchObject({ ok: true });
      expect(run('ticket.finish', { counterId, handledServiceIds: [service_id] })).toMatchObject({ ok: true });
      expect(run('counter.signOut', { counterId })).toMatchObject({ ok: true });
      expect(run('counter.signIn', { counterId, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
      if (level >= CHAIN_LEVEL) expect(hub.verifyAudit()).toMatchObject({ ok: true, problems: [] });
    },
  );
});
