import { useEffect, useState } from 'react';
import type { HallError } from '../../../shared/kernel/errors';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/protocol/registry';
import { rowsOf } from '../../../shared/protocol/replica';
import { useHall } from './hall';
import { useNow } from './time';

/**
 * Asks the hub a query, and again whenever cases change (as the feed shows), every minute (signals
 * change with the day, not only with writes), when `tick` moves (a refresh), and when `params`
 * change: pass the same object until they do (a constant, or memoized). The last answer stays on
 * screen while the next is asked, and beside a refusal.
 */
export function useHubQuery<Q extends QueryName>(name: Q, params: QueryParams<Q>, tick: number) {
  const { api, replica, connection } = useHall();
  const minute = Math.floor(useNow(60_000) / 60_000);
  const [result, setResult] = useState<QueryResult<Q> | null>(null);
  const [error, setError] = useState<HallError | null>(null);
  const cases = rowsOf(replica, 'cases');
  // Any case written (a step, a part decided, a new case) moves one of these.
  const casesVersion = `${cases.length}:${cases.reduce((m, c) => Math.max(m, c.updated_at), 0)}:${rowsOf(replica, 'case_parts').length}`;
  const online = connection.status === 'connected';
  useEffect(() => {
    if (!online) return;
    // An answer to an earlier question that arrives late is dropped.
    let current = true;
    void api.query(name, params).then((r) => {
      if (!current) return;
      if (r.ok) setResult(r.result);
      setError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [api, name, params, casesVersion, minute, online, tick]);
  return { result, error };
}
