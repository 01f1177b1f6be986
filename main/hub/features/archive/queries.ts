import type { archiveQuerySpecs, ArchiveRanking } from '../../../../shared/archive/queries';
import { prepared } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';
import { archiveMonth, monthWindow } from './facts';
import { staffAlertsNow } from './staffAlerts';

// The clerk signed in at the asking terminal's counter, from this very terminal.
const SIGNED_IN = 'SELECT staff_id FROM counters WHERE id = ? AND terminal_id = ? AND staff_id IS NOT NULL';
// The month's scores under the newest version it was scored with, by department, best first.
const SCORES = `
  SELECT s.staff_id AS staffId, s.score, t.department_id AS departmentId,
    (SELECT count(*) FROM archive_entries e WHERE e.staff_id = s.staff_id AND e.contest = 'pending' AND e.day >= @first AND e.day < @next) AS contested
  FROM archive_scores s JOIN staff t ON t.id = s.staff_id
  WHERE s.month = @month AND s.rules_version = @version
  ORDER BY t.department_id, s.score DESC, s.staff_id`;

// The month's complaints by the department they were recorded against (a counter's count for the counter alone).
const COMPLAINTS = `SELECT department_id AS id, count(*) AS n, coalesce(sum(substantiated = 1), 0) AS substantiated FROM complaints
  WHERE department_id IS NOT NULL AND received_day >= @first AND received_day < @next GROUP BY 1`;

export const archiveQueries = {
  'archive.staffAlertsNow': (db, { today, now }) => staffAlertsNow(db, today, now),
  'archive.staffMonth': (db, { hallId, now, utcOffsetMinutes }, { staffId, month }) =>
    archiveMonth(db, hallId, now, staffId, monthWindow(month, utcOffsetMinutes)),
  'archive.mine': (db, { hallId, now, utcOffsetMinutes, caller }, { month }) => {
    const here =
      caller.counterId === null
        ? undefined
        : (prepared(db, SIGNED_IN).get(caller.counterId, caller.terminalId) as { staff_id: string } | undefined);
    return here ? archiveMonth(db, hallId, now, here.staff_id, monthWindow(month, utcOffsetMinutes)) : null;
  },
  'archive.ranking': (db, { utcOffsetMinutes }, { month }) => {
    const w = monthWindow(month, utcOffsetMinutes);
    const version = (prepared(db, 'SELECT max(rules_version) AS v FROM archive_scores WHERE month = ?').get(month) as { v: number | null })
      .v;
    const rows =
      version === null
        ? []
        : (prepared(db, SCORES).all({ month, version, first: w.first, next: w.next }) as {
            staffId: string;
            score: number;
            departmentId: string | null;
            contested: number;
          }[]);
    const complaints = new Map(
      (prepared(db, COMPLAINTS).all(w) as { id: string; n: number; substantiated: number }[]).map((c) => [c.id, c]),
    );
    const departments = new Map<string | null, ArchiveRanking['departments'][number]>();
    for (const r of rows) {
      const d =
        departments.get(r.departmentId) ??
        departments
          .set(r.departmentId, {
            departmentId: r.departmentId,
            scored: 0,
            full: 0,
            deducted: 0,
            contested: 0,
            complaints: complaints.get(r.departmentId ?? '')?.n ?? 0,
            substantiatedComplaints: complaints.get(r.departmentId ?? '')?.substantiated ?? 0,
            staff: [],
          })
          .get(r.departmentId)!;
      d.scored++;
      if (r.score === 100) d.full++;
      else d.deducted++;
      d.contested += r.contested;
      // Ties share a rank (1, 1, 3): rows come best first within the department.
      const before = d.staff.at(-1);
      d.staff.push({ staffId: r.staffId, score: r.score, rank: before && before.score === r.score ? before.rank : d.staff.length + 1 });
    }
    return { month, version, departments: [...departments.values()] };
  },
} satisfies FeatureQueries<typeof archiveQuerySpecs>;
