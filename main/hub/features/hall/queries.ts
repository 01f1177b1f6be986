import { caseSignalDefinition, RUNNING } from '../../../../shared/cases/rules';
import type { CaseSignal } from '../../../../shared/cases/enums';
import { type hallQuerySpecs } from '../../../../shared/hall/queries';
import { columns } from '../../../../shared/kernel/definition';
import { sqlIn } from '../../../../shared/kernel/sql';
import { waitKpi } from '../../../../shared/queue/kpi';
import { hallDayStart, waitingNow } from '../../../../shared/queue/rules';
import type { FeatureQueries } from '../../queries/registry';
import { MAY_SIGNAL } from '../cases/queries';
import { prepared } from '../../readonlyDb';

const ticket = columns();
import { round1 } from '../../queries/figures';

const TICKETS = `SELECT count(*) AS issued, sum(${waitingNow.sql(ticket, '@now')}) AS waiting, sum(status = 'finished') AS finished,
                        sum(status = 'no_show') AS noShow, avg(${waitKpi.sql(ticket)}) AS wait
                 FROM tickets WHERE day = @today`;
// Counted, not listed, among the cases that may be yellow or red today (see MAY_SIGNAL).
const SIGNALS = `SELECT ${caseSignalDefinition.sql(columns(), '@today')} AS signal, count(*) AS n
                 FROM cases WHERE id IN (${MAY_SIGNAL}) GROUP BY 1`;

export const hallQueries = {
  'hall.today': (db, { today, now, utcOffsetMinutes }) => {
    const start = hallDayStart(today, utcOffsetMinutes);
    const tickets = prepared(db, TICKETS).get({ today, now }) as {
      issued: number;
      waiting: number | null;
      finished: number | null;
      noShow: number | null;
      wait: number | null;
    };
    const signals = new Map((prepared(db, SIGNALS).all({ today }) as { signal: CaseSignal; n: number }[]).map((r) => [r.signal, r.n]));
    const count = (sql: string, ...args: unknown[]) => (prepared(db, sql).get(...args) as { n: number }).n;
    return {
      day: today,
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
        running: count(`SELECT count(*) AS n FROM cases WHERE status ${sqlIn(RUNNING)}`),
        yellow: signals.get('yellow') ?? 0,
        red: signals.get('red') ?? 0,
      },
    };
  },
} satisfies FeatureQueries<typeof hallQuerySpecs>;
