import { addDays } from '../../../../shared/calendar/rules';
import { columns } from '../../../../shared/kernel/definition';
import { expectedArrivals, likeDays, openByHour, staffingByHour, type ArrivalCount } from '../../../../shared/forecast/forecast';
import type { forecastQuerySpecs } from '../../../../shared/forecast/queries';
import { serviceKpi } from '../../../../shared/queue/kpi';
import { hallDayStart } from '../../../../shared/queue/rules';
import type { Row } from '../../../../shared/protocol';
import { prepared } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';
import { hallCalendar } from '../calendar/calendar';

const DAY_MS = 86_400_000;
// Arrivals by the issuing service (the hour cast: a bound number arrives as REAL) (DOMAIN.md: issued per service is by the issuing service) and hour on the hall's clock.
const ARRIVALS = `SELECT day, issued_service_id AS serviceId, CAST(((issued_at + @offset) % ${DAY_MS}) / 3600000 AS INTEGER) AS hour, count(*) AS n
  FROM tickets WHERE day >= @from AND day < @to GROUP BY 1, 2, 3`;
// Service times by the service that served, from the one service-time definition.
const service = serviceKpi.sql(columns());
const SERVICE = `SELECT service_id AS id, sum(${service}) AS ms, count(${service}) AS n FROM tickets
  WHERE day IN (SELECT value FROM json_each(@days)) GROUP BY 1`;

export const forecastQueries = {
  'forecast.day': (db, { hallId, today, now, utcOffsetMinutes }, { day, targetShare, weeks }) => {
    const calendar = hallCalendar(db, hallId);
    const from = addDays(day, -7 * weeks);
    const open = (
      prepared(db, 'SELECT day FROM hall_days WHERE day >= ? AND day < ? ORDER BY day').all(from, day) as { day: string }[]
    ).map((d) => d.day);
    const like = likeDays(calendar, day, open, weeks);
    const counts = prepared(db, ARRIVALS).all({ offset: utcOffsetMinutes * 60_000, from, to: day }) as ArrivalCount[];
    const rates = expectedArrivals(counts, like.days);
    const times = new Map(
      (prepared(db, SERVICE).all({ days: JSON.stringify(like.days) }) as { id: string; ms: number | null; n: number }[]).map((s) => [
        s.id,
        s,
      ]),
    );
    const assigned = new Map(
      (prepared(db, 'SELECT service_id AS id, count(*) AS n FROM counter_services GROUP BY 1').all() as { id: string; n: number }[]).map(
        (a) => [a.id, a.n],
      ),
    );
    const services = prepared(db, 'SELECT id, max_wait_min FROM services ORDER BY sort, id').all() as Pick<
      Row<'services'>,
      'id' | 'max_wait_min'
    >[];
    const dayStart = hallDayStart(day, utcOffsetMinutes);
    const log =
      day <= today
        ? (prepared(db, 'SELECT counter_id, event, at FROM counter_log WHERE at >= ? AND at < ?').all(dayStart, dayStart + DAY_MS) as {
            counter_id: string;
            event: string;
            at: number;
          }[])
        : null;
    return {
      day,
      basis: like.basis,
      sampleDays: like.days.length,
      targetShare,
      services: services.map((s) => {
        const t = times.get(s.id);
        const serviceMin = t && t.n > 0 && t.ms !== null ? t.ms / t.n / 60_000 : null;
        return {
          serviceId: s.id,
          serviceMin,
          targetMin: s.max_wait_min,
          assigned: assigned.get(s.id) ?? 0,
          hours: staffingByHour(rates.get(s.id) ?? new Array<number>(24).fill(0), serviceMin, s.max_wait_min, targetShare),
        };
      }),
      openByHour: log && openByHour(log, dayStart, Math.min(now, dayStart + DAY_MS)),
    };
  },
} satisfies FeatureQueries<typeof forecastQuerySpecs>;
