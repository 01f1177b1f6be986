import { describe, expect, it } from 'vitest';
import { boardShown, IDLE_MS, TURN_MS } from '../../../renderer/src/faces/display/boardRotation';

describe('the lobby display’s satisfaction board', () => {
  const last = Date.parse('2026-11-02T02:00:00Z');

  it('never shows while anyone waits, nor until the hall has been idle for a while', () => {
    expect(boardShown(last + 10 * IDLE_MS, 1, last)).toBe(false);
    expect(boardShown(last, 0, last)).toBe(false);
    expect(boardShown(last + IDLE_MS - 1, 0, last)).toBe(false);
    expect(boardShown(last + IDLE_MS, 0, last)).toBe(true);
  });

  it('while idle, turns with the calls, the board first', () => {
    const idle = last + IDLE_MS;
    expect(boardShown(idle + TURN_MS - 1, 0, last)).toBe(true);
    expect(boardShown(idle + TURN_MS, 0, last)).toBe(false);
    expect(boardShown(idle + 2 * TURN_MS - 1, 0, last)).toBe(false);
    expect(boardShown(idle + 2 * TURN_MS, 0, last)).toBe(true);
  });
});
