import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatDay, WorkCalendar } from '../../shared/calendar/rules';
import { caseDeadlines } from '../../shared/cases/rules';
import { hallDay } from '../../shared/queue/rules';
import { packageYears } from '../../main/hub/features/calendar/calendar';
import { startHub } from '../../main/hub/hub';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { nowMs, round, summarize } from './stats';
import { prng } from '../support/prng';
import { writeReportDays } from './reportDays';

/**
 * Ten years of a large hall: 2,000,000 cases and 5,000,000 tickets written straight into the
 * hub's database (through its own schema), then the hub started on it and asked what a
 * manager's screens ask. Case histories (case_events) are not generated: no query reads them.
 */
export const TEN_YEARS = { cases: 2_000_000, tickets: 5_000_000, days: 3650 };
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000; // the demo hall's UTC+8

function generate(dataDir: string, now: number, log: (m: string) => void): void {
  const db = new Database(path.join(dataDir, 'hall.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rnd = prng(42);
  const items = db.prepare('SELECT id, department_id, service_id, statutory_limit, promised_limit FROM catalog_items').all() as {
    id: string;
    department_id: string;
    service_id: string;
    statutory_limit: number;
    promised_limit: number;
  }[];
  const services = db.prepare('SELECT id, prefix FROM services').all() as { id: string; prefix: string }[];
  const staff = (db.prepare("SELECT id FROM staff WHERE role = 'clerk'").all() as { id: string }[]).map((s) => s.id);
  const counters = (db.prepare('SELECT id FROM counters').all() as { id: string }[]).map((c) => c.id);
  const years = packageYears();
  const cal = new WorkCalendar({
    years: [...years.keys()],
    holidays: [...years.values()].flatMap((y) => y.holidays),
    workdays: [...years.values()].flatMap((y) => y.workdays),
  });
  const today = hallDay(now, 480);
  const firstDay = Date.parse(`${today}T00:00:00Z`) - TEN_YEARS.days * DAY;

  const ticket =
    db.prepare(`INSERT INTO tickets (id, hall_id, day, service_id, seq, number, issued_service_id, priority, status, queue_key, issued_at,
    called_at, first_called_at, started_at, finished_at, counter_id, staff_id, recalls, end_reason, handled_services)
    VALUES (?, 'H3301', ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL)`);
  const perDayTickets = Math.ceil(TEN_YEARS.tickets / TEN_YEARS.days);
  const t0 = nowMs();
  db.transaction(() => {
    let n = 0;
    for (let d = 0; d < TEN_YEARS.days && n < TEN_YEARS.tickets; d++) {
      const dayStart = firstDay + d * DAY;
      const day = formatDay(dayStart);
      const seqs = new Map<string, number>();
      for (let i = 0; i < perDayTickets && n < TEN_YEARS.tickets; i++, n++) {
        const s = services[Math.floor(rnd() * services.length)]!;
        const seq = (seqs.get(s.id) ?? 0) + 1;
        seqs.set(s.id, seq);
        const issued = dayStart - OFFSET + 9 * 3_600_000 + Math.floor((i / perDayTickets) * 8 * 3_600_000);
        const called = issued + Math.floor(rnd() * 1_800_000);
        const noShow = rnd() < 0.04;
        ticket.run(
          `t${n}`,
          day,
          s.id,
          seq,
          `${s.prefix}${String(seq).padStart(3, '0')}`,
          s.id,
          noShow ? 'no_show' : 'finished',
          issued,
          issued,
          called,
          called,
          noShow ? null : called + 60_000,
          noShow ? null : called + 600_000,
          counters[n % counters.length]!,
          staff[n % staff.length]!,
          noShow ? '过号' : null,
        );
      }
    }
  })();
  log(`  generated ${TEN_YEARS.tickets.toLocaleString()} tickets in ${Math.round((nowMs() - t0) / 1000)} s`);

  const kase =
    db.prepare(`INSERT INTO cases (id, hall_id, number, number_day, number_seq, item_id, department_id, ticket_id, counter_id, status, applicant_type,
    applicant_name, id_number, id_masked, credit_code, phone, agent_name, first_clerk_id, green, materials_received, materials_missing, supplement_count,
    received_at, accepted_at, accepted_day, handler_id, reviewer_id, approver_id, decided_at, concluded_at, delivered_at, statutory_limit, promised_limit,
    limit_unit, statutory_unit, promised_due, statutory_due, yellow_from, calendar_warning, paused_kind, paused_since, paused_days, extension_days,
    extension_reason, extension_approver_id, decision_reason, used_days, on_time, late_notice, updated_at)
    VALUES (@id, 'H3301', @number, @day, @seq, @item, @dept, NULL, @counter, @status, 'person', @name, NULL, '330102********1234', NULL, '13800138000', NULL,
    @staff, 0, '["申请书"]', '[]', 0, @received, @received, @day, @staff, @reviewer, @approver, @concluded, @concluded, @delivered, @st, @pr, 'working_days',
    'working_days', @due, @sdue, @yellow, '', NULL, NULL, 0, 0, NULL, NULL, NULL, @used, @onTime, 0, @updated)`);
  const perDayCases = Math.ceil(TEN_YEARS.cases / TEN_YEARS.days);
  const deadlines = new Map<string, ReturnType<typeof caseDeadlines>>();
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const t1 = nowMs();
  db.transaction(() => {
    let n = 0;
    for (let d = 0; d < TEN_YEARS.days && n < TEN_YEARS.cases; d++) {
      const dayStart = firstDay + d * DAY;
      const day = formatDay(dayStart);
      for (let i = 0; i < perDayCases && n < TEN_YEARS.cases; i++, n++) {
        const item = items[n % items.length]!;
        const received = dayStart - OFFSET + 9 * 3_600_000 + i * 60_000;
        const key = `${day}|${item.id}`;
        let d0 = deadlines.get(key);
        if (!d0)
          deadlines.set(
            key,
            (d0 = caseDeadlines(
              cal,
              day,
              { promised: item.promised_limit, unit: 'working_days', statutory: item.statutory_limit, statutoryUnit: 'working_days' },
              0,
              [],
              0.8,
            )),
          );
        // Most cases finish within their promised limit, about one in twenty later; a case whose
        // finishing day has not come yet is still running today.
        const used = Math.max(0, Math.round(item.promised_limit * (rnd() < 0.05 ? 1 + rnd() * 0.3 : 0.3 + rnd() * 0.7)));
        const finishes = received + Math.round((used * 7) / 5) * DAY;
        const running = finishes > now;
        const concluded = running ? null : finishes;
        kase.run({
          id: `k${n}`,
          number: `H3301-${day.replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`,
          day,
          seq: i + 1,
          item: item.id,
          dept: item.department_id,
          counter: counters[n % counters.length]!,
          status: running ? 'handling' : 'delivered',
          name: `${surnames[n % surnames.length]}某${n % 97}`,
          staff: staff[n % staff.length]!,
          // Separation of duties: review and approval by two others, once the case got that far.
          reviewer: running ? null : staff[(n + 1) % staff.length]!,
          approver: running ? null : staff[(n + 2) % staff.length]!,
          received,
          concluded,
          delivered: concluded === null ? null : concluded + DAY,
          st: item.statutory_limit,
          pr: item.promised_limit,
          due: d0.promisedDue,
          sdue: d0.statutoryDue,
          yellow: d0.yellowFrom,
          used: running ? null : used,
          onTime: running ? null : used <= item.promised_limit ? 1 : 0,
          updated: concluded ?? received,
        });
      }
    }
  })();
  log(`  generated ${TEN_YEARS.cases.toLocaleString()} cases in ${Math.round((nowMs() - t1) / 1000)} s`);
  const t2 = nowMs();
  writeReportDays(db, OFFSET);
  log(`  wrote the reports' daily aggregates in ${Math.round((nowMs() - t2) / 1000)} s`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Median of `n` timed runs of a query, one after the other. */
async function time(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = nowMs();
    await fn();
    samples.push(nowMs() - t);
  }
  return summarize(samples);
}

/**
 * The slowest of the one-year KPI reports by clerk, counter, service and department (the median of
 * five runs each), asked as the board asks: reports.kpi through the hub's query worker.
 */
export async function reportKpiYear(ask: (name: string, params: unknown) => Promise<unknown>, year: number): Promise<number> {
  const medians: number[] = [];
  for (const dimension of ['staff', 'counter', 'service', 'department']) {
    const params = { report: 'queue', dimension, bucket: 'total', from: `${year}-01-01`, to: `${year}-12-31` };
    const { rows } = (await ask('reports.kpi', params)) as { rows: unknown[] };
    if (rows.length === 0) throw new Error(`no ${dimension} rows in ${year}: the aggregates are missing`);
    medians.push((await time(5, () => ask('reports.kpi', params))).p50);
  }
  return round(Math.max(...medians), 1);
}

/** The ten-year hall in `dataDir`: the demo hall seeded, then ten years written into it; kept when there already. */
export async function tenYearHall(dataDir: string, log: (m: string) => void): Promise<void> {
  if (existsSync(path.join(dataDir, 'hall.db'))) return;
  const seeded = await startHub({ dataDir, port: 0, demo: true });
  await seeded.close();
  generate(dataDir, Date.now(), log);
}

/** `keepDir`: generate once into that directory and reuse it on later runs (for tuning queries). */
export async function benchTenYears(log: (m: string) => void, keepDir?: string) {
  const dataDir = keepDir ?? mkdtempSync(path.join(tmpdir(), 'servicehall-10y-'));
  try {
    await tenYearHall(dataDir, log);

    const starts: number[] = [];
    let hub;
    for (let i = 0; i < 3; i++) {
      const t = nowMs();
      hub = await startHub({ dataDir, port: 0 });
      starts.push(nowMs() - t);
      if (i < 2) await hub.close();
    }
    const caller = { terminalId: 'H3301-t-manager-1', role: 'manager' as const, counterId: null };
    const ask = async (name: string, params: unknown) => {
      const a = await hub!.query(caller, { name, params });
      if (!a.ok) throw new Error(a.error.message);
      return a.result;
    };
    const signIn = hub!.execute(caller, {
      opId: `bench-${Date.now()}`,
      type: 'session.signIn',
      payload: { login: 'admin', password: DEMO_PASSWORD },
    });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const lastYear = new Date().getUTCFullYear() - 1;
    const sup = (await ask('cases.supervision', {})) as { rows: unknown[] };
    const supervision = await time(20, () => ask('cases.supervision', {}));
    const today = await time(20, () => ask('hall.today', {}));
    const report = await time(5, () => ask('cases.report', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` }));
    const kpiYear = await reportKpiYear(ask, lastYear);
    const running = (hub!.db.prepare("SELECT count(*) AS n FROM cases WHERE status = 'handling'").get() as { n: number }).n;
    await hub!.close();
    return {
      cases_10y: TEN_YEARS.cases,
      tickets_10y: TEN_YEARS.tickets,
      running_cases_10y: running,
      signals_10y: sup.rows.length,
      // The first start after the data was written: nothing of it is cached in the process yet.
      hub_start_10y_ms: Math.round(starts[0]!),
      supervision_10y_ms: round(supervision.p50, 1),
      today_10y_ms: round(today.p50, 1),
      report_year_10y_ms: round(report.p50, 1),
      report_kpi_year_10y_ms: kpiYear,
    };
  } finally {
    if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('tenYears.ts')) {
  void benchTenYears(console.log, process.env.BENCH_10Y_DIR).then((r) => console.log(`BENCH ${JSON.stringify(r)}`));
}
