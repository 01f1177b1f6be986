import type { FeedBatch, Snapshot } from './feed';
import type { AnyRow, Row, TableName } from './registry';

/**
 * An in-memory replica: what a renderer reads from. Immutable updates, so React sees a new
 * object for every table that changed and the same object for every table that did not.
 */
export interface ReplicaState {
  seq: number;
  tables: { readonly [T in TableName]?: ReadonlyMap<string, Row<T>> };
}

export const emptyReplica: ReplicaState = { seq: 0, tables: {} };

export function fromSnapshot(s: Snapshot): ReplicaState {
  const tables: Record<string, Map<string, AnyRow>> = {};
  for (const [name, rows] of Object.entries(s.tables)) {
    tables[name] = new Map((rows as AnyRow[]).map((r) => [r.id, r]));
  }
  return { seq: s.seq, tables: tables as ReplicaState['tables'] };
}

/**
 * Applies a batch. Entries at or below the replica's seq are skipped (a backlog may overlap live
 * delivery). A batch starting after seq + 1 means changes were missed: reported, not papered
 * over, and nothing is applied; the caller resubscribes from its seq.
 */
export function applyBatch(state: ReplicaState, batch: FeedBatch): { state: ReplicaState; gap: boolean } {
  if (batch.from > state.seq + 1) return { state, gap: true };
  const changed = new Map<string, Map<string, AnyRow>>();
  for (const e of batch.entries) {
    if (e.seq <= state.seq) continue;
    let table = changed.get(e.table);
    if (!table) {
      table = new Map((state.tables[e.table] as ReadonlyMap<string, AnyRow> | undefined) ?? []);
      changed.set(e.table, table);
    }
    if (e.op === 'delete' || e.row === null) table.delete(e.id);
    else table.set(e.id, e.row as AnyRow);
  }
  if (batch.to <= state.seq) return { state, gap: false };
  return { state: { seq: batch.to, tables: { ...state.tables, ...Object.fromEntries(changed) } as ReplicaState['tables'] }, gap: false };
}

export function rowsOf<T extends TableName>(state: ReplicaState, table: T): Row<T>[] {
  const m = state.tables[table] as ReadonlyMap<string, Row<T>> | undefined;
  return m ? [...m.values()] : [];
}

export function rowById<T extends TableName>(state: ReplicaState, table: T, id: string | null | undefined): Row<T> | undefined {
  if (!id) return undefined;
  return (state.tables[table] as ReadonlyMap<string, Row<T>> | undefined)?.get(id);
}

export function toSnapshot(state: ReplicaState): Snapshot {
  const tables: Snapshot['tables'] = {};
  for (const [name, rows] of Object.entries(state.tables)) tables[name as TableName] = [...(rows as ReadonlyMap<string, AnyRow>).values()];
  return { seq: state.seq, tables };
}
