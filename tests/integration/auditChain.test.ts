import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditHead, readAuditKey, verifyAudit } from '../../main/hub/commands/audit';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { newCase } from '../support/cases';
import { callerOf, demoHub, onCleanup, opId, tempDir, terminal } from '../support/hub';

describe('the audit chain', () => {
  /**
   * A hall with some history; returns its data dir, closed, for tampering, and `id(n)`: the audit
   * row of its n-th audited command (the rows before them vouch for the demo hall's seeding).
   */
  async function history(): Promise<{ dir: string; id: (n: number) => number; rows: number }> {
    const dataDir = tempDir();
    const hub = await demoHub({ dataDir }, { managerSession: false });
    const seeded = hub.db.prepare("SELECT count(*) FROM audit WHERE terminal_id = 'hub'").pluck().get() as number;
    const id = (n: number) => seeded + n;
    const clerk = callerOf(terminal(hub, 'clerk', 0));
    const run = (type: string, payload: unknown) => hub.execute(clerk, { opId: opId(), type, payload });
    run('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD });
    for (let i = 0; i < 3; i++) {
      run('counter.pause', { counterId: 'H3301-c-01', reason: '会议' });
      run('counter.resume', { counterId: 'H3301-c-01' });
    }
    run('counter.pause', { counterId: 'H3301-c-01', reason: '' }); // refused at validation: not audited
    run('counter.resume', { counterId: 'H3301-c-01' }); // refused by the handler: audited
    expect(hub.verifyAudit()).toMatchObject({ ok: true, rows: id(8), problems: [], head: { id: id(8) } });
    const row = hub.db.prepare('SELECT * FROM audit WHERE id = ?').get(id(2)) as Record<string, unknown>;
    expect(row).toMatchObject({ type: 'counter.pause', outcome: 'ok', terminal_id: 'H3301-t-clerk-1', staff_id: 'H3301-u-1' });
    expect(row.seq_to as number).toBeGreaterThanOrEqual(row.seq_from as number); // what changed: those feed rows
    expect(row.feed_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(String(hub.db.prepare('SELECT detail FROM audit WHERE id = ?').pluck().get(id(1)))).not.toContain(DEMO_PASSWORD);
    await hub.close();
    return { dir: dataDir, id, rows: id(8) };
  }
  const tamper = (dataDir: string, sql: string) => {
    const db = new Database(path.join(dataDir, 'hall.db'));
    db.exec(sql);
    return db;
  };
  const check = (dataDir: string, db: Database.Database) => {
    onCleanup(() => void db.close());
    return verifyAudit(db, readAuditKey(dataDir), readAuditHead(dataDir));
  };
  const verifyCli = async (dir: string, ...args: string[]) =>
    (await import('node:child_process')).spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/hub/verifyAuditCli.ts', '--data', dir, ...args],
      { encoding: 'utf8' },
    );

  it('finds an edited row', async () => {
    const { dir, id } = await history();
    const report = check(dir, tamper(dir, `UPDATE audit SET detail = '{"counterId":"H3301-c-02"}' WHERE id = ${id(3)}`));
    expect(report.problems).toEqual([{ kind: 'edited', at: id(3), message: `第 ${id(3)} 条审计记录被修改` }]);
  });

  it('finds a deleted row, in the middle or at the end', async () => {
    const { dir, id } = await history();
    expect(check(dir, tamper(dir, `DELETE FROM audit WHERE id = ${id(4)}`)).problems).toEqual([
      { kind: 'deleted', at: id(5), message: `第 ${id(4)}–${id(4)} 条审计记录被删除` },
      { kind: 'deleted', at: id(9), message: expect.stringContaining('1 个已执行命令缺少审计记录') },
      // The resume it recorded changed the counter: that feed row has no audit row now.
      { kind: 'deleted', at: id(5), message: expect.stringContaining('条数据变更没有审计记录') },
    ]);
    const second = await history();
    expect(check(second.dir, tamper(second.dir, `DELETE FROM audit WHERE id = ${second.id(8)}`)).problems).toMatchObject([
      { kind: 'deleted', message: expect.stringContaining('1 个已执行命令缺少审计记录') },
      { kind: 'deleted', at: second.id(8), message: expect.stringContaining('链头文件 audit.head记为第') },
    ]);
  });

  it('finds an inserted row, even one chained to the last hash', async () => {
    const { dir, id } = await history();
    const db = tamper(
      dir,
      `INSERT INTO audit (id, at, terminal_id, staff_id, op_id, type, outcome, detail, prev_hash, hash) SELECT ${id(9)}, at, terminal_id, staff_id, 'forged', type, 'ok', detail, hash, hash FROM audit WHERE id = ${id(8)}`,
    );
    expect(check(dir, db).problems).toEqual([{ kind: 'inserted', at: id(9), message: `第 ${id(9)} 条审计记录不属于审计链（插入或伪造）` }]);
  });

  it('finds the end cut off, audit rows and applied ops together, or both emptied: the head outside the database holds', async () => {
    const { dir, id } = await history();
    const cut = `DELETE FROM audit WHERE id > ${id(5)}; DELETE FROM applied_ops WHERE op_id NOT IN (SELECT op_id FROM audit);`;
    expect(check(dir, tamper(dir, cut)).problems).toEqual([
      { kind: 'deleted', at: id(6), message: expect.stringContaining('条数据变更没有审计记录') },
      { kind: 'deleted', at: id(8), message: `链头文件 audit.head记为第 ${id(8)} 条，库中已没有这一条：末尾的审计记录被删除` },
    ]);
    const second = await history();
    expect(check(second.dir, tamper(second.dir, 'DELETE FROM audit; DELETE FROM applied_ops;'))).toMatchObject({
      ok: false,
      rows: 0,
      problems: [
        { kind: 'deleted', message: expect.stringContaining('条数据变更没有审计记录') },
        { kind: 'deleted', at: second.id(8), message: expect.stringContaining('库中已没有这一条') },
      ],
    });
  });

  it('finds a case rewritten together with its feed entries: each audit row vouches for the feed rows it covers', async () => {
    const dir = tempDir();
    const hub = await demoHub({ dataDir: dir }, { managerSession: false });
    const clerk = callerOf(terminal(hub, 'clerk', 0));
    const run = (type: string, payload: unknown) => hub.execute(clerk, { opId: opId(), type, payload });
    expect(run('counter.signIn', { counterId: 'H3301-c-01', login: 'c01', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    expect(run('case.register', newCase({ caseId: 'case-1' }))).toMatchObject({ ok: true });
    const registered = hub.db.prepare("SELECT id FROM audit WHERE type = 'case.register'").pluck().get() as number;
    await hub.close();
    const db = tamper(
      dir,
      "UPDATE cases SET applicant_name = '李四'; UPDATE feed SET data = replace(data, '\"张三\"', '\"李四\"') WHERE tbl = 'cases'",
    );
    expect(db.prepare("SELECT count(*) FROM feed WHERE data LIKE '%李四%'").pluck().get()).toBe(1);
    expect(check(dir, db).problems).toEqual([
      {
        kind: 'edited',
        at: registered,
        message: expect.stringMatching(new RegExp(`^第 ${registered} 条审计记录所记的数据变更（变更第 \\d+–\\d+ 号）被改动$`)),
      },
    ]);
  });

  it('npm run verify-audit says where, and fails; a printed head is a witness', async () => {
    const { dir, id, rows } = await history();
    const fine = await verifyCli(dir);
    expect(fine).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(new RegExp(`^审计链完整：${rows} 条记录，链头 ${id(8)}:[0-9a-f]{64}\n$`)),
    });
    const printed = /链头 (\d+:[0-9a-f]{64})/.exec(fine.stdout)![1]!;
    tamper(dir, `UPDATE audit SET outcome = 'FORBIDDEN' WHERE id = ${id(6)}`).close();
    expect(await verifyCli(dir)).toMatchObject({
      status: 1,
      stdout: `审计链异常 [edited] 第 ${id(6)} 条附近：第 ${id(6)} 条审计记录被修改\n`,
    });

    // The end cut off and the head file gone too: the printed head still tells.
    const second = await history();
    const witness = (await verifyCli(second.dir)).stdout.match(/链头 (\S+)/)![1]!;
    tamper(
      second.dir,
      `DELETE FROM audit WHERE id > ${second.id(6)}; DELETE FROM applied_ops WHERE op_id NOT IN (SELECT op_id FROM audit)`,
    ).close();
    rmSync(path.join(second.dir, 'audit.head'));
    const cut = await verifyCli(second.dir, '--witness', witness);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain('缺少链头文件 audit.head');
    expect(cut.stdout).toContain(`打印的链头记为第 ${second.id(8)} 条，库中已没有这一条`);
    expect(await verifyCli(second.dir, '--witness', printed.replace(/:./, ':x'))).toMatchObject({ status: 2 });
  });

  it('verifying changes nothing in the data dir, and a dir without its key is not checked (nor given one)', async () => {
    const { dir } = await history();
    const files = () =>
      Object.fromEntries(
        readdirSync(dir).map((f) => [
          f,
          createHash('sha256')
            .update(readFileSync(path.join(dir, f)))
            .digest('hex') + statSync(path.join(dir, f)).mtimeMs,
        ]),
      );
    const before = files();
    expect(await verifyCli(dir)).toMatchObject({ status: 0 });
    expect(files()).toEqual(before);

    rmSync(path.join(dir, 'audit.key'));
    const without = files();
    expect(await verifyCli(dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('audit.key is missing') });
    expect(files()).toEqual(without);
  });

  it('a hall from before the anchored chain is anchored on its first start: from then on its earlier feed rows are vouched for', async () => {
    const dir = tempDir();
    await (await demoHub({ dataDir: dir }, { managerSession: false })).close();
    // As an earlier version left a hall: seeded rows that no audit row covers, and no head.
    tamper(dir, 'DELETE FROM audit; DELETE FROM applied_ops').close();
    rmSync(path.join(dir, 'audit.head'));
    const hub = await demoHub({ dataDir: dir }, { managerSession: false });
    expect(hub.verifyAudit()).toMatchObject({ ok: true, rows: 1, problems: [] });
    expect(hub.db.prepare('SELECT type, seq_from, seq_to FROM audit').get()).toEqual({
      type: 'audit.anchor',
      seq_from: 1,
      seq_to: hub.store.currentSeq,
    });
    expect(readAuditHead(dir)).toMatchObject({ id: 1 });
  });

  it('a manager checks it from the board (audit.verify) and gets the head to print', async () => {
    const hub = await demoHub(); // the administrator's sign-in is the first command's audit row
    const rows = hub.db.prepare('SELECT count(*) FROM audit').pluck().get() as number;
    const answer = hub.execute(callerOf(terminal(hub, 'manager')), { opId: opId(), type: 'audit.verify', payload: {} });
    const head = hub.db.prepare('SELECT id, hash, at FROM audit WHERE id = ?').get(rows);
    expect(answer).toMatchObject({ ok: true, result: { report: { ok: true, rows, problems: [], head } } });
    expect(hub.verifyAudit()).toMatchObject({ ok: true, rows: rows + 1 });
    expect(hub.db.prepare("SELECT staff_id FROM audit WHERE terminal_id <> 'hub' ORDER BY id").pluck().all()).toEqual([
      'H3301-u-admin',
      'H3301-u-admin',
    ]);
  });
});
