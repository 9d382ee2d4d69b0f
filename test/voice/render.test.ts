import { afterAll, describe, expect, it } from 'vitest';
import { type CallAnnouncement, createVoice } from '../../server/voice/index';
import { VoiceInputError } from '../../server/voice/validate';
import { expectValidWav, rmsDb, soundRuns } from './audio';

const logs: string[] = [];
const voice = createVoice({ enableEspeak: false, log: (m) => logs.push(m) });
afterAll(() => voice.close());

const call = (over: Partial<CallAnnouncement> = {}): CallAnnouncement => ({
  number: 'A001',
  windowNo: 3,
  languages: ['zh'],
  repeat: 1,
  ...over,
});

describe('call audio from the built-in clip packs', () => {
  it('is a valid mono 16-bit WAV of a plausible length, and not silent', async () => {
    const wav = expectValidWav(await voice.renderCall(call()));
    expect(wav.sampleRate).toBe(22050);
    // chime (~1.9 s with its silences) + "请 A 零 零 一 号 到 三 号 窗口 办理" (~4 s)
    expect(wav.seconds).toBeGreaterThan(4.5);
    expect(wav.seconds).toBeLessThan(8);
    expect(rmsDb(wav.samples)).toBeGreaterThan(-30);
    expect(logs).toEqual([]); // the built-in packs are complete
  });

  it('starts with the chime, then speech at a loudness close to the chime’s', async () => {
    const { samples, sampleRate } = expectValidWav(await voice.renderCall(call()));
    const runs = soundRuns(samples, Math.round(0.2 * sampleRate));
    expect(runs.length).toBeGreaterThanOrEqual(2);
    const [chime, speech] = runs;
    if (!chime || !speech) throw new Error('unreachable');
    expect(chime.start / sampleRate).toBeCloseTo(0.12, 1); // lead-in silence for sleepy amplifiers
    expect((chime.end - chime.start) / sampleRate).toBeGreaterThan(1.2);
    expect((speech.start - chime.end) / sampleRate).toBeGreaterThanOrEqual(0.3);
    const chimeDb = rmsDb(samples, chime.start, chime.end);
    const speechDb = rmsDb(samples, speech.start, samples.length - Math.round(0.2 * sampleRate));
    expect(speechDb).toBeGreaterThan(-28);
    expect(Math.abs(chimeDb - speechDb)).toBeLessThan(8);
  });

  it('ends in silence and never starts or stops a sound with a jump (no clicks)', async () => {
    const { samples } = expectValidWav(await voice.renderCall(call({ languages: ['zh', 'en'], number: 'K1234', windowNo: 105 })));
    expect(samples[0]).toBe(0);
    expect(samples[samples.length - 1]).toBe(0);
    // A click is a step out of (or into) digital silence. Faded clips step by a few units;
    // espeak's own plosive bursts after a closure reach ~600; an unfaded cut would be ~5000+.
    for (const run of soundRuns(samples, 32)) {
      expect(Math.abs(samples[run.start] ?? 0)).toBeLessThan(1500);
      expect(Math.abs(samples[run.end - 1] ?? 0)).toBeLessThan(1500);
    }
  });

  it('adds the English sentence after the Mandarin one, and repeats the pair', async () => {
    const zh = expectValidWav(await voice.renderCall(call())).seconds;
    const zhEn = expectValidWav(await voice.renderCall(call({ languages: ['zh', 'en'] }))).seconds;
    const zhEn2 = expectValidWav(await voice.renderCall(call({ languages: ['zh', 'en'], repeat: 2 }))).seconds;
    const en = expectValidWav(await voice.renderCall(call({ languages: ['en'] }))).seconds;
    const chimeAndSilence = 0.12 + 1.47 + 0.35 + 0.2;
    expect(zhEn).toBeCloseTo(zh + (en - chimeAndSilence) + 0.7, 1);
    expect(zhEn2).toBeCloseTo(zhEn + (zhEn - chimeAndSilence) + 0.7, 1);
  });

  it('speaks longer numbers for longer: window 1234 takes more time than window 3', async () => {
    const short = expectValidWav(await voice.renderCall(call())).seconds;
    const long = expectValidWav(await voice.renderCall(call({ windowNo: 1234 }))).seconds;
    expect(long - short).toBeGreaterThan(1);
  });

  it('caches by announcement: the same call is the same buffer, another call is not', async () => {
    const a = await voice.renderCall(call({ number: 'B007' }));
    expect(await voice.renderCall(call({ number: 'B007' }))).toBe(a);
    expect(await voice.renderCall(call({ number: 'b007' }))).toBe(a); // canonical form
    expect(await voice.renderCall(call({ number: 'B008' }))).not.toBe(a);
  });

  it.each([
    ['a bad ticket number', { number: 'AB1' }],
    ['a window 0', { windowNo: 0 }],
    ['a window 10000', { windowNo: 10000 }],
    ['a fractional window', { windowNo: 2.5 }],
    ['no language', { languages: [] }],
    ['a repeated language', { languages: ['zh', 'zh'] }],
    ['repeat 0', { repeat: 0 }],
    ['repeat 6', { repeat: 6 }],
  ] as [string, Partial<CallAnnouncement>][])('rejects %s with VoiceInputError', async (_label, over) => {
    await expect(voice.renderCall(call(over))).rejects.toBeInstanceOf(VoiceInputError);
  });
});

describe('callAudioUrl', () => {
  it('is the canonical path under /api/audio, with the voice version', () => {
    expect(voice.callAudioUrl(call({ languages: ['zh', 'en'], windowNo: 3 }))).toMatch(
      /^\/api\/audio\/call\/zh-en\/1\/A001\/3\.wav\?v=[0-9a-f]{8}$/,
    );
    expect(voice.callAudioUrl(call({ languages: ['en', 'zh'], repeat: 3, number: 'k12', windowNo: 12 }))).toMatch(
      /^\/api\/audio\/call\/en-zh\/3\/K12\/12\.wav\?v=/,
    );
  });

  it('never throws: it repairs what it can and leaves the rest to a 400', () => {
    expect(voice.callAudioUrl(call({ languages: [], repeat: 99 }))).toMatch(/\/call\/zh\/5\/A001\/3\.wav/);
    expect(voice.callAudioUrl(call({ number: 'A/../x' }))).toContain('/A%2F..%2FX/');
  });

  it('is cheap: no rendering', () => {
    const t = performance.now();
    for (let i = 0; i < 10_000; i++) voice.callAudioUrl(call({ windowNo: 1 + (i % 30) }));
    // Rendering a call takes milliseconds; building its URL takes microseconds (0.5 ms leaves
    // room for a loaded machine, where 0.05 failed now and then).
    expect((performance.now() - t) / 10_000).toBeLessThan(0.5);
  });
});
