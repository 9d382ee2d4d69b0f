/**
 * HTTP for the voice, mounted at /api/audio:
 *   GET /call/:langs/:repeat/:number/:window.wav   e.g. /call/zh-en/1/A001/3.wav
 *   GET /notice.wav?text=…[&lang=zh|en][&chime=0][&en=…]   (en: the notice's English, spoken after it)
 * WAV answers carry an ETag and honour a single byte Range (Safari's <audio> insists on it).
 * Every failure is a JSON error from the contract's closed list; nothing escapes to Express.
 */
import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { ApiError } from '../../shared/errors';
import { EspeakBusyError, EspeakUnavailableError } from './espeak';
import type { CallAnnouncement } from './index';
import { NoVoiceError } from './render';
import type { Language } from './text';
import { VoiceInputError, parseCallPath } from './validate';

export interface AudioRouterDeps {
  renderCall(a: CallAnnouncement): Promise<Buffer>;
  renderNotice(text: string, lang: Language | undefined, chime: boolean, textEn?: string): Promise<Buffer>;
  log(msg: string): void;
}

/** Call audio never changes for a URL (the URL carries the pack version). */
const CALL_CACHE = 'public, max-age=31536000, immutable';
/** A notice depends on espeak too, which an upgrade may change: a day is plenty. */
const NOTICE_CACHE = 'public, max-age=86400';

export function createAudioRouter(deps: AudioRouterDeps): Router {
  const router = express.Router();

  router.get('/call/:langs/:repeat/:number/:file', async (req, res) => {
    try {
      const p = req.params;
      const call = parseCallPath(p.langs ?? '', p.repeat ?? '', p.number ?? '', p.file ?? '');
      sendWav(req, res, await deps.renderCall(call), CALL_CACHE);
    } catch (e) {
      sendFailure(res, e, deps.log);
    }
  });

  router.get('/notice.wav', async (req, res) => {
    try {
      const text = single(req.query.text);
      const lang = single(req.query.lang);
      const chime = single(req.query.chime);
      const textEn = single(req.query.en);
      if (text === undefined) throw new VoiceInputError('text is required');
      if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new VoiceInputError('lang is zh or en');
      if (chime !== undefined && chime !== '0' && chime !== '1') throw new VoiceInputError('chime is 0 or 1');
      sendWav(req, res, await deps.renderNotice(text, lang, chime !== '0', textEn), NOTICE_CACHE);
    } catch (e) {
      sendFailure(res, e, deps.log);
    }
  });

  return router;
}

/** One query value; a repeated parameter (?text=a&text=b) is a bad request, not an array. */
function single(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new VoiceInputError('each parameter is given once');
  return v;
}

function sendWav(req: Request, res: Response, wav: Buffer, cacheControl: string): void {
  const etag = `"${createHash('sha1').update(wav).digest('base64url').slice(0, 22)}"`;
  res.set({ 'Content-Type': 'audio/wav', 'Cache-Control': cacheControl, ETag: etag, 'Accept-Ranges': 'bytes' });
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  const range = req.headers.range ? req.range(wav.length, { combine: true }) : undefined;
  if (range === -1) {
    res.status(416).set('Content-Range', `bytes */${wav.length}`).end();
    return;
  }
  // A malformed Range header (-2) is ignored, as RFC 9110 allows: the whole file is sent.
  if (Array.isArray(range) && range.type === 'bytes' && range.length === 1 && range[0]) {
    const { start, end } = range[0];
    res.status(206).set('Content-Range', `bytes ${start}-${end}/${wav.length}`);
    res.end(wav.subarray(start, end + 1));
    return;
  }
  res.status(200).end(wav);
}

/** If-None-Match holds our tag (or `*`); weak and strong tags compare alike (RFC 9110 §13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function sendFailure(res: Response, e: unknown, log: (msg: string) => void): void {
  let status: number;
  let error: ApiError;
  if (e instanceof VoiceInputError) {
    status = 400;
    error = { code: 'BAD_REQUEST', message: e.message };
  } else if (e instanceof EspeakUnavailableError) {
    status = 503;
    error = { code: 'INTERNAL', message: 'text-to-speech is unavailable on this server' };
  } else if (e instanceof EspeakBusyError) {
    status = 503;
    error = { code: 'INTERNAL', message: 'text-to-speech is busy, try again shortly' };
  } else if (e instanceof NoVoiceError) {
    status = 503;
    error = { code: 'INTERNAL', message: 'no voice pack is available for these languages' };
  } else {
    // Unexpected: log the detail for us, give the client no internals.
    log(`voice: audio request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    status = 500;
    error = { code: 'INTERNAL', message: 'the audio could not be produced' };
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).set('Cache-Control', 'no-store').json({ error });
}
