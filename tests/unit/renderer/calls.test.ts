import { describe, expect, it } from 'vitest';
import { fromSnapshot, type Snapshot } from '../../../shared/protocol';
import { emptyCallLog, trackCalls } from '../../../renderer/src/faces/display/calls';

const counter = (n: number, zone = '') => ({ id: `c${n}`, number: n, zone });
const ticket = (id: string, counterId: string | null, calledAt: number | null, recalls = 0) => ({
  id,
  number: id.toUpperCase(),
  counter_id: counterId,
  called_at: calledAt,
  recalls,
  day: '2026-11-25',
});
const replica = (seq: number, tickets: ReturnType<typeof ticket>[], counters = [counter(1), counter(2, '二楼')]) =>
  fromSnapshot({ seq, tables: { counters, tickets } } as unknown as Snapshot);

describe('the lobby display’s call log', () => {
  it('lists what was called before it started without speaking it, then speaks each new call and recall once', () => {
    let log = trackCalls(emptyCallLog, replica(1, [ticket('a001', 'c1', 100), ticket('a002', null, null)]), '');
    expect(log.calls.map((c) => c.number)).toEqual(['A001']);
    expect(log.fresh).toEqual([]);

    log = trackCalls(log, replica(2, [ticket('a001', 'c1', 100), ticket('a002', 'c1', 200)]), '');
    expect(log.fresh.map((c) => c.number)).toEqual(['A002']);
    expect(log.calls.map((c) => c.number)).toEqual(['A002', 'A001']);

    // Nothing new: nothing to speak. A recall in the same millisecond is new.
    log = trackCalls(log, replica(3, [ticket('a001', 'c1', 100), ticket('a002', 'c1', 200)]), '');
    expect(log.fresh).toEqual([]);
    log = trackCalls(log, replica(4, [ticket('a001', 'c1', 100), ticket('a002', 'c1', 200, 1)]), '');
    expect(log.fresh.map((c) => c.number)).toEqual(['A002']);
    expect(log.calls).toHaveLength(2);
  });

  it('an empty first look still counts as the start', () => {
    const log = trackCalls(trackCalls(emptyCallLog, replica(1, []), ''), replica(2, [ticket('a001', 'c1', 100)]), '');
    expect(log.fresh.map((c) => c.number)).toEqual(['A001']);
  });

  it('keeps the window a call was made to after the ticket moves on, and shows only its zone', () => {
    let log = trackCalls(emptyCallLog, replica(1, []), '二楼');
    log = trackCalls(log, replica(2, [ticket('a001', 'c1', 100), ticket('g001', 'c2', 110)]), '二楼');
    expect(log.fresh.map((c) => [c.number, c.window])).toEqual([['G001', 2]]);
    log = trackCalls(log, replica(3, [ticket('a001', 'c1', 100), ticket('g001', null, 110)]), '二楼');
    expect(log.calls.map((c) => [c.number, c.window])).toEqual([['G001', 2]]);
  });
});
