import { caseSignalDefinition, RUNNING } from '../../../../shared/cases/rules';
import { type CaseSignal, type CaseStatus } from '../../../../shared/cases/enums';
import { columns } from '../../../../shared/kernel/definition';
import { hallDay, hallDayStart, waitingNow } from '../../../../shared/queue/rules';
import { waitKpi } from '../../../../shared/queue/kpi';
import { ErrorCode } from '../../../../shared/kernel/errors';
import { isQueryName, querySpecs, QueryRequest, type QueryAnswer, type QueryName, type QueryResult } from '../../../../shared/protocol';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { type ReportResult, type SupervisionRow } from '../../../../shared/cases/queries';
import { type StaffRole } from '../../../../shared/kernel/roles';
import { type TodayResult } from '../../../../shared/hall/queries';
import { staffRefusal } from '../../commands/executor';
import { hallCalendar } from '../calendar/calendar';
import type { Caller } from '../../commands/context';
import type { Store } from '../../store';

/**
 * The hub's read-only queries. Each is one statement (or a few) on an index made for it, so that
 * a hall with ten years of cases answers in milliseconds; none of them writes.
 */

const running = `(${RUNNING.map((s) => `'${s}'`).join(',')})`;
/** The case signal as SQL over `cases c`, today bound as @today. */
const signal = caseSignalDefinition.sql(columns('c'), '@today');
const ticket = columns();
const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** `session`: for a manager terminal, who is signed in there (queries need a signed-in manager too). */
export function runQuery(
  store: Store,
  hallId: string,
  caller: Caller,
  now: number,
  raw: unknown,
  session?: () => { role: StaffRole } | undefined,
): QueryAnswer {
  const request = QueryRequest.safeParse(raw);
  if (!request.success) return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '查询格式错误：需要 { name, params }' } };
  const { name } = request.data;
  if (!isQueryName(name)) return { ok: false, error: { code: ErrorCode.UNKNOWN_COMMAND, message: `未知查询：${name.slice(0, 64)}` } };
  const spec = querySpecs[name];
  if (!(spec.roles as readonly string[]).includes(caller.role))
    return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: `${caller.role} 终端无权查询 ${name}` } };
  if (session) {
    const refusal = staffRefusal(session(), ['manager', 'admin']);
    if (refusal) return { ok: false, error: refusal };
  }
  const params = spec.params.safeParse(request.data.params);
  if (!params.success)
    return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: `查询参数错误：${params.error.issues[0]?.message ?? ''}` } };
  const q = new Queries(store, hallId, now);
  const result = (q[name] as (p: unknown, c: Caller) => QueryResult<QueryName>)(params.data, caller);
  return { ok: true, result };
}

class Queries {
  private readonly today: string;
  constructor(
    private readonly store: Store,
    private readonly hallId: string,
    private readonly now: number,
  ) {
    this.today = hallDay(now, parseQueueSettings(store.get('halls', hallId)!.queue_settings).utcOffsetMinutes);
  }

  private get db() {
    return this.store.db;
  }

  'cases.supervision'(): QueryResult<'cases.supervision'> {
    const cal = hallCalendar(this.store, this.hallId);
    const candidates = this.db
      .prepare(
        `SELECT c.id, c.number, c.status, c.promised_due, c.statutory_due, ${signal} AS signal, c.green,
                c.calendar_warning, c.applicant_name, c.department_id, i.name AS item_name, d.name AS department_name,
                coalesce(h.name, f.name) AS handler_name,
                (SELECT count(*) FROM case_parts p WHERE p.case_id = c.id AND p.outcome = 'pending' AND p.due_day < @today) AS parts_overdue
         FROM cases c JOIN catalog_items i ON i.id = c.item_id JOIN departments d ON d.id = c.department_id
         LEFT JOIN staff h ON h.id = c.handler_id JOIN staff f ON f.id = c.first_clerk_id
         WHERE c.status IN ${running} AND c.yellow_from <= @today
         UNION ALL
         SELECT c.id, c.number, c.status, c.promised_due, c.statutory_due, ${signal}, c.green,
                c.calendar_warning, c.applicant_name, c.department_id, i.name, d.name, coalesce(h.name, f.name), o.n
         FROM (SELECT case_id, count(*) AS n FROM case_parts WHERE outcome = 'pending' AND due_day < @today GROUP BY case_id) o
         JOIN cases c ON c.id = o.case_id JOIN catalog_items i ON i.id = c.item_id JOIN departments d ON d.id = c.department_id
         LEFT JOIN staff h ON h.id = c.handler_id JOIN staff f ON f.id = c.first_clerk_id
         WHERE c.status IN ${running} AND c.yellow_from > @today`,
      )
      .all({ today: this.today }) as {
      id: string;
      number: string;
      status: CaseStatus;
      promised_due: string;
      statutory_due: string;
      signal: CaseSignal;
      green: number;
      calendar_warning: string;
      applicant_name: string;
      department_id: string;
      item_name: string;
      department_name: string;
      handler_name: string;
      parts_overdue: number;
    }[];
    const rows: SupervisionRow[] = [];
    for (const c of candidates) {
      const flagged = c.signal === 'red' || c.signal === 'yellow' ? c.signal : c.parts_overdue > 0 ? 'yellow' : null;
      if (!flagged) continue;
      const daysLeft =
        this.today <= c.promised_due
          ? cal.workingDaysBetween(this.today, c.promised_due)
          : -cal.workingDaysBetween(c.promised_due, this.today);
      rows.push({
        id: c.id,
        number: c.number,
        itemName: c.item_name,
        departmentId: c.department_id,
        departmentName: c.department_name,
        handlerName: c.handler_name,
        applicantName: c.applicant_name,
        status: c.status,
        signal: flagged,
        promisedDue: c.promised_due,
        statutoryDue: c.statutory_due,
        daysLeft,
        partsOverdue: c.parts_overdue,
        overStatutory: this.today > c.statutory_due,
        green: c.green === 1,
        calendarWarning: c.calendar_warning,
      });
    }
    rows.sort((a, b) => (a.signal === b.signal ? a.daysLeft - b.daysLeft : a.signal === 'red' ? -1 : 1));
    const counts = this.db
      .prepare(
        `SELECT c.department_id AS departmentId, d.name, count(*) AS running FROM cases c JOIN departments d ON d.id = c.department_id WHERE c.status IN ${running} GROUP BY c.department_id ORDER BY d.sort`,
      )
      .all() as { departmentId: string; name: string; running: number }[];
    const departments = counts.map((d) => ({
      ...d,
      yellow: rows.filter((r) => r.departmentId === d.departmentId && r.signal === 'yellow').length,
      red: rows.filter((r) => r.departmentId === d.departmentId && r.signal === 'red').length,
    }));
    const warned = this.db
      .prepare(
        `SELECT calendar_warning AS w, count(*) AS n FROM cases WHERE status IN ${running} AND calendar_warning <> '' GROUP BY calendar_warning`,
      )
      .all() as { w: string; n: number }[];
    const byYear = new Map<number, number>();
    for (const { w, n } of warned) for (const y of w.split(',')) byYear.set(Number(y), (byYear.get(Number(y)) ?? 0) + n);
    return {
      today: this.today,
      rows,
      departments,
      missingYears: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, cases]) => ({ year, cases })),
    };
  }

  'cases.search'(
    p: { text: string; scope: 'mine' | 'department' | 'all'; counterId: string | null },
    caller: Caller,
  ): QueryResult<'cases.search'> {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    if (p.scope !== 'all' || caller.role === 'clerk') {
      const counterId = caller.counterId ?? p.counterId;
      const staff = counterId
        ? (this.db
            .prepare('SELECT s.id, s.department_id FROM counters c JOIN staff s ON s.id = c.staff_id WHERE c.id = ?')
            .get(counterId) as { id: string; department_id: string | null } | undefined)
        : undefined;
      if (!staff) return { rows: [] };
      if (p.scope === 'department' && staff.department_id) {
        where.push('c.department_id = @department');
        args.department = staff.department_id;
      } else {
        where.push('(c.first_clerk_id = @staff OR c.handler_id = @staff)');
        args.staff = staff.id;
      }
    }
    if (p.text) {
      // Prefix ranges, so that the number and name indexes answer without a scan.
      where.push(
        "((c.number >= @text AND c.number < @text || '\uffff') OR (c.applicant_name >= @text AND c.applicant_name < @text || '\uffff'))",
      );
      args.text = p.text;
    }
    const rows = this.db
      .prepare(
        `SELECT c.id, c.number, i.name AS itemName, c.applicant_name AS applicantName, c.status, c.received_at AS receivedAt,
                c.promised_due AS promisedDue, c.on_time AS onTime
         FROM cases c JOIN catalog_items i ON i.id = c.item_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY c.received_at DESC LIMIT 50`,
      )
      .all(args) as {
      id: string;
      number: string;
      itemName: string;
      applicantName: string;
      status: CaseStatus;
      receivedAt: number;
      promisedDue: string | null;
      onTime: number | null;
    }[];
    return { rows: rows.map((r) => ({ ...r, onTime: r.onTime === null ? null : r.onTime === 1 })) };
  }

  'cases.report'(p: { from: string; to: string }): ReportResult {
    const { utcOffsetMinutes } = parseQueueSettings(this.store.get('halls', this.hallId)!.queue_settings);
    const start = hallDayStart(p.from, utcOffsetMinutes);
    const end = hallDayStart(p.to, utcOffsetMinutes) + 86_400_000;
    const catalog = this.db
      .prepare(
        `SELECT count(*) AS items, avg(statutory_limit) AS st, avg(promised_limit) AS pr FROM catalog_items WHERE hall_id = ? AND active = 1 AND limit_unit = 'working_days'`,
      )
      .get(this.hallId) as { items: number; st: number | null; pr: number | null };
    const concluded = this.db
      .prepare(
        `SELECT count(*) AS n, avg(used_days) AS used, avg(promised_limit) AS pr, avg(statutory_limit) AS st, sum(on_time) AS ok
         FROM cases WHERE concluded_at >= ? AND concluded_at < ? AND limit_unit = 'working_days'`,
      )
      .get(start, end) as { n: number; used: number | null; pr: number | null; st: number | null; ok: number | null };
    const joint = this.db
      .prepare(
        `SELECT count(*) AS n, sum(on_time) AS ok FROM cases c WHERE concluded_at >= ? AND concluded_at < ? AND EXISTS (SELECT 1 FROM case_parts p WHERE p.case_id = c.id)`,
      )
      .get(start, end) as { n: number; ok: number | null };
    const departments = this.db
      .prepare(
        `SELECT d.name, count(*) AS n, avg(c.used_days) AS used, sum(c.on_time) AS ok FROM cases c JOIN departments d ON d.id = c.department_id
         WHERE c.concluded_at >= ? AND c.concluded_at < ? GROUP BY c.department_id ORDER BY d.sort`,
      )
      .all(start, end) as { name: string; n: number; used: number | null; ok: number | null }[];
    return {
      from: p.from,
      to: p.to,
      catalog: {
        items: catalog.items,
        avgStatutory: round1(catalog.st),
        avgPromised: round1(catalog.pr),
        compressionPct: catalog.st ? Math.round((100 * (catalog.st - (catalog.pr ?? 0))) / catalog.st) : null,
      },
      concluded: {
        cases: concluded.n,
        avgUsedDays: round1(concluded.used),
        avgPromised: round1(concluded.pr),
        avgStatutory: round1(concluded.st),
        onTimePct: pct(concluded.ok ?? 0, concluded.n),
      },
      joint: { cases: joint.n, onTimePct: pct(joint.ok ?? 0, joint.n) },
      departments: departments.map((d) => ({ name: d.name, cases: d.n, avgUsedDays: round1(d.used), onTimePct: pct(d.ok ?? 0, d.n) })),
    };
  }

  'hall.today'(): TodayResult {
    const { utcOffsetMinutes } = parseQueueSettings(this.store.get('halls', this.hallId)!.queue_settings);
    const start = hallDayStart(this.today, utcOffsetMinutes);
    const tickets = this.db
      .prepare(
        `SELECT count(*) AS issued, sum(${waitingNow.sql(ticket, '@now')}) AS waiting, sum(status = 'finished') AS finished,
                sum(status = 'no_show') AS noShow, avg(${waitKpi.sql(ticket)}) AS wait
         FROM tickets WHERE day = @today`,
      )
      .get({ today: this.today, now: this.now }) as {
      issued: number;
      waiting: number | null;
      finished: number | null;
      noShow: number | null;
      wait: number | null;
    };
    const count = (sql: string, ...args: unknown[]) => (this.db.prepare(sql).get(...args) as { n: number }).n;
    // Counted, not listed, on the running-cases index: yellow and red need yellow_from <= today.
    const signals = new Map(
      (
        this.db
          .prepare(`SELECT ${signal} AS signal, count(*) AS n FROM cases c WHERE status IN ${running} AND yellow_from <= @today GROUP BY 1`)
          .all({ today: this.today }) as { signal: CaseSignal; n: number }[]
      ).map((r) => [r.signal, r.n]),
    );
    return {
      day: this.today,
      tickets: {
        issued: tickets.issued,
        waiting: tickets.waiting ?? 0,
        finished: tickets.finished ?? 0,
        noShow: tickets.noShow ?? 0,
        avgWaitMin: tickets.wait === null ? null : round1(tickets.wait / 60_000),
      },
      cases: {
        received: count('SELECT count(*) AS n FROM cases WHERE received_at >= ?', start),
        accepted: count('SELECT count(*) AS n FROM cases WHERE accepted_at >= ?', start),
        concluded: count('SELECT count(*) AS n FROM cases WHERE concluded_at >= ?', start),
        running: count(`SELECT count(*) AS n FROM cases WHERE status IN ${running}`),
        yellow: signals.get('yellow') ?? 0,
        red: signals.get('red') ?? 0,
      },
    };
  }
}
