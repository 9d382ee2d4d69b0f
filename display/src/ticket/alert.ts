/**
 * "It is your turn": a loud two-tone ring (Web Audio, no file to fetch) and a vibration. Phones
 * only let a page make sound after a touch, so the first touch anywhere (or the "turn on sound"
 * button) unlocks the audio; vibration needs the same on most phones.
 */
import { ref, type Ref } from 'vue';

export interface Alerter {
  /** The page may make sound now. */
  soundReady: Ref<boolean>;
  unlock(): Promise<void>;
  ring(): void;
  /** "Almost your turn": one soft two-tone and a short vibration, much less than ring(). */
  nudge(): void;
}

type AudioContextCtor = new () => AudioContext;

export function createAlerter(): Alerter {
  let ctx: AudioContext | null = null;
  const soundReady = ref(false);

  function context(): AudioContext | null {
    if (ctx) return ctx;
    const w = window as Window & { webkitAudioContext?: AudioContextCtor };
    const Ctor: AudioContextCtor | undefined = window.AudioContext ?? w.webkitAudioContext;
    if (!Ctor) return null;
    ctx = new Ctor();
    ctx.addEventListener('statechange', () => (soundReady.value = ctx?.state === 'running'));
    soundReady.value = ctx.state === 'running';
    return ctx;
  }

  function tone(c: AudioContext, freq: number, at: number, length: number, level = 0.35, type: OscillatorType = 'square'): void {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(level, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    osc.connect(gain).connect(c.destination);
    osc.start(at);
    osc.stop(at + length + 0.05);
  }

  async function unlock(): Promise<void> {
    const c = context();
    if (!c) return;
    try {
      await c.resume();
    } catch {
      // Still locked: the next touch tries again.
    }
    soundReady.value = c.state === 'running';
  }

  const firstTouch = () => void unlock();
  window.addEventListener('pointerdown', firstTouch, { once: true, capture: true });

  return {
    soundReady,
    unlock,
    ring() {
      const c = context();
      if (c) {
        void c.resume().catch(() => {});
        const t = c.currentTime + 0.05;
        for (let i = 0; i < 3; i++) {
          tone(c, 988, t + i * 0.9, 0.3);
          tone(c, 740, t + i * 0.9 + 0.35, 0.4);
        }
      }
      if ('vibrate' in navigator) navigator.vibrate([500, 200, 500, 200, 800]);
    },
    nudge() {
      const c = context();
      if (c) {
        void c.resume().catch(() => {});
        const t = c.currentTime + 0.05;
        tone(c, 659, t, 0.35, 0.2, 'sine');
        tone(c, 880, t + 0.4, 0.5, 0.2, 'sine');
      }
      if ('vibrate' in navigator) navigator.vibrate([200, 120, 200]);
    },
  };
}
