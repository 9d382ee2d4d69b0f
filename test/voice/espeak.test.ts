/**
 * The real espeak-ng (WASM) in its worker thread. Slower than the other voice tests
 * (about 0.3 s per sentence), so kept to a few sentences.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EspeakUnavailableError, createEspeakEngine } from '../../server/voice/espeak';
import { type Voice, createVoice } from '../../server/voice/index';
import { decodeWav } from '../../server/voice/wav';
import { expectValidWav, rmsDb, soundRuns } from './audio';

describe('the espeak engine', () => {
  const logs: string[] = [];
  const engine = createEspeakEngine({ log: (m) => logs.push(m) });
  afterAll(() => engine.close());

  it('speaks Mandarin in a worker without blocking the event loop', async () => {
    expect(engine.state()).toBe('idle'); // started on first use, not before
    const first = decodeWav(await engine.speak('请 A 0 0 1 号到三号窗口办理', 'cmn'));
    expect(first.sampleRate).toBe(22050);
    expect(first.samples.length / first.sampleRate).toBeGreaterThan(1.5);
    expect(engine.state()).toBe('ready');

    // Now the synthesis itself: on this thread it would be one stall from start to finish
    // (espeak's main() is synchronous), so the longest gap between ticks would be ~all of it.
    let longest = 0;
    let last = performance.now();
    const started = last;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      await engine.speak('请 B 1 2 3 号到十二号窗口办理', 'cmn');
    } finally {
      clearInterval(ticker);
    }
    const end = performance.now();
    longest = Math.max(longest, end - last);
    // Relative, not absolute: on a busy machine both the synthesis and scheduling gaps stretch.
    expect(longest).toBeLessThan(Math.max(60, (end - started) * 0.5));
  });

  it('reports a voice espeak does not have as an error of that request only', async () => {
    await expect(engine.speak('hello', 'xx-nonexistent')).rejects.toThrow(/voice does not exist/);
    expect(engine.state()).toBe('ready');
    const wav = decodeWav(await engine.speak('Counter three is open.', 'en-us'));
    expect(wav.samples.length).toBeGreaterThan(10_000);
    expect(logs).toEqual([]);
  });

  it('text starting with a dash is spoken, not taken as an option', async () => {
    const wav = decodeWav(await engine.speak('-v en hello', 'en-us'));
    expect(wav.samples.length / wav.sampleRate).toBeGreaterThan(0.5);
  });
});

describe('when espeak-ng cannot load', () => {
  it('logs once, refuses every request quickly, and never throws out of the engine', async () => {
    const logs: string[] = [];
    const engine = createEspeakEngine({ log: (m) => logs.push(m), moduleSpecifier: 'espeak-ng-not-installed' });
    const results = await Promise.allSettled([engine.speak('一', 'cmn'), engine.speak('二', 'cmn')]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EspeakUnavailableError);
    }
    const t = performance.now();
    await expect(engine.speak('三', 'cmn')).rejects.toBeInstanceOf(EspeakUnavailableError);
    expect(performance.now() - t).toBeLessThan(20);
    expect(engine.state()).toBe('failed');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/espeak-ng unavailable .* calls use clip packs/);
    await engine.close();
  });

  it('gives up after repeated hangs (here: an impossible 1 ms timeout) and says so once', async () => {
    const logs: string[] = [];
    const engine = createEspeakEngine({ log: (m) => logs.push(m), timeoutMs: 1 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => engine.speak(String(n), 'cmn')));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(engine.state()).toBe('failed');
    expect(logs).toHaveLength(1);
    await engine.close();
  });
});

describe('GET /api/audio/notice.wav', () => {
  let voice: Voice;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    voice = createVoice({ log: () => {} });
    const app = express();
    app.use('/api/audio', voice.router());
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await voice.close();
  });

  it('speaks a Mandarin notice after the chime, cached for the next display', async () => {
    const url = `${base}/api/audio/notice.wav?text=${encodeURIComponent('午间十二点至一点半，部分窗口暂停服务。')}`;
    const rendered = performance.now();
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/wav');
    const body = Buffer.from(await first.arrayBuffer());
    const renderMs = performance.now() - rendered;
    const wav = expectValidWav(body);
    const runs = soundRuns(wav.samples, Math.round(0.2 * wav.sampleRate));
    expect(runs.length).toBeGreaterThanOrEqual(2); // chime, then speech
    expect(wav.seconds).toBeGreaterThan(3);
    expect(rmsDb(wav.samples, runs[1]?.start ?? 0)).toBeGreaterThan(-30);

    const t = performance.now();
    const again = Buffer.from(await (await fetch(url)).arrayBuffer());
    // From the cache: a small part of a render (both slow down alike on a loaded machine, where a
    // fixed 100 ms failed now and then).
    expect(performance.now() - t).toBeLessThan(Math.max(100, renderMs / 5));
    expect(again.equals(body)).toBe(true);
  });

  it('speaks English without the chime when asked, and several notices at once', async () => {
    const texts = ['Counter 5 is closed.', 'Please take a number at the kiosk.'];
    const responses = await Promise.all(
      texts.map((t) => fetch(`${base}/api/audio/notice.wav?chime=0&text=${encodeURIComponent(t)}`)),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      const wav = expectValidWav(Buffer.from(await res.arrayBuffer()));
      const runs = soundRuns(wav.samples, Math.round(0.2 * wav.sampleRate));
      expect((runs[0]?.start ?? 0) / wav.sampleRate).toBeLessThan(0.2); // speech right away
    }
  });
});
