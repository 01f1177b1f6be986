import { querySpecs, type QueryAnswer, type QueryName } from '../../../shared/protocol';
import { hallDay } from '../../../shared/queue/rules';
import { parseQueueSettings } from '../../../shared/queue/settings';
import { prepared, type ReadonlyDb } from '../readonlyDb';
import { queries, type Query, type QueryContext } from './registry';
import type { QueryJob } from './request';

/**
 * Answers a checked query on a read-only connection. The result is validated against the query's
 * result schema before it leaves, like a command's: a query answering something else is a bug,
 * thrown like any other error (the caller answers it INTERNAL and logs it).
 */
export function answerQuery(db: ReadonlyDb, job: QueryJob): QueryAnswer {
  const hall = prepared(db, 'SELECT id, queue_settings FROM halls LIMIT 1').get() as { id: string; queue_settings: string };
  const { utcOffsetMinutes } = parseQueueSettings(hall.queue_settings);
  const ctx: QueryContext = {
    hallId: hall.id,
    now: job.now,
    today: hallDay(job.now, utcOffsetMinutes),
    utcOffsetMinutes,
    caller: job.caller,
  };
  const query = queries[job.name] as Query<QueryName>;
  return { ok: true, result: querySpecs[job.name].result.parse(query(db, ctx, job.params as never)) as never };
}
