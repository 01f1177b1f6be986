import { describe, expect, it } from 'vitest';
import { applyBatch, emptyReplica, fromSnapshot, projectRow, rowsOf, toSnapshot, type FeedBatch } from '../../../shared/protocol';

const hall = (notice: string) => ({ id: 'h', code: 'H', name: '大厅', notice });
const batch = (from: number, to: number, entries: FeedBatch['entries']): FeedBatch => ({ from, to, entries });

describe('in-memory replica', () => {
  it('applies batches in order and skips what it already holds', () => {
    let s = applyBatch(
      emptyReplica,
      batch(1, 2, [
        { seq: 1, table: 'halls', op: 'upsert', id: 'h', row: hall('a') },
        { seq: 2, table: 'halls', op: 'upsert', id: 'h', row: hall('b') },
      ]),
    ).state;
    expect(s.seq).toBe(2);
    // An overlapping backlog: seq 2 again, then 3.
    s = applyBatch(
      s,
      batch(2, 3, [
        { seq: 2, table: 'halls', op: 'upsert', id: 'h', row: hall('stale') },
        { seq: 3, table: 'halls', op: 'upsert', id: 'h', row: hall('c') },
      ]),
    ).state;
    expect(rowsOf(s, 'halls')).toEqual([hall('c')]);
    s = applyBatch(s, batch(4, 4, [{ seq: 4, table: 'halls', op: 'delete', id: 'h', row: null }])).state;
    expect(rowsOf(s, 'halls')).toEqual([]);
  });

  it('a batch the role sees nothing of still advances the cursor', () => {
    const r = applyBatch(emptyReplica, batch(1, 5, []));
    expect(r).toEqual({ state: { seq: 5, tables: {} }, gap: false });
  });

  it('reports a gap and applies nothing', () => {
    const s = applyBatch(emptyReplica, batch(1, 1, [])).state;
    const r = applyBatch(s, batch(3, 3, [{ seq: 3, table: 'halls', op: 'upsert', id: 'h', row: hall('x') }]));
    expect(r.gap).toBe(true);
    expect(r.state).toBe(s);
  });

  it('keeps unchanged tables identical (React re-renders only what changed)', () => {
    const s = fromSnapshot({ seq: 1, tables: { halls: [hall('a')], departments: [{ id: 'd', hall_id: 'h', name: '税务局', sort: 0 }] } });
    const next = applyBatch(s, batch(2, 2, [{ seq: 2, table: 'halls', op: 'upsert', id: 'h', row: hall('b') }])).state;
    expect(next.tables.departments).toBe(s.tables.departments);
    expect(next.tables.halls).not.toBe(s.tables.halls);
    expect(toSnapshot(next)).toEqual({
      seq: 2,
      tables: { halls: [hall('b')], departments: [{ id: 'd', hall_id: 'h', name: '税务局', sort: 0 }] },
    });
  });
});

describe('role projections', () => {
  const counter = {
    id: 'c',
    hall_id: 'h',
    number: 3,
    name: '3号窗口',
    zone: '',
    state: 'open',
    staff_id: 's',
    terminal_id: 't',
    pause_reason: null,
    state_since: 1,
    last_seen_at: 2,
  };
  it('public terminals see counters without who staffs them (the evaluator its clerk’s id, for the card), and no staff or inquiries at all', () => {
    for (const role of ['display', 'kiosk', 'evaluator'] as const) {
      expect(projectRow(role, 'counters', counter)).toEqual({
        id: 'c',
        hall_id: 'h',
        number: 3,
        name: '3号窗口',
        zone: '',
        state: 'open',
        state_since: 1,
        ...(role === 'evaluator' && { staff_id: counter.staff_id }),
      });
      expect(projectRow(role, 'staff', { id: 's', name: '张三' })).toBeNull();
      expect(projectRow(role, 'inquiries', { id: 'i' })).toBeNull();
    }
  });
  it('staff terminals see the whole counter', () => {
    expect(projectRow('clerk', 'counters', counter)).toEqual(counter);
    expect(projectRow('manager', 'counters', counter)).toEqual(counter);
  });
});
