import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { DEFAULT_PDF_BROWSER } from '../../main/hub/features/reports/monthlyPack';
import { PACK_RETRY_MS } from '../../shared/reports/settings';
import { actors, ok } from '../support/actors';
import { callerOf, signInManager, tempDir, terminal } from '../support/hub';
import { ARTIFACTS } from '../support/browser';
import { pdfText } from '../support/pdf';
import { scriptedHall } from '../support/scriptedHall';

/**
 * The monthly report pack written by the hub after month end: the administrator's setting (an
 * absolute folder, refused otherwise), the pack written once the month is over and its days closed,
 * its figures held against counts taken here from the raw rows, owner-only files, exactly one
 * written pack per month, and a failure recorded, retried and alerted until a pack is written.
 */

const MIN = 60_000;
const START = Date.parse('2026-10-30T01:30:00Z'); // Friday 30 October, 09:30 in the hall (UTC+8)
const hallTime = (iso: string) => Date.parse(`${iso}+08:00`);

async function octoberDay() {
  const hall = await scriptedHall(START);
  const { at, desk, take, manager, hub } = hall;
  const [c1, c2] = [desk(1), desk(2)];
  at(0);
  c1.signIn();
  c2.signIn();
  take('A');
  take('A');
  take('B');
  at(3);
  c1.call();
  c2.call();
  at(5);
  c1.run('ticket.start');
  c2.run('ticket.start');
  at(15);
  c1.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
  c2.run('ticket.finish', { handledServiceIds: ['H3301-s-A'] });
  c1.call();
  at(18);
  c1.run('ticket.noShow');
  at(30);
  signInManager(hub);
  ok(manager('day.close', { reason: '测试：提前日终' }));
  return hall;
}

const setPack = (hub: Hub, payload: { enabled: boolean; folder: string }) => {
  signInManager(hub);
  return actors(hub).manager('reports.setPackSettings', payload);
};

async function status(hub: Hub) {
  signInManager(hub);
  const answer = await hub.query(callerOf(terminal(hub, 'manager')), { name: 'reports.packStatus', params: {} });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result as Awaited<ReturnType<Hub['packs']['status']>>;
}

const count = (hub: Hub, sql: string, ...args: unknown[]) => (hub.db.prepare(sql).get(...args) as { n: number }).n;

describe('the monthly report pack', () => {
  it('the folder is the administrator’s and must be a full path; a refusal changes nothing', async () => {
    const { hub } = await scriptedHall(START);
    const before = hub.store.get('halls', hub.hallId)!.report_pack_settings;
    const relative = setPack(hub, { enabled: true, folder: 'reports' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', reason: 'reports.folderNotAbsolute' } });
    expect(setPack(hub, { enabled: true, folder: '' })).toMatchObject({ ok: false, error: { reason: 'reports.noFolder' } });
    expect(setPack(hub, { enabled: true, folder: 'C:reports' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    signInManager(hub, 'manager');
    expect(actors(hub).manager('reports.setPackSettings', { enabled: true, folder: '/srv/reports' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(hub.store.get('halls', hub.hallId)!.report_pack_settings).toBe(before);
    expect(setPack(hub, { enabled: true, folder: 'D:\\报表' })).toMatchObject({ ok: true });
    ok(setPack(hub, { enabled: true, folder: '/srv/reports' }));
    expect(JSON.parse(hub.store.get('halls', hub.hallId)!.report_pack_settings)).toEqual({ enabled: true, folder: '/srv/reports' });
  });

  it('is written once after the month ends, with the month’s figures, as XLSX and PDF, owner-only', async () => {
    const { hub, clock } = await octoberDay();
    const folder = tempDir();
    ok(setPack(hub, { enabled: true, folder }));

    // Still October (a Saturday): October's pack is not due; the month before it, just turned on, is.
    clock.set(hallTime('2026-10-31T10:00:00'));
    await hub.packs.tick();
    expect((await status(hub)).recent.map((a) => a.month)).toEqual(['2026-09']);

    clock.set(hallTime('2026-11-01T00:05:00'));
    await hub.packs.tick();
    const [attempt] = (await status(hub)).recent;
    const pdf = existsSync(DEFAULT_PDF_BROWSER);
    expect(attempt).toMatchObject({ month: '2026-10', error: null, writtenAt: clock() });
    const xlsx = path.join(folder, 'H3301-月度报表汇编-2026-10-01-2026-10-31.xlsx');
    expect(attempt!.files).toEqual(pdf ? [xlsx, xlsx.replace(/xlsx$/, 'pdf')] : [xlsx]);
    for (const file of attempt!.files) expect(statSync(file).mode & 0o777).toBe(0o600);

    // The figures, held against the raw rows of October.
    const issued = count(hub, "SELECT count(*) AS n FROM tickets WHERE day BETWEEN '2026-10-01' AND '2026-10-31'");
    const finishedBy = (staffId: string) =>
      count(
        hub,
        "SELECT count(*) AS n FROM ticket_events WHERE type = 'finish' AND staff_id = ? AND at < ?",
        staffId,
        hallTime('2026-11-01T00:00:00'),
      );
    expect(issued).toBe(3);
    const sheets = await readXlsxFile(readFileSync(xlsx));
    expect(sheets.map((s) => s.sheet)).toEqual([
      '1 全厅 · 排队叫号',
      '2 全厅 · 窗口工时',
      '3 全厅 · 办件',
      '4 全厅 · 好差评',
      '5 各部门 · 排队叫号',
      '6 各窗口 · 工时',
      '7 各人员 · 排队叫号',
      '8 各人员 · 工时',
      '9 各部门 · 办件',
      '10 各部门 · 好差评',
    ]);
    const hallQueue = sheets[0]!.data;
    expect(String(hallQueue[0]![0])).toMatch(/月度报表汇编 2026-10$/);
    expect(hallQueue[1]![0]).toBe('统计时段：2026-10-01 至 2026-10-31');
    const header = hallQueue[4]!;
    const cellOf = (row: unknown[], name: string) => row[header.indexOf(name)];
    expect(cellOf(hallQueue[5]!, '取号数')).toBe(issued);
    expect(cellOf(hallQueue[5]!, '办结数')).toBe(finishedBy('H3301-u-1') + finishedBy('H3301-u-2'));
    expect(cellOf(hallQueue[5]!, '过号数')).toBe(count(hub, "SELECT count(*) AS n FROM ticket_events WHERE type = 'no_show'"));
    const staff = sheets[6]!.data;
    const staffHeader = staff[4]!;
    const staffRow = (name: string) => staff.find((r) => r[0] === name)!;
    const clerkName = (id: string) => hub.store.get('staff', id)!.name;
    for (const id of ['H3301-u-1', 'H3301-u-2']) expect(staffRow(clerkName(id))[staffHeader.indexOf('办结数')]).toBe(finishedBy(id));

    if (pdf) {
      mkdirSync(ARTIFACTS, { recursive: true });
      copyFileSync(attempt!.files[1]!, path.join(ARTIFACTS, 'report-pack.pdf'));
      const text = await pdfText(readFileSync(attempt!.files[1]!));
      for (const words of [
        '月度报表汇编 2026-10',
        '统计时段：2026-10-01 至 2026-10-31',
        '各人员 · 排队叫号',
        '各部门 · 好差评',
        clerkName('H3301-u-1'),
      ])
        expect(text).toContain(words);
    }

    // Written exactly once: later ticks (and a restart's) leave it.
    clock.advance(PACK_RETRY_MS * 2);
    await hub.packs.tick();
    expect(count(hub, "SELECT count(*) AS n FROM report_packs WHERE month = '2026-10'")).toBe(1);
    expect((await status(hub)).failing).toBeNull();
    expect(hub.health().reportPack).toBeNull();
  });

  it('a failure is recorded and alerted, tried again later (at once when the folder changes), until a pack is written', async () => {
    const { hub, clock } = await octoberDay();
    const root = tempDir();
    const usb = path.join(root, 'usb');
    writeFileSync(usb, ''); // the disk is not there: a file where the folder should be
    ok(setPack(hub, { enabled: true, folder: usb }));
    clock.set(hallTime('2026-11-02T08:00:00'));
    await hub.packs.tick();
    const failed = await status(hub);
    expect(failed.failing).toMatchObject({ month: '2026-10', writtenAt: null });
    expect(failed.failing!.error).toBeTruthy();
    expect(hub.health().reportPack).toMatchObject({ month: '2026-10' });

    // Not again within the retry interval; again after it.
    clock.advance(PACK_RETRY_MS - MIN);
    await hub.packs.tick();
    expect(count(hub, 'SELECT count(*) AS n FROM report_packs')).toBe(1);
    clock.advance(MIN);
    await hub.packs.tick();
    expect(count(hub, "SELECT count(*) AS n FROM report_packs WHERE error IS NOT NULL AND month = '2026-10'")).toBe(2);

    // The administrator gives another folder: tried at once, written, the alert gone.
    const good = path.join(root, 'reports');
    mkdirSync(good);
    ok(setPack(hub, { enabled: true, folder: good }));
    clock.advance(MIN);
    await hub.packs.tick();
    const after = await status(hub);
    expect(after.failing).toBeNull();
    expect(after.recent.map((a) => a.error === null)).toEqual([true, false, false]);
    expect(count(hub, "SELECT count(*) AS n FROM report_packs WHERE written_at IS NOT NULL AND month = '2026-10'")).toBe(1);
    rmSync(usb);
  });

  it('waits while a day of the month is open, and nothing is written while the pack is off', async () => {
    const { hub, clock, take, at } = await scriptedHall(START);
    at(0);
    take('A'); // 30 October is left open
    clock.set(hallTime('2026-11-01T09:00:00'));
    await hub.packs.tick();
    expect(count(hub, 'SELECT count(*) AS n FROM report_packs')).toBe(0);
    const folder = tempDir();
    ok(setPack(hub, { enabled: true, folder }));
    await hub.packs.tick();
    expect(count(hub, 'SELECT count(*) AS n FROM report_packs')).toBe(0);
    // The new month's second day: written with the days that were closed.
    clock.set(hallTime('2026-11-02T00:01:00'));
    await hub.packs.tick();
    expect((await status(hub)).recent).toMatchObject([{ month: '2026-10', error: null }]);
  });

  it('a PDF browser that is not there fails the attempt with its reason, and the board alerts', async () => {
    const { hub, clock } = await scriptedHall(START, { pdfBrowser: '/no/such/chromium' });
    ok(setPack(hub, { enabled: true, folder: tempDir() }));
    clock.set(hallTime('2026-11-02T08:00:00'));
    await hub.packs.tick();
    const { failing } = await status(hub);
    expect(failing).toMatchObject({ month: '2026-10', writtenAt: null });
    expect(failing!.files.map((f) => path.extname(f))).toEqual(['.xlsx', '.pdf']);
    expect(failing!.error).toMatch(/^PDF printing failed: .*ENOENT/);
  });
});
