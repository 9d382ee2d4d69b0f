/**
 * A short attention chime for staff screens (Web Audio, no file to fetch): a new 求助 on the
 * console, a kiosk calling for staff on the console and the guide desk. Browsers only allow sound
 * after the page was touched; a staff screen has been (sign-in), and if not, the chime is simply
 * silent — the list and the tab title still say it. Browser code in shared/ because both apps
 * sound it the same (it imports nothing; the server never calls it).
 */
type AudioContextCtor = new () => AudioContext;

let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (ctx) return ctx;
  if (typeof window === 'undefined') return null;
  const w = window as Window & { webkitAudioContext?: AudioContextCtor };
  const Ctor: AudioContextCtor | undefined = window.AudioContext ?? w.webkitAudioContext;
  ctx = Ctor ? new Ctor() : null;
  return ctx;
}

/** Three rising soft tones, about 0.7 s. */
export function chime(): void {
  const c = context();
  if (!c) return;
  void c.resume().catch(() => undefined);
  const start = c.currentTime + 0.02;
  [660, 880, 1100].forEach((freq, i) => {
    const at = start + i * 0.18;
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    osc.connect(gain).connect(c.destination);
    osc.start(at);
    osc.stop(at + 0.4);
  });
}
