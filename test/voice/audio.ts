/**
 * Test helpers: a strict reader for the WAVs the voice module produces, written separately
 * from server/voice/wav.ts so the module is not checked against itself.
 */
import { expect } from 'vitest';

export interface CheckedWav {
  sampleRate: number;
  samples: Int16Array;
  seconds: number;
}

/** Asserts a canonical 44-byte-header, mono, 16-bit PCM RIFF/WAVE file and returns its samples. */
export function expectValidWav(buf: Buffer): CheckedWav {
  expect(buf.length).toBeGreaterThan(44);
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  expect(buf.toString('ascii', 12, 16)).toBe('fmt ');
  expect(buf.readUInt32LE(16)).toBe(16);
  expect(buf.readUInt16LE(20)).toBe(1); // PCM
  expect(buf.readUInt16LE(22)).toBe(1); // mono
  const sampleRate = buf.readUInt32LE(24);
  expect(buf.readUInt32LE(28)).toBe(sampleRate * 2);
  expect(buf.readUInt16LE(32)).toBe(2);
  expect(buf.readUInt16LE(34)).toBe(16);
  expect(buf.toString('ascii', 36, 40)).toBe('data');
  const dataBytes = buf.readUInt32LE(40);
  expect(dataBytes).toBe(buf.length - 44);
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(44 + i * 2);
  return { sampleRate, samples, seconds: samples.length / sampleRate };
}

/** RMS in dBFS of samples[from, to). */
export function rmsDb(samples: Int16Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += ((samples[i] ?? 0) / 32768) ** 2;
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-20);
}

/** Runs of sound between stretches of digital silence at least `minGap` samples long. */
export function soundRuns(samples: Int16Array, minGap: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  while (i < samples.length) {
    while (i < samples.length && samples[i] === 0) i++;
    if (i >= samples.length) break;
    const start = i;
    let zeros = 0;
    let end = i;
    for (; i < samples.length; i++) {
      if (samples[i] === 0) {
        if (++zeros >= minGap) break;
      } else {
        zeros = 0;
        end = i + 1;
      }
    }
    runs.push({ start, end });
  }
  return runs;
}
