import { callAnnouncement, estimateSpeechMs, shortCallAnnouncement, type Announcement } from '../../../../shared/queue/announce';

/**
 * What the lobby voice says next, decided from the calls waiting to be said and the clock alone
 * (pure: no timers, no audio), so that tests and the bench run the display's own policy.
 *
 * - One call waiting and the voice quiet: the chime, then the whole sentence, said `repeat` times.
 * - Calls piling up: each is said once, in the short form ("A 零二三，五号窗口"), one after the
 *   other with no chime between (the chime marks the start of a run of speech, not each call), and
 *   a call's pending repeats are dropped as soon as another call waits.
 * - The bound: a call is said only if its words would end within `maxLagMs` of the call. When the
 *   calls waiting cannot all make it, the oldest are left to the screen (they have been shown the
 *   longest; every call is on the screen at once whatever the voice does) so the newest are heard
 *   in time. A skipped call is reported so its clerk knows to recall if needed.
 */
export interface VoiceSettings {
  /** How many times a call is said when the voice keeps up (the hall's announceRepeat). */
  repeat: number;
  /** The longest a call may wait for its words to be said, from the call. */
  maxLagMs: number;
}

export interface QueuedCall {
  id: number;
  number: string;
  window: number;
  /** When the call was made (hall time, the same clock as `now`). */
  calledAt: number;
  /** Times said so far (a call said once in full may be said again). */
  said: number;
}

export interface Utterance {
  callId: number;
  announcement: Announcement;
  chime: boolean;
  form: 'full' | 'short';
}

export interface Plan {
  /** Calls left to the screen: their words could not be said within the bound. */
  skip: number[];
  /** Calls already said once whose remaining repeats are dropped (others wait). */
  finish: number[];
  say: Utterance | null;
}

/** The two soft tones before a run of speech (see announcer.ts chime). */
export const CHIME_MS = 950;
/** A pause after which the voice starts a new run, with the chime. */
export const QUIET_MS = 3000;

export const utteranceMs = (u: Pick<Utterance, 'announcement' | 'chime'>): number =>
  (u.chime ? CHIME_MS : 0) + estimateSpeechMs(u.announcement.speech);

export function planNext(
  queue: readonly QueuedCall[],
  now: number,
  lastSpokeAt: number | null,
  settings: VoiceSettings,
  estimate: (u: Pick<Utterance, 'announcement' | 'chime'>) => number = utteranceMs,
): Plan {
  const chime = lastSpokeAt === null || now - lastSpokeAt >= QUIET_MS;
  let fresh = queue.filter((c) => c.said === 0).sort((a, b) => a.calledAt - b.calledAt || a.id - b.id);
  const repeating = queue.filter((c) => c.said > 0);
  const skip: number[] = [];
  const short = (c: QueuedCall, withChime: boolean) => ({ announcement: shortCallAnnouncement(c.number, c.window), chime: withChime });
  const full = (c: QueuedCall, withChime: boolean) => ({ announcement: callAnnouncement(c.number, c.window), chime: withChime });
  // Drop the oldest while the run, said in order in the short form, would end a call past the bound.
  while (fresh.length > 1) {
    let end = now;
    const late = fresh.some((c, i) => {
      end += estimate(short(c, chime && i === 0));
      return end - c.calledAt > settings.maxLagMs;
    });
    if (!late) break;
    skip.push(fresh[0]!.id);
    fresh = fresh.slice(1);
  }
  if (fresh.length === 1) {
    const c = fresh[0]!;
    const within = (u: Pick<Utterance, 'announcement' | 'chime'>) => now + estimate(u) - c.calledAt <= settings.maxLagMs;
    const form = within(full(c, chime)) ? 'full' : within(short(c, chime)) ? 'short' : null;
    if (!form) return { skip: [...skip, c.id], finish: repeating.map((r) => r.id), say: null };
    const u = form === 'full' ? full(c, chime) : short(c, chime);
    return { skip, finish: repeating.map((r) => r.id), say: { callId: c.id, ...u, form } };
  }
  if (fresh.length > 1) {
    const c = fresh[0]!;
    return { skip, finish: repeating.map((r) => r.id), say: { callId: c.id, ...short(c, chime), form: 'short' } };
  }
  // Nobody new waits: a call said in full is said again, up to `repeat` times, if still in time.
  const again = repeating.find((c) => c.said < settings.repeat);
  const done = repeating.filter((c) => c !== again).map((c) => c.id);
  if (again) return { skip, finish: done, say: { callId: again.id, ...full(again, false), form: 'full' } };
  return { skip, finish: done, say: null };
}
