import { describe, expect, it } from 'vitest';
import { estimateSpeechMs } from '../../../shared/queue/announce';
import { CHIME_MS, planNext, QUIET_MS, utteranceMs, type QueuedCall } from '../../../renderer/src/faces/display/voicePlan';
import { openingRush, simulateVoice } from '../../support/voiceSim';

const settings = { repeat: 2, maxLagMs: 20_000 };
const queued = (id: number, calledAt: number, said = 0): QueuedCall => ({
  id,
  number: `A${String(id).padStart(3, '0')}`,
  window: id,
  calledAt,
  said,
});

describe('the lobby voice’s plan (pure, on an injected clock)', () => {
  it('says a lone call in full after the chime, then again while nobody else waits', () => {
    const first = planNext([queued(1, 0)], 0, null, settings);
    expect(first).toMatchObject({ skip: [], finish: [], say: { callId: 1, chime: true, form: 'full' } });
    expect(first.say!.announcement.speech).toBe('请 A 零零一 号，到 一 号窗口办理');
    const again = planNext([queued(1, 0, 1)], 5000, 5000, settings);
    expect(again).toMatchObject({ finish: [], say: { callId: 1, chime: false, form: 'full' } });
    expect(planNext([queued(1, 0, 2)], 9000, 9000, settings)).toEqual({ skip: [], finish: [1], say: null });
  });

  it('drops a repeat as soon as another call waits, and says waiting calls once, short, without a chime between', () => {
    const plan = planNext([queued(1, 0, 1), queued(2, 1000), queued(3, 2000)], 4600, 4600, settings);
    expect(plan).toMatchObject({ skip: [], finish: [1], say: { callId: 2, chime: false, form: 'short' } });
    expect(plan.say!.announcement.speech).toBe('A 零零二，二 号窗口');
  });

  it('chimes again only after a quiet moment', () => {
    expect(planNext([queued(2, 10_000)], 10_000, 10_000 - QUIET_MS + 1, settings).say!.chime).toBe(false);
    expect(planNext([queued(2, 10_000)], 10_000, 10_000 - QUIET_MS, settings).say!.chime).toBe(true);
  });

  it('keeps within the bound: short when the full sentence would be late, left to the screen when even that would', () => {
    const full = utteranceMs({ announcement: planNext([queued(1, 0)], 0, null, settings).say!.announcement, chime: true });
    const fullLate = 20_000 - full + 1;
    expect(planNext([queued(1, 0)], fullLate, null, settings).say!.form).toBe('short');
    expect(planNext([queued(1, 0)], 19_000, null, settings)).toEqual({ skip: [1], finish: [], say: null });
  });

  it('leaves the oldest calls to the screen when the waiting ones cannot all be said in time, so the newest are heard', () => {
    const waiting = Array.from({ length: 12 }, (_, i) => queued(i + 1, i * 700));
    const plan = planNext(waiting, 8000, 8000, settings);
    expect(plan.skip.length).toBeGreaterThan(0);
    expect(plan.skip).toEqual(waiting.slice(0, plan.skip.length).map((c) => c.id));
    expect(plan.say!.callId).toBe(plan.skip.length + 1);
  });

  it('estimates speech from the text: syllables at about 4 a second, letters longer, pauses at commas', () => {
    expect(estimateSpeechMs('请 A 零零一 号，到 一 号窗口办理')).toBe(12 * 250 + 1.5 * 250 + 250);
    expect(CHIME_MS).toBeGreaterThan(0);
  });
});

describe('the Announcer on a simulated clock', () => {
  it('says a lone call twice and reports it spoken once, when its first saying ended', async () => {
    const { outcomes, spoken } = await simulateVoice([{ at: 0, number: 'A001', window: 1 }], settings);
    expect(spoken.map((u) => [u.form, u.chime])).toEqual([
      ['full', true],
      ['full', false],
    ]);
    expect(outcomes).toEqual([{ number: 'A001', outcome: 'spoken', lagMs: utteranceMs(spoken[0]!) }]);
  });

  it('16 counters calling within 10 s: one chime, each call said once, every spoken call within the bound, the 16th heard', async () => {
    const { outcomes, spoken } = await simulateVoice(openingRush(), settings);
    expect(outcomes).toHaveLength(16);
    expect(spoken.filter((u) => u.chime)).toHaveLength(1);
    expect(new Set(spoken.map((u) => u.callId)).size).toBe(spoken.length);
    for (const o of outcomes) expect(o.lagMs).toBeLessThanOrEqual(settings.maxLagMs);
    const last = outcomes.find((o) => o.number.endsWith('016'))!;
    expect(last.outcome).toBe('spoken');
    // Whatever is skipped is older than everything said after it.
    const skipped = outcomes.filter((o) => o.outcome === 'skipped').map((o) => o.number);
    expect(skipped.every((n) => n < 'Z016')).toBe(true);
  });

  it('with a bound long enough for all, skips nobody', async () => {
    const { outcomes } = await simulateVoice(openingRush(), { repeat: 2, maxLagMs: 60_000 });
    expect(outcomes.every((o) => o.outcome === 'spoken')).toBe(true);
  });

  it('a voice slower than the estimate delays the queue but never stops it', async () => {
    const { outcomes } = await simulateVoice(openingRush(4, 1000), settings, (u) => 2 * utteranceMs(u));
    // Every call gets its outcome; the plan sees the time the slow voice really took and keeps to
    // the bound from then on (what is already being said cannot be hurried).
    expect(outcomes.map((o) => o.number).sort()).toEqual(['A001', 'B002', 'C003', 'D004']);
    expect(outcomes.filter((o) => o.outcome === 'spoken').length).toBeGreaterThanOrEqual(2);
  });

  it('learns a slow speaker’s pace, so the bound holds with the real durations once it has spoken', async () => {
    const { outcomes } = await simulateVoice(openingRush(), settings, (u) => 2 * utteranceMs(u));
    const spoken = outcomes.filter((o) => o.outcome === 'spoken');
    // The first call is said before anything is known of the speaker; every later one in time.
    for (const o of spoken.slice(1)) expect(o.lagMs).toBeLessThanOrEqual(settings.maxLagMs);
    expect(spoken.at(-1)!.number).toBe('Z016');
  });
});
