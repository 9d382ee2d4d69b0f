import { describe, expect, it } from 'vitest';
import { synthChime } from '../../server/voice/chime';
import {
  dbToGain,
  fadeEdges,
  gainToDb,
  normaliseLoudness,
  peak,
  prepareClip,
  resample,
  rms,
  speechLoudness,
  trimSilence,
} from '../../server/voice/dsp';

const RATE = 22050;

function tone(freq: number, seconds: number, amp: number, rate = RATE): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amp * Math.sin((2 * Math.PI * freq * i) / rate));
}
function silence(seconds: number, rate = RATE): Float32Array {
  return new Float32Array(Math.round(seconds * rate));
}
function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
/** Zero crossings per second: a frequency estimate that needs no FFT. */
function crossingsPerSecond(x: Float32Array, rate: number): number {
  let n = 0;
  for (let i = 1; i < x.length; i++) if (((x[i - 1] ?? 0) < 0) !== ((x[i] ?? 0) < 0)) n++;
  return n / (x.length / rate);
}

describe('trimSilence', () => {
  it('cuts leading and trailing silence and low noise, keeping a short pad', () => {
    const noise = Float32Array.from({ length: RATE }, () => (Math.random() - 0.5) * 2e-4); // about -80 dBFS
    const x = concat(noise, tone(300, 0.5, 0.5), silence(0.7));
    const t = trimSilence(x, RATE);
    expect(t.length / RATE).toBeGreaterThan(0.5);
    expect(t.length / RATE).toBeLessThan(0.5 + 0.08);
  });

  it('gives nothing for a silent recording', () => {
    expect(trimSilence(silence(1), RATE)).toHaveLength(0);
  });
});

describe('fadeEdges', () => {
  it('starts and ends at exactly zero and leaves the middle alone', () => {
    const x = fadeEdges(Float32Array.from({ length: 1000 }, () => 0.8), RATE, 5, 10);
    expect(x[0]).toBe(0);
    expect(Math.abs(x[x.length - 1] ?? 1)).toBeLessThan(1e-3);
    expect(x[500]).toBeCloseTo(0.8);
    // monotonic rise: no step anywhere in the fade-in
    for (let i = 1; i < 110; i++) expect(x[i] ?? 0).toBeGreaterThanOrEqual(x[i - 1] ?? 0);
  });
});

describe('normaliseLoudness', () => {
  it('brings quiet and loud speech-like clips to the same gated loudness', () => {
    const quiet = normaliseLoudness(concat(tone(200, 0.3, 0.02), silence(0.3)), RATE);
    const loud = normaliseLoudness(concat(tone(200, 0.3, 0.7), silence(0.05)), RATE);
    expect(gainToDb(speechLoudness(quiet, RATE))).toBeCloseTo(-20, 0);
    expect(gainToDb(speechLoudness(loud, RATE))).toBeCloseTo(-20, 0);
  });

  it('never pushes a peak over the ceiling (a spiky clip ends up quieter instead)', () => {
    const spiky = tone(200, 0.5, 0.01);
    spiky[1000] = 0.9;
    normaliseLoudness(spiky, RATE);
    expect(peak(spiky)).toBeLessThanOrEqual(dbToGain(-1) + 1e-6);
  });
});

describe('resample', () => {
  it('keeps the pitch and level of a tone from 44.1 kHz to 22.05 kHz and from 16 kHz up', () => {
    for (const from of [44100, 16000]) {
      const x = tone(440, 1, 0.5, from);
      const y = resample(x, from, RATE);
      expect(y.length).toBe(RATE);
      expect(crossingsPerSecond(y, RATE)).toBeCloseTo(880, -1);
      expect(rms(y, 1000, y.length - 1000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    }
  });

  it('filters out what the new rate cannot hold instead of aliasing it', () => {
    const y = resample(tone(15000, 0.5, 0.5, 44100), 44100, RATE); // above the new Nyquist (11 kHz)
    expect(rms(y, 500, y.length - 500)).toBeLessThan(0.01);
  });
});

describe('prepareClip and the chime', () => {
  it('prepareClip trims, fades and normalises in one go', () => {
    const clip = prepareClip(concat(silence(0.4), tone(250, 0.4, 0.05), silence(0.4)), RATE);
    expect(clip.length / RATE).toBeLessThan(0.5);
    expect(clip[0]).toBe(0);
    expect(gainToDb(speechLoudness(clip, RATE))).toBeCloseTo(-20, 0);
  });

  it('the chime is soft (peak -12 dBFS), about 1.5 s, and click-free at both ends', () => {
    const c = synthChime(RATE);
    expect(gainToDb(peak(c))).toBeCloseTo(-12, 1);
    expect(c.length / RATE).toBeGreaterThan(1.2);
    expect(c.length / RATE).toBeLessThan(2);
    expect(Math.abs(c[0] ?? 1)).toBeLessThan(1e-3);
    expect(Math.abs(c[c.length - 1] ?? 1)).toBeLessThan(1e-4);
    // no sample-to-sample jump larger than a 2 kHz sine at that level could make
    let jump = 0;
    for (let i = 1; i < c.length; i++) jump = Math.max(jump, Math.abs((c[i] ?? 0) - (c[i - 1] ?? 0)));
    expect(jump).toBeLessThan(dbToGain(-12) * 2 * Math.PI * (2000 / RATE));
  });
});
