/**
 * The chime before each call: a soft two-tone "ding-dong" (E5 then C5, a major third down),
 * synthesised rather than recorded so it costs no pack space and is the same in every pack.
 * Each tone has a few bell-like partials, a 12 ms raised-cosine attack (no click at the
 * onset) and an exponential decay; the tail fades to exact zero (no click at the end).
 */
import { dbToGain, fadeEdges, peak } from './dsp';

export interface ChimeOptions {
  /** Peak level in dBFS; a little under speech peaks so the chime never startles. */
  peakDb: number;
}

const TONES = [
  { at: 0, freq: 659.25, length: 0.9 }, // E5
  { at: 0.42, freq: 523.25, length: 1.05 }, // C5
];
/** Partials relative to the fundamental: [frequency ratio, amplitude, decay time in s]. */
const PARTIALS: [number, number, number][] = [
  [1, 1, 0.42],
  [2, 0.22, 0.25],
  [3, 0.06, 0.15],
];

export function synthChime(sampleRate: number, opts: ChimeOptions = { peakDb: -12 }): Float32Array {
  const total = Math.max(...TONES.map((t) => t.at + t.length));
  const out = new Float32Array(Math.round(total * sampleRate));
  for (const tone of TONES) {
    const start = Math.round(tone.at * sampleRate);
    const n = Math.round(tone.length * sampleRate);
    const attack = Math.round(0.012 * sampleRate);
    const release = Math.round(0.15 * sampleRate);
    for (let i = 0; i < n && start + i < out.length; i++) {
      const t = i / sampleRate;
      let s = 0;
      for (const [ratio, amp, decay] of PARTIALS) s += amp * Math.exp(-t / decay) * Math.sin(2 * Math.PI * tone.freq * ratio * t);
      let env = 1;
      if (i < attack) env = 0.5 * (1 - Math.cos((Math.PI * i) / attack));
      if (i > n - release) env *= 0.5 * (1 + Math.cos((Math.PI * (i - (n - release))) / release));
      const k = start + i;
      out[k] = (out[k] ?? 0) + s * env;
    }
  }
  const gain = dbToGain(opts.peakDb) / peak(out);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * gain;
  return fadeEdges(out, sampleRate, 2, 20);
}
