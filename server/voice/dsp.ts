/**
 * The little signal processing the voice needs: resampling, silence trimming, loudness
 * normalisation and click-free fades. It runs when a clip pack loads (and on espeak output),
 * never per announcement, so clarity matters more than speed here.
 */

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

export function gainToDb(gain: number): number {
  return gain > 0 ? 20 * Math.log10(gain) : -Infinity;
}

export function peak(x: ArrayLike<number>): number {
  let p = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i] ?? 0);
    if (a > p) p = a;
  }
  return p;
}

export function rms(x: ArrayLike<number>, from = 0, to = x.length): number {
  if (to <= from) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = x[i] ?? 0;
    sum += v * v;
  }
  return Math.sqrt(sum / (to - from));
}

/** Largest value, 0 for none (no spread: long recordings would overflow the call stack). */
function maxOf(values: number[]): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** RMS of each `frame`-sample block (the last partial block included). */
export function frameRms(x: Float32Array, frame: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i += frame) out.push(rms(x, i, Math.min(x.length, i + frame)));
  return out;
}

/**
 * Loudness of speech, not of the pauses in it: the RMS over the 20 ms frames that are within
 * 30 dB of the loudest frame (a simple gate in the spirit of EBU R128 / ITU-R BS.1770).
 * Without the gate a clip with a long breath would be normalised louder than a tight one.
 */
export function speechLoudness(x: Float32Array, sampleRate: number): number {
  const frames = frameRms(x, Math.max(1, Math.round(sampleRate * 0.02)));
  const loudest = maxOf(frames);
  if (loudest === 0) return 0;
  const gate = loudest * dbToGain(-30);
  let sum = 0;
  let n = 0;
  for (const f of frames) {
    if (f >= gate) {
      sum += f * f;
      n++;
    }
  }
  return Math.sqrt(sum / n);
}

/**
 * Resamples with a windowed-sinc (Blackman) low-pass, so a 44.1 kHz recording taken down to
 * the pack rate does not alias. Cost is fine for clips at load time.
 */
export function resample(x: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return x;
  const ratio = to / from;
  const out = new Float32Array(Math.max(0, Math.round(x.length * ratio)));
  const cutoff = Math.min(1, ratio) * 0.95; // fraction of the input Nyquist frequency
  const half = 16 / Math.min(1, ratio); // filter half-width in input samples
  for (let j = 0; j < out.length; j++) {
    const centre = j / ratio;
    const lo = Math.max(0, Math.ceil(centre - half));
    const hi = Math.min(x.length - 1, Math.floor(centre + half));
    let acc = 0;
    let norm = 0;
    for (let i = lo; i <= hi; i++) {
      const t = i - centre;
      const w = 0.42 + 0.5 * Math.cos((Math.PI * t) / half) + 0.08 * Math.cos((2 * Math.PI * t) / half);
      const arg = Math.PI * cutoff * t;
      const k = w * (t === 0 ? 1 : Math.sin(arg) / arg);
      acc += (x[i] ?? 0) * k;
      norm += k;
    }
    out[j] = norm > 0 ? acc / norm : 0;
  }
  return out;
}

export interface TrimOptions {
  /** Frames this far below the loudest frame count as silence. */
  relativeDb: number;
  /** …and so does anything below this absolute level (a quiet noise floor). */
  floorDb: number;
  /** Kept before the first and after the last loud frame, so soft onsets (s, f, h) survive. */
  padMs: number;
}

const DEFAULT_TRIM: TrimOptions = { relativeDb: -40, floorDb: -55, padMs: 25 };

/** Cuts leading and trailing silence. An all-silent input gives an empty result. */
export function trimSilence(x: Float32Array, sampleRate: number, opts: TrimOptions = DEFAULT_TRIM): Float32Array {
  const frame = Math.max(1, Math.round(sampleRate * 0.005));
  const levels = frameRms(x, frame);
  const loudest = maxOf(levels);
  const threshold = Math.max(loudest * dbToGain(opts.relativeDb), dbToGain(opts.floorDb));
  const first = levels.findIndex((l) => l >= threshold);
  if (first < 0 || loudest === 0) return new Float32Array(0);
  let last = first;
  for (let i = levels.length - 1; i >= first; i--) {
    if ((levels[i] ?? 0) >= threshold) {
      last = i;
      break;
    }
  }
  const pad = Math.round((opts.padMs / 1000) * sampleRate);
  const start = Math.max(0, first * frame - pad);
  const end = Math.min(x.length, (last + 1) * frame + pad);
  return x.slice(start, end);
}

/**
 * Raised-cosine fade-in and fade-out, in place. A clip that starts or stops on a non-zero
 * sample clicks when joined to silence; a few milliseconds of fade remove that.
 */
export function fadeEdges(x: Float32Array, sampleRate: number, inMs: number, outMs: number): Float32Array {
  const fin = Math.min(x.length, Math.round((inMs / 1000) * sampleRate));
  const fout = Math.min(x.length, Math.round((outMs / 1000) * sampleRate));
  for (let i = 0; i < fin; i++) x[i] = (x[i] ?? 0) * 0.5 * (1 - Math.cos((Math.PI * i) / fin));
  for (let i = 0; i < fout; i++) {
    const k = x.length - 1 - i;
    x[k] = (x[k] ?? 0) * 0.5 * (1 - Math.cos((Math.PI * i) / fout));
  }
  return x;
}

export interface LoudnessTarget {
  /** Target speech loudness (gated RMS) in dBFS. */
  loudnessDb: number;
  /** Never let a sample go above this (dBFS); the clip ends up quieter instead. */
  ceilingDb: number;
}

export const SPEECH_LOUDNESS: LoudnessTarget = { loudnessDb: -20, ceilingDb: -1 };

/** Scales a clip (in place) to the target loudness, limited so its peak stays under the ceiling. */
export function normaliseLoudness(x: Float32Array, sampleRate: number, target = SPEECH_LOUDNESS): Float32Array {
  const loud = speechLoudness(x, sampleRate);
  const top = peak(x);
  if (loud === 0 || top === 0) return x;
  const gain = Math.min(dbToGain(target.loudnessDb) / loud, dbToGain(target.ceilingDb) / top);
  for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) * gain;
  return x;
}

/** The whole clean-up a clip gets on its way into a pack: trim, fade, normalise. */
export function prepareClip(x: Float32Array, sampleRate: number): Float32Array {
  const trimmed = trimSilence(x, sampleRate);
  fadeEdges(trimmed, sampleRate, 5, 12);
  return normaliseLoudness(trimmed, sampleRate);
}
