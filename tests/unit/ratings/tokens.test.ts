import { describe, expect, it } from 'vitest';
import { ratingCommandSpecs } from '../../../shared/ratings/commands';
import { codeRefusal, deviceRefusal } from '../../../shared/ratings/rules';

const T = Date.parse('2026-11-25T02:00:00Z');
const DAY = 86_400_000;
/** A window's request at counter c1, prompted at T for 60 s. */
const windowRequest = { counter_id: 'c1', case_id: null, status: 'pending' as const, created_at: T, expires_at: T + 60_000 };
/** A concluded case's request: its code holds 7 days. */
const caseRequest = { ...windowRequest, case_id: 'k1', expires_at: T + 7 * DAY };

describe('rating tokens', () => {
  it('only the evaluator terminal submits or declines at the window: a clerk’s or a manager’s terminal never', () => {
    for (const name of ['rating.submit', 'rating.decline'] as const) expect(ratingCommandSpecs[name].roles).toEqual(['evaluator']);
  });

  it('the window’s token: its own counter’s evaluator, before expiry, once; a case’s only by phone', () => {
    expect(deviceRefusal(windowRequest, 'c1', T + 5_000)).toBeNull();
    expect(deviceRefusal(windowRequest, 'c2', T + 5_000)).toBe('invalid'); // another counter's evaluator
    expect(deviceRefusal(windowRequest, null, T + 5_000)).toBe('invalid'); // a terminal bound to no counter
    expect(deviceRefusal(undefined, 'c1', T)).toBe('invalid'); // forged
    expect(deviceRefusal(windowRequest, 'c1', T + 60_000)).toBe('expired');
    expect(deviceRefusal({ ...windowRequest, status: 'rated' }, 'c1', T + 5_000)).toBe('alreadyRated'); // single use
    expect(deviceRefusal({ ...windowRequest, status: 'unrated' }, 'c1', T + 5_000)).toBe('expired'); // declined, or replaced
    expect(deviceRefusal(caseRequest, 'c1', T + 5_000)).toBe('phoneOnly');
  });

  it('the code on paper: from the service’s end, once, a ticket’s for the hall’s days, a case’s until its request expires', () => {
    expect(codeRefusal(undefined, T, 7)).toBe('notYet'); // the ticket not yet served
    // The window's prompt ran out, unrated: the slip's code still rates it.
    expect(codeRefusal({ ...windowRequest, status: 'unrated' }, T + DAY, 7)).toBeNull();
    expect(codeRefusal(windowRequest, T + 7 * DAY - 1, 7)).toBeNull();
    expect(codeRefusal(windowRequest, T + 7 * DAY, 7)).toBe('expired');
    expect(codeRefusal(windowRequest, T + 3 * DAY, 3)).toBe('expired'); // the hall's setting
    expect(codeRefusal({ ...windowRequest, status: 'rated' }, T + DAY, 7)).toBe('alreadyRated');
    expect(codeRefusal(caseRequest, T + 7 * DAY - 1, 1)).toBeNull(); // a case's code: its own expiry
    expect(codeRefusal(caseRequest, T + 7 * DAY, 30)).toBe('expired');
  });
});
