import { rowById, type ReplicaState } from '../../../../shared/protocol';
import type { RATING_GROUPS } from '../../../../shared/ratings/queries';

export type RatingGroupKey = (typeof RATING_GROUPS)[number];

/** A group's name as the board's replica knows it. */
export function groupName(replica: ReplicaState, by: RatingGroupKey, id: string | null): string {
  if (by === 'department') return rowById(replica, 'departments', id)?.name ?? '—';
  if (by === 'counter') return rowById(replica, 'counters', id)?.name ?? '—';
  if (by === 'staff') return rowById(replica, 'staff', id)?.name ?? '—';
  return rowById(replica, 'services', id)?.name ?? '—';
}

/** What a rating was about: a ticket's service, or a concluded case's catalog item. */
export const ratedSubject = (replica: ReplicaState, r: { serviceId: string | null; itemId: string | null }): string =>
  r.itemId ? (rowById(replica, 'catalog_items', r.itemId)?.name ?? '—') : groupName(replica, 'service', r.serviceId);
