import { useCallback, useEffect, useRef, useState } from 'react';

/** What the follow page can do to make itself heard: sound after a first tap, or none in this browser. */
export type SoundState = 'locked' | 'on' | 'none';

/** The notes of each alert (Hz), a quarter second apart: a call rings three, a reminder one. */
const NOTES = { called: [880, 660, 880], remind: [660], test: [660] } as const;
const VIBRATION = { called: [300, 100, 300], remind: [200], test: [] } as const;
export type AlertKind = keyof typeof NOTES;

type AudioContextClass = typeof AudioContext;
const audioContextClass = (): AudioContextClass | undefined =>
  window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;

/** Short tones through Web Audio (no sound file to fetch): each note fades in and out so it does not click. */
function ring(audio: AudioContext, notes: readonly number[]) {
  const start = audio.currentTime;
  notes.forEach((hz, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = hz;
    const t0 = start + i * 0.25;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.5, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.22);
    osc.connect(gain).connect(audio.destination);
    osc.start(t0);
    osc.stop(t0 + 0.24);
  });
}

/**
 * The follow page's call alert: a vibration where the browser allows it (navigator.vibrate; iOS
 * has none), and a tone. Browsers keep a page silent until the person touches it, so the first tap
 * anywhere on the page opens the audio (the page says so until then).
 */
export function useCallAlert() {
  const audio = useRef<AudioContext | null>(null);
  const [sound, setSound] = useState<SoundState>(() => (audioContextClass() ? 'locked' : 'none'));

  useEffect(() => {
    if (sound !== 'locked') return;
    const unlock = () => {
      const Ctx = audioContextClass();
      try {
        audio.current ??= new Ctx!();
        void audio.current.resume();
        setSound('on');
      } catch {
        setSound('none');
      }
    };
    document.addEventListener('pointerdown', unlock, { capture: true });
    return () => document.removeEventListener('pointerdown', unlock, { capture: true });
  }, [sound]);

  const alert = useCallback((kind: AlertKind) => {
    if (VIBRATION[kind].length) navigator.vibrate?.([...VIBRATION[kind]]);
    if (audio.current) ring(audio.current, NOTES[kind]);
  }, []);

  return { sound, canVibrate: typeof navigator.vibrate === 'function', alert };
}
