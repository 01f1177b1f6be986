import type { Announcement } from '../../../../shared/queue/announce';

export interface AnnouncerEntry {
  id: number;
  text: string;
  state: 'pending' | 'speaking' | 'done';
}

/**
 * The lobby's announcement queue. Announcements are spoken one after another; a new call waits
 * for the one being spoken instead of cutting it off. `speak` always settles (on end, error or a
 * time limit), so a broken speaker can delay the queue but never stop it.
 */
interface Entry extends AnnouncerEntry {
  announcement: Announcement;
}

export class Announcer {
  private entries: Entry[] = [];
  private readonly listeners = new Set<(e: readonly AnnouncerEntry[]) => void>();
  private busy = false;
  private next = 1;

  constructor(private readonly speak: (a: Announcement) => Promise<void>) {}

  enqueue(a: Announcement, times: number): void {
    for (let i = 0; i < times; i++) this.entries.push({ id: this.next++, text: a.text, state: 'pending', announcement: a });
    this.entries = this.entries.slice(-50);
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
      let entry: Entry | undefined;
      while ((entry = this.entries.find((e) => e.state === 'pending'))) {
        this.set(entry.id, 'speaking');
        await this.speak(entry.announcement);
        this.set(entry.id, 'done');
      }
    } finally {
      this.busy = false;
    }
  }

  private set(id: number, state: AnnouncerEntry['state']): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, state } : e));
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l(this.entries);
  }
}

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

/** A Mandarin system voice where there is one, otherwise the recorded clips. */
export async function speakInHall(a: Announcement): Promise<void> {
  await settleWithin(1500, chime());
  const voice = mandarinVoice();
  const limit = 2000 + a.clips.length * 1200;
  await settleWithin(limit, voice ? speakWithVoice(voice, a.speech) : playClips(a.clips));
}
