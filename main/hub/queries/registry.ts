import type { z } from 'zod';
import type { querySpecs, QueryName, QueryResult } from '../../../shared/protocol';
import type { Caller } from '../commands/context';
import { archiveQueries } from '../features/archive/queries';
import { forecastQueries } from '../features/forecast/queries';
import { backupQueries } from '../features/backup/queries';
import { caseQueries } from '../features/cases/queries';
import { hallQueries } from '../features/hall/queries';
import { ratingQueries } from '../features/ratings/queries';
import { reportQueries } from '../features/reports/queries';
import { bookingQueries } from '../features/appointments/queries';
import type { ReadonlyDb } from '../readonlyDb';

/** What a query knows besides its params: the hall, the hub's clock (passed in, so that a test's clock holds) and who asks. */
export interface QueryContext {
  hallId: string;
  now: number;
  /** The hall day of `now`, on the hall's clock. */
  today: string;
  utcOffsetMinutes: number;
  caller: Caller;
}

export type QueryParamsOf<Q extends QueryName> = z.output<(typeof querySpecs)[Q]['params']>;
/** A read-only query: it gets a ReadonlyDb, so it cannot write. */
export type Query<Q extends QueryName> = (db: ReadonlyDb, ctx: QueryContext, params: QueryParamsOf<Q>) => QueryResult<Q>;
/** A feature's queries, checked against its own query specs: one for each, none for another feature's. */
export type FeatureQueries<Specs> = { [Q in keyof Specs & QueryName]: Query<Q> };

/** Every query, from the features; like the handlers, each name has exactly one. */
export const queries: { [Q in QueryName]: Query<Q> } = {
  ...caseQueries,
  ...hallQueries,
  ...ratingQueries,
  ...archiveQueries,
  ...forecastQueries,
  ...reportQueries,
  ...backupQueries,
  ...bookingQueries,
};
