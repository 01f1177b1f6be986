import { type CaseSignal } from '../../../../shared/cases/enums';
import { type CaseListRow, type caseQuerySpecs, type SupervisionRow } from '../../../../shared/cases/queries';
import { caseSignalDefinition, CLOCKED, DECIDED, FINAL, RUNNING, SIGNAL_ORDER } from '../../../../shared/cases/rules';
import { type Row } from '../../../../shared/protocol';
import { columns } from '../../../../shared/kernel/definition';
import { sqlIn } from '../../../../shared/kernel/sql';
import { hallDayStart } from '../../../../shared/queue/rules';
import { pct, round1 } from '../../queries/figures';
import type { Caller } from '../../commands/context';
import type { FeatureQueries } from '../../queries/registry';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import { hallCalendar } from '../calendar/calendar';

/**
 * The cases' read-only queries. Each is one statement (or a few) on an index made for it, so that
 * a hall with ten years of cases answers in milliseconds; none of them can write.
 */

/** The case signal as SQL over `cases c`, today bound as @today. */
const signal = caseSignalDefinition.sql(columns('c'), '@today');

/**
 * The cases that may be yellow or red on @today, each clock on its index: the decision clock from
 * its yellow day (cases_running), the delivery clock from its due day (cases_delivering). UNION ALL,
 * because a plain UNION makes SQLite walk the cases in id order instead.
 */
export const MAY_SIGNAL = `SELECT id FROM cases WHERE status ${sqlIn(RUNNING)} AND yellow_from <= @today
  UNION ALL SELECT id FROM cases WHERE status ${sqlIn(DECIDED)} AND delivery_due <= @today`;

/**
 * Open cases with a flag of their own: repeated 补正 notices, a late first notice, a late decision,
 * a fee other than the standard. Written as the cases_flagged index (migration 0010) is, so that
 * SQLite answers from it.
 */
export const FLAGGED_CASES = `status NOT ${sqlIn(FINAL)} AND (supplement_count > 1 OR late_notice = 1 OR card IS NOT NULL OR fee_charged_cents <> fee_standard_cents)`;

/**
 * Open cases approved (or denied) by their own handler, where the hall's settings allow it: written
 * as the cases_self_approved index (migration 0014) is.
 */
export const SELF_APPROVED = `approver_id = handler_id AND status NOT ${sqlIn(FINAL)}`;

/**
 * The cases a clerk (their own, or their department's) or a manager (the hall's) may list: by case
 * number or applicant name prefix, or by a whole resident ID number (case.findByIdNumber, which
 * counts as a reveal). The rows never carry an ID number. Newest first, at most 50.
 */
export function findCases(
  db: ReadonlyDb,
  caller: Caller,
  p: { text: string; scope: 'mine' | 'department' | 'all'; counterId: string | null },
  idNumber: string | null,
): CaseListRow[] {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (p.scope !== 'all' || caller.role === 'clerk') {
    const counterId = caller.counterId ?? p.counterId;
    const staff = counterId
      ? (prepared(db, 'SELECT s.id, s.department_id FROM counters c JOIN staff s ON s.id = c.staff_id WHERE c.id = ?').get(counterId) as
          { id: string; department_id: string | null } | undefined)
      : undefined;
    if (!staff) return [];
    if (p.scope === 'department' && staff.department_id) {
      where.push('c.department_id = @department');
      args.department = staff.department_id;
    } else {
      where.push('(c.first_clerk_id = @staff OR c.handler_id = @staff)');
      args.staff = staff.id;
    }
  }
  if (idNumber !== null) {
    // The whole number is on the hub alone (replicas hold its mask), indexed (migration 0017).
    where.push('c.id_number = @idNumber');
    args.idNumber = idNumber;
  } else if (p.text) {
    // Prefix ranges, so that the number and name indexes answer without a scan.
    where.push(
      "((c.number >= @text AND c.number < @text || '\uffff') OR (c.applicant_name >= @text AND c.applicant_name < @text || '\uffff'))",
    );
    args.text = p.text;
  }
  const rows = prepared(
    db,
    `SELECT c.id, c.number, i.name AS itemName, c.applicant_name AS applicantName, c.status, c.received_at AS receivedAt,
              c.promised_due AS promisedDue, c.on_time AS onTime
       FROM cases c JOIN catalog_items i ON i.id = c.item_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.received_at DESC LIMIT 50`,
  ).all(args) as (Omit<CaseListRow, 'onTime'> & { onTime: number | null })[];
  return rows.map((r) => ({ ...r, onTime: r.onTime === null ? null : r.onTime === 1 }));
}

export const caseQueries = {
  'cases.supervision': (db, { hallId, today }) => {
    const cal = hallCalendar(db, hallId);
    const candidates = prepared(
      db,
      `SELECT c.id, c.number, c.status, c.promised_due, c.statutory_due, c.delivery_due, ${signal} AS signal, c.green,
                c.calendar_warning, c.applicant_name, c.department_id, i.name AS item_name, d.name AS department_name,
                coalesce(h.name, f.name) AS handler_name, c.paused_kind, c.paused_since, c.decided_at, c.supplement_count,
                c.late_notice, c.card, c.late_days, c.fee_standard_cents, c.fee_charged_cents,
                coalesce(c.approver_id = c.handler_id, 0) AS self_approved,
                (SELECT count(*) FROM case_parts p WHERE p.case_id = c.id AND p.outcome = 'pending'
                   AND p.due_day < coalesce(c.paused_since, @today)) AS parts_overdue
         FROM cases c JOIN catalog_items i ON i.id = c.item_id JOIN departments d ON d.id = c.department_id
         LEFT JOIN staff h ON h.id = c.handler_id JOIN staff f ON f.id = c.first_clerk_id
         WHERE c.id IN (${MAY_SIGNAL}
                        UNION ALL SELECT id FROM cases WHERE ${FLAGGED_CASES}
                        UNION ALL SELECT id FROM cases WHERE ${SELF_APPROVED}
                        UNION ALL SELECT case_id FROM case_parts WHERE outcome = 'pending' AND due_day < @today)`,
    ).all({ today }) as (Pick<
      Row<'cases'>,
      | 'id'
      | 'number'
      | 'status'
      | 'promised_due'
      | 'statutory_due'
      | 'delivery_due'
      | 'green'
      | 'calendar_warning'
      | 'applicant_name'
      | 'department_id'
      | 'paused_kind'
      | 'paused_since'
      | 'decided_at'
      | 'supplement_count'
      | 'late_notice'
      | 'card'
      | 'late_days'
      | 'fee_standard_cents'
      | 'fee_charged_cents'
    > & {
      signal: CaseSignal;
      item_name: string;
      department_name: string;
      handler_name: string;
      parts_overdue: number;
      self_approved: number;
    })[];
    const rows: SupervisionRow[] = [];
    for (const c of candidates) {
      const fee =
        c.fee_charged_cents !== null && c.fee_charged_cents !== c.fee_standard_cents
          ? { standardCents: c.fee_standard_cents!, chargedCents: c.fee_charged_cents }
          : null;
      const selfApproved = c.self_approved === 1;
      const flagged =
        c.parts_overdue > 0 || c.supplement_count > 1 || c.late_notice === 1 || c.card !== null || fee !== null || selfApproved;
      if (!flagged && c.signal !== 'red' && c.signal !== 'yellow') continue;
      // The decision clock stands still while paused: what is left is counted from the day it stopped.
      const asOf = c.paused_since ?? today;
      const running = RUNNING.includes(c.status) && c.promised_due !== null && c.statutory_due !== null;
      rows.push({
        id: c.id,
        number: c.number,
        itemName: c.item_name,
        departmentId: c.department_id,
        departmentName: c.department_name,
        handlerName: c.handler_name,
        applicantName: c.applicant_name,
        status: c.status,
        signal: c.parts_overdue > 0 && SIGNAL_ORDER[c.signal] > SIGNAL_ORDER.yellow ? 'yellow' : c.signal,
        promisedDue: c.promised_due,
        statutoryDue: c.statutory_due,
        daysLeft: !running
          ? null
          : asOf <= c.promised_due!
            ? cal.workingDaysBetween(asOf, c.promised_due!)
            : -cal.workingDaysBetween(c.promised_due!, asOf),
        partsOverdue: c.parts_overdue,
        overStatutory: running && c.decided_at === null && asOf > c.statutory_due!,
        paused: c.paused_kind,
        deliveryDue: DECIDED.includes(c.status) ? c.delivery_due : null,
        supplements: c.supplement_count,
        lateNotice: c.late_notice === 1,
        card: c.card,
        lateDays: c.late_days,
        fee,
        selfApproved,
        green: c.green === 1,
        calendarWarning: c.calendar_warning,
      });
    }
    rows.sort((a, b) => SIGNAL_ORDER[a.signal] - SIGNAL_ORDER[b.signal] || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity));
    const running = new Map(
      (
        prepared(
          db,
          `SELECT department_id AS id, count(*) AS n FROM cases WHERE status ${sqlIn(RUNNING)} GROUP BY department_id`,
        ).all() as {
          id: string;
          n: number;
        }[]
      ).map((d) => [d.id, d.n]),
    );
    // Every department with running cases or a listed one (a decided case awaiting delivery no longer runs).
    const departments = (prepared(db, 'SELECT id, name FROM departments ORDER BY sort').all() as { id: string; name: string }[])
      .filter((d) => running.has(d.id) || rows.some((r) => r.departmentId === d.id))
      .map((d) => ({
        departmentId: d.id,
        name: d.name,
        running: running.get(d.id) ?? 0,
        yellow: rows.filter((r) => r.departmentId === d.id && r.signal === 'yellow').length,
        red: rows.filter((r) => r.departmentId === d.id && r.signal === 'red').length,
      }));
    const warned = prepared(
      db,
      `SELECT calendar_warning AS w, count(*) AS n FROM cases WHERE status ${sqlIn(CLOCKED)} AND calendar_warning <> '' GROUP BY calendar_warning`,
    ).all() as { w: string; n: number }[];
    const byYear = new Map<number, number>();
    for (const { w, n } of warned) for (const y of w.split(',')) byYear.set(Number(y), (byYear.get(Number(y)) ?? 0) + n);
    return {
      today: today,
      rows,
      departments,
      missingYears: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, cases]) => ({ year, cases })),
    };
  },

  'cases.search': (db, { caller }, p) => ({ rows: findCases(db, caller, p, null) }),

  'cases.report': (db, { hallId, utcOffsetMinutes }, p) => {
    const start = hallDayStart(p.from, utcOffsetMinutes);
    const end = hallDayStart(p.to, utcOffsetMinutes) + 86_400_000;
    const catalog = prepared(
      db,
      `SELECT count(*) AS items, avg(statutory_limit) AS st, avg(promised_limit) AS pr FROM catalog_items WHERE hall_id = ? AND active = 1 AND limit_unit = 'working_days'`,
    ).get(hallId) as { items: number; st: number | null; pr: number | null };
    // One population for every case figure: the cases concluded in the period whose limits are in
    // working days, so that days used, promised and statutory are all working days. Cases with
    // limits in other units are counted apart, and the report says so.
    const period = { start, end };
    const IN_PERIOD = 'c.concluded_at >= @start AND c.concluded_at < @end';
    const POPULATION = `${IN_PERIOD} AND c.limit_unit = 'working_days'`;
    const concluded = prepared(
      db,
      `SELECT count(*) AS n, avg(used_days) AS used, avg(promised_limit) AS pr, avg(statutory_limit) AS st, sum(on_time) AS ok
         FROM cases c WHERE ${POPULATION}`,
    ).get(period) as { n: number; used: number | null; pr: number | null; st: number | null; ok: number | null };
    const otherUnits = prepared(db, `SELECT count(*) AS n FROM cases c WHERE ${IN_PERIOD} AND c.limit_unit <> 'working_days'`).get(
      period,
    ) as {
      n: number;
    };
    const joint = prepared(
      db,
      `SELECT count(*) AS n, sum(on_time) AS ok FROM cases c WHERE ${POPULATION} AND EXISTS (SELECT 1 FROM case_parts p WHERE p.case_id = c.id)`,
    ).get(period) as { n: number; ok: number | null };
    const departments = prepared(
      db,
      `SELECT d.name, count(*) AS n, avg(c.used_days) AS used, sum(c.on_time) AS ok FROM cases c JOIN departments d ON d.id = c.department_id
         WHERE ${POPULATION} GROUP BY c.department_id ORDER BY d.sort`,
    ).all(period) as { name: string; n: number; used: number | null; ok: number | null }[];
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
      otherUnits: otherUnits.n,
      joint: { cases: joint.n, onTimePct: pct(joint.ok ?? 0, joint.n) },
      departments: departments.map((d) => ({ name: d.name, cases: d.n, avgUsedDays: round1(d.used), onTimePct: pct(d.ok ?? 0, d.n) })),
    };
  },
} satisfies FeatureQueries<typeof caseQuerySpecs>;
