/**
 * What the lobby says for a call. Ticket numbers are read digit by digit (A023: "A 零 二 三"),
 * window numbers as numbers (15: "十五"), as people in Chinese halls expect to hear them.
 * `clips` names the recorded clips that say the same sentence on a machine without a voice.
 */
export interface Announcement {
  /** Shown as a subtitle, and what tests and screen readers read. */
  text: string;
  /** Given to a Mandarin speech voice. */
  speech: string;
  clips: string[];
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 35 → 三十五; larger numbers digit by digit. */
export function numberWords(n: number): { words: string; clips: string[] } {
  if (n >= 1 && n < 10) return { words: DIGITS[n]!, clips: [`d${n}`] };
  if (n >= 10 && n < 100) {
    const tens = Math.floor(n / 10),
      units = n % 10;
    const clips = [...(tens > 1 ? [`d${tens}`] : []), 'shi', ...(units ? [`d${units}`] : [])];
    return { words: `${tens > 1 ? DIGITS[tens] : ''}十${units ? DIGITS[units] : ''}`, clips };
  }
  const digits = String(n).split('').map(Number);
  return { words: digits.map((d) => DIGITS[d]).join(''), clips: digits.map((d) => `d${d}`) };
}

export function callAnnouncement(ticketNumber: string, counterNumber: number): Announcement {
  const letters = ticketNumber.replace(/\d/g, '').split('');
  const digits = ticketNumber.replace(/\D/g, '').split('').map(Number);
  const window = numberWords(counterNumber);
  return {
    text: `请 ${ticketNumber} 号 到 ${counterNumber} 号窗口 办理`,
    speech: `请 ${letters.join(' ')} ${digits.map((d) => DIGITS[d]).join('')} 号，到 ${window.words} 号窗口办理`,
    clips: ['qing', ...letters.map((l) => `l${l}`), ...digits.map((d) => `d${d}`), 'hao', 'dao', ...window.clips, 'hao-chuangkou', 'banli'],
  };
}

/**
 * The short form, for when calls pile up: the number and the window, said once ("A 零二三，五号窗口").
 * The subtitle still reads as a whole sentence.
 */
export function shortCallAnnouncement(ticketNumber: string, counterNumber: number): Announcement {
  const letters = ticketNumber.replace(/\d/g, '').split('');
  const digits = ticketNumber.replace(/\D/g, '').split('').map(Number);
  const window = numberWords(counterNumber);
  return {
    text: `${ticketNumber} 号 到 ${counterNumber} 号窗口`,
    speech: `${letters.join(' ')} ${digits.map((d) => DIGITS[d]).join('')}，${window.words} 号窗口`,
    clips: [...letters.map((l) => `l${l}`), ...digits.map((d) => `d${d}`), ...window.clips, 'hao-chuangkou'],
  };
}

/**
 * How long a Mandarin voice takes to say `speech`, estimated from its text: a lobby voice (rate 0.9)
 * says about 4 syllables a second; each Chinese character is a syllable, a Latin letter's name is
 * one or two (A "诶", W "达不溜": 1.5 on average), a comma is a short pause. Used to keep the voice
 * within its lag bound before it speaks, and by the bench.
 */
export const SYLLABLE_MS = 250;
export const PAUSE_MS = 250;
export function estimateSpeechMs(speech: string): number {
  let ms = 0;
  for (const ch of speech) {
    if (/\p{Script=Han}/u.test(ch)) ms += SYLLABLE_MS;
    else if (/[A-Za-z]/.test(ch)) ms += SYLLABLE_MS * 1.5;
    else if (/\d/.test(ch)) ms += SYLLABLE_MS;
    else if (/[，,。；;、]/.test(ch)) ms += PAUSE_MS;
  }
  return ms;
}

/** Every clip any announcement may need: the bundled set must hold each of these. */
export const ALL_CLIPS = [
  'qing',
  'hao',
  'dao',
  'shi',
  'hao-chuangkou',
  'banli',
  ...DIGITS.map((_, d) => `d${d}`),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `l${l}`),
];
