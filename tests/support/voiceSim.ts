import { Announcer, type CallToSay } from '../../renderer/src/faces/display/announcer';
import { utteranceMs, type Utterance, type VoiceSettings } from '../../renderer/src/faces/display/voicePlan';

export interface SimCall {
  /** When the clerk called (ms on the simulated clock). */
  at: number;
  number: string;
  window: number;
}

export interface SimOutcome {
  number: string;
  outcome: 'spoken' | 'skipped';
  /** From the call until its words had been said (spoken), or until it was left to the screen. */
  lagMs: number;
}

/**
 * Runs the lobby's real Announcer on a simulated clock: each utterance lasts `durationMs` of it
 * (by default the text-based estimate of voicePlan), calls arrive at their `at`, and nothing
 * sleeps — the clock jumps from one event to the next once the announcer's promises have settled.
 */
export async function simulateVoice(
  calls: readonly SimCall[],
  settings: VoiceSettings,
  durationMs: (u: Utterance) => number = utteranceMs,
): Promise<{ outcomes: SimOutcome[]; spoken: Utterance[] }> {
  let now = 0;
  const timers: { at: number; seq: number; fn: () => void }[] = [];
  let seq = 0;
  const at = (t: number, fn: () => void) => timers.push({ at: t, seq: seq++, fn });
  const outcomes: SimOutcome[] = [];
  const spoken: Utterance[] = [];
  const announcer = new Announcer(
    {
      now: () => now,
      speak: (u) => {
        spoken.push(u);
        return new Promise((resolve) => at(now + durationMs(u), resolve));
      },
      report: (cs: readonly CallToSay[], outcome) =>
        cs.forEach((c) => outcomes.push({ number: c.number, outcome, lagMs: now - c.calledAt })),
    },
    settings,
  );
  calls.forEach((c, i) => at(c.at, () => announcer.enqueue({ ticketId: `t${i}`, number: c.number, window: c.window, calledAt: c.at })));
  const settle = () => new Promise((r) => setImmediate(r));
  while (timers.length) {
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers.shift()!;
    now = next.at;
    next.fn();
    await settle();
  }
  return { outcomes, spoken };
}

/** 16 counters calling within 10 s, as at opening: windows 1–16, evenly spread. */
export const openingRush = (n = 16, withinMs = 10_000): SimCall[] =>
  Array.from({ length: n }, (_, i) => ({
    at: Math.round((i * withinMs) / (n - 1)),
    number: `${'ABCDEFGHJKLMNPQZ'[i % 16]}${String(i + 1).padStart(3, '0')}`,
    window: i + 1,
  }));
