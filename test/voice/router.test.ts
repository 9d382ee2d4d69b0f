import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Voice, createVoice } from '../../server/voice/index';
import { expectValidWav } from './audio';

/** The router mounted as the app will mount it, on a free port, with espeak switched off. */
let voice: Voice;
let server: Server;
let base: string;
const logs: string[] = [];

beforeAll(async () => {
  voice = createVoice({ enableEspeak: false, log: (m) => logs.push(m) });
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

const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });

describe('GET /api/audio/call/…', () => {
  it('answers the URL callAudioUrl builds with cacheable audio/wav', async () => {
    const url = voice.callAudioUrl({ number: 'A001', windowNo: 3, languages: ['zh', 'en'], repeat: 1 });
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(expectValidWav(body).seconds).toBeGreaterThan(8);
    expect(body.equals(await voice.renderCall({ number: 'A001', windowNo: 3, languages: ['zh', 'en'], repeat: 1 }))).toBe(true);
  });

  it('answers 304 to a revalidation and 206 to a byte range (Safari’s <audio>)', async () => {
    const url = voice.callAudioUrl({ number: 'C012', windowNo: 7, languages: ['zh'], repeat: 1 });
    const full = await get(url);
    const etag = full.headers.get('etag');
    expect(etag).toBeTruthy();
    const total = (await full.arrayBuffer()).byteLength;
    expect((await get(url, { 'If-None-Match': etag ?? '' })).status).toBe(304);
    const part = await get(url, { Range: 'bytes=0-1' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-1/${total}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('ascii')).toBe('RI');
    expect((await get(url, { Range: `bytes=${total + 10}-` })).status).toBe(416);
  });

  it.each([
    ['an unknown language', '/api/audio/call/zh-fr/1/A001/3.wav'],
    ['no language', '/api/audio/call/-/1/A001/3.wav'],
    ['a repeated language', '/api/audio/call/zh-zh/1/A001/3.wav'],
    ['repeat 0', '/api/audio/call/zh/0/A001/3.wav'],
    ['repeat 9', '/api/audio/call/zh/9/A001/3.wav'],
    ['repeat x', '/api/audio/call/zh/x/A001/3.wav'],
    ['a bad ticket', '/api/audio/call/zh/1/A0001X/3.wav'],
    ['a lower-case ticket', '/api/audio/call/zh/1/a001/3.wav'],
    ['a path-ish ticket', '/api/audio/call/zh/1/..%2F..%2Fetc/3.wav'],
    ['window 0', '/api/audio/call/zh/1/A001/0.wav'],
    ['window 10000', '/api/audio/call/zh/1/A001/10000.wav'],
    ['another extension', '/api/audio/call/zh/1/A001/3.mp3'],
  ])('answers 400 BAD_REQUEST for %s', async (_label, path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message.length).toBeGreaterThan(5);
  });
});

describe('GET /api/audio/notice.wav with espeak switched off', () => {
  it('answers 503 INTERNAL, and calls still work', async () => {
    const res = await get(`/api/audio/notice.wav?text=${encodeURIComponent('午间休息')}`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect((await get(voice.callAudioUrl({ number: 'A002', windowNo: 1, languages: ['zh'], repeat: 1 }))).status).toBe(200);
  });

  it.each([
    ['no text', '/api/audio/notice.wav'],
    ['empty text', '/api/audio/notice.wav?text=%20%20'],
    ['text over the limit', `/api/audio/notice.wav?text=${'很'.repeat(301)}`],
    ['two texts', '/api/audio/notice.wav?text=a&text=b'],
    ['an unknown language', '/api/audio/notice.wav?text=hello&lang=fr'],
    ['a bad chime flag', '/api/audio/notice.wav?text=hello&chime=yes'],
  ])('answers 400 for %s (checked before the engine)', async (_label, path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it('logged nothing unexpected', () => {
    expect(logs.filter((l) => l.includes('failed'))).toEqual([]);
  });
});
