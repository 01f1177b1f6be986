import { describe, expect, it } from 'vitest';
import { fuzz } from '../fuzz/fuzz';

describe('fuzzing every socket event', () => {
  it('5,000 random and mutated messages: no crash, no state change, a typed error for each', async () => {
    // A fixed seed: a failure here reproduces exactly (`npm run fuzz` varies it).
    const r = await fuzz(5000, 20261126);
    expect(r, `seed ${r.seed}`).toMatchObject({
      messages: 5000,
      crashes: 0,
      state_changes: 0,
      untyped: 0,
      accepted: 0,
      anonymous_replies: 0,
    });
    expect(r.typed_errors).toBeGreaterThan(4000);
  });
});
