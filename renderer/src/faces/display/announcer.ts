import type { Announcement } from '../../../../shared/queue/announce';
import { planNext, utteranceMs, type QueuedCall, type Utterance, type VoiceSettings } from './voicePlan';

export interface AnnouncerEntry {
  id: number;
  /** The call's sentence, or what is being said of it (the short form when calls pile up). */
  text: string;
  state: 'pending' | 'speaking' | 'done' | 'skipped';
  ticketId: string;
  calledAt: number;
}

/** A call for the voice: which ticket's call it is (reported back to the hub) and what to say. */
export interface CallToSay {
  ticketId: string;
  number: string;
  window: number;
  calledAt: number;
}

export interface AnnouncerDeps {
  /** Says one utterance; always settles (on end, error or a time limit). */
  speak: (u: Utterance) => Promise<void>;
  /** The hall's clock (the calls' calledAt are on it). */
  now: () => number;
  /** Told once per call what became of it: spoken when its words ended, or skipped. */
  report?: (calls: readonly CallToSay[], outcome: 'spoken' | 'skipped') => void;
}

interface Entry extends AnnouncerEntry, QueuedCall {}

/**
 * The lobby's announcement queue. Calls are said one after another (a new call waits for the one
 * being said instead of cutting it off) in the order and the form voicePlan decides: in full and
 * repeated while the voice keeps up, once and short when calls pile up, never past the lag bound.
 * `speak` always settles, so a broken speaker can delay the queue but never stop it.
 */
export class Announcer {
  private entries: Entry[] = [];
  private readonly listeners = new Set<(e: readonly AnnouncerEntry[]) => void>();
  private busy = false;
  private next = 1;
  private lastSpokeAt: number | null = null;
  /**
   * How long this speaker takes against the text-based estimate (recorded clips are slower than a
   * voice), learnt from each utterance, so that the plan's bound holds with the real speaker.
   */
  private pace = 1;

  constructor(
    private readonly deps: AnnouncerDeps,
    private settings: VoiceSettings,
  ) {}

  /** The hall's settings of the moment (a manager may change them while the display runs). */
  configure(settings: VoiceSettings): void {
    this.settings = settings;
  }

  enqueue(call: CallToSay): void {
    const a = { ...call, id: this.next++, said: 0, state: 'pending' as const };
    this.entries.push({ ...a, text: `请 ${call.number} 号 到 ${call.window} 号窗口 办理` });
    // The finished ones are kept for the screen reader's list, the newest 50.
    const finished = this.entries.filter((e) => e.state === 'done' || e.state === 'skipped');
    if (finished.length > 50) {
      const drop = new Set(finished.slice(0, finished.length - 50));
      this.entries = this.entries.filter((e) => !drop.has(e));
    }
    this.notify();
    void this.pump();
  }

  watch(listener: (e: readonly AnnouncerEntry[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.entries);
    return () => this.listeners.delete(listener);
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (;;) {
        const queue = this.entries.filter((e) => e.state === 'pending' || e.state === 'speaking');
        const plan = planNext(queue, this.deps.now(), this.lastSpokeAt, this.settings, (u) => this.pace * utteranceMs(u));
        this.finish(plan.skip, 'skipped');
        this.finish(plan.finish, 'done');
        if (!plan.say) break;
        const u = plan.say;
        this.update(u.callId, { state: 'speaking', text: u.announcement.text });
        const started = this.deps.now();
        await this.deps.speak(u);
        this.lastSpokeAt = this.deps.now();
        const ratio = (this.lastSpokeAt - started) / utteranceMs(u);
        if (ratio > 0) this.pace = Math.min(4, Math.max(0.5, 0.6 * this.pace + 0.4 * ratio));
        const entry = this.entries.find((e) => e.id === u.callId)!;
        this.update(u.callId, { said: entry.said + 1 });
        if (entry.said === 0) this.deps.report?.([toCall(entry)], 'spoken');
        if (u.form === 'short' || entry.said + 1 >= this.settings.repeat) this.finish([u.callId], 'done');
      }
    } finally {
      this.busy = false;
    }
  }

  private finish(ids: readonly number[], state: 'done' | 'skipped'): void {
    if (ids.length === 0) return;
    const ended = this.entries.filter((e) => ids.includes(e.id));
    for (const e of ended) this.update(e.id, { state });
    if (state === 'skipped') this.deps.report?.(ended.map(toCall), 'skipped');
  }

  private update(id: number, changes: Partial<Entry>): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, ...changes } : e));
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l(this.entries);
  }
}

const toCall = (e: Entry): CallToSay => ({ ticketId: e.ticketId, number: e.number, window: e.window, calledAt: e.calledAt });

const settleWithin = (ms: number, p: Promise<unknown>) => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, ms))]);

/** Two soft tones before each call, from Web Audio: nothing to ship, nothing to load. */
async function chime(): Promise<void> {
  const Ctx = window.AudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  try {
    await settleWithin(300, ctx.resume());
    [659.25, 523.25].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.45);
      gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + i * 0.45 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.45 + 0.42);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.45);
      osc.stop(ctx.currentTime + i * 0.45 + 0.45);
    });
    await new Promise((r) => setTimeout(r, 950));
  } finally {
    void ctx.close();
  }
}

function mandarinVoice(): SpeechSynthesisVoice | undefined {
  return window.speechSynthesis?.getVoices().find((v) => /^(zh|cmn)/i.test(v.lang));
}

function speakWithVoice(voice: SpeechSynthesisVoice, text: string): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    u.onend = () => resolve();
    u.onerror = () => resolve();
    window.speechSynthesis.speak(u);
  });
}

/** The bundled recordings (renderer/public/voice), played in sequence. */
async function playClips(clips: string[]): Promise<void> {
  const audio = new Audio();
  for (const clip of clips) {
    audio.src = `./voice/${clip}.wav`;
    await settleWithin(
      3000,
      new Promise<void>((resolve, reject) => {
        audio.onended = () => resolve();
        audio.onerror = () => reject(new Error(clip));
        audio.play().catch(reject);
      }),
    );
  }
}

/**
 * A Mandarin system voice where there is one, otherwise the recorded clips; the chime first when
 * the plan asks for it. Each part has a time limit (twice the estimate, and more), so a stuck
 * voice delays the queue a little and never stops it.
 */
export async function speakInHall(u: Utterance): Promise<void> {
  if (u.chime) await settleWithin(1500, chime());
  const voice = mandarinVoice();
  const a: Announcement = u.announcement;
  const limit = 2000 + Math.max(2 * utteranceMs({ announcement: a, chime: false }), a.clips.length * 1200);
  await settleWithin(limit, voice ? speakWithVoice(voice, a.speech) : playClips(a.clips));
}
