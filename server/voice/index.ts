/**
 * The voice module: a call (ticket number, window, languages, repeat) → a WAV the wall
 * display plays; and free text (notices) → a WAV spoken by espeak-ng.
 *
 * Engines: the clip engine (render.ts) joins pre-recorded words of a clip pack (pack.ts) and
 * is the default for calls; espeak-ng (espeak.ts, in a worker thread) speaks notices and
 * generates the built-in packs (scripts/voice-pack.ts). If espeak-ng cannot load, notices
 * answer 503 and calls are unaffected. Nothing here throws at the server: bad input is a 400,
 * a missing voice a 503. See docs/voice.md.
 */
import { createHash } from 'node:crypto';
import type { Router } from 'express';
import { AudioCache } from './cache';
import { type EspeakEngine, createEspeakEngine } from './espeak';
import { loadPacks } from './pack';
import { renderCallWav } from './render';
import { createAudioRouter } from './router';
import { normaliseCall } from './validate';
import { renderNotice } from './notice';

export interface CallAnnouncement {
  number: string;
  windowNo: number;
  languages: ('zh' | 'en')[];
  repeat: number;
}

export interface Voice {
  /** Path on the same server answering audio/wav for this call, e.g. '/api/audio/call/zh-en/1/A001/3.wav'. Pure and cheap (no rendering). */
  callAudioUrl(a: CallAnnouncement): string;
  /** Express 5 Router that the app mounts at '/api/audio'. Serves the call audio (rendered on demand, cached, Content-Type audio/wav, Cache-Control immutable), and GET /api/audio/notice.wav?text=… (espeak free text, length-limited, cached; 503 JSON {error:{code:'INTERNAL',message}} if espeak is unavailable). Bad parameters → 400 JSON {error:{code:'BAD_REQUEST',message}}. */
  router(): Router;
  /** For tests and benchmarks: render directly. */
  renderCall(a: CallAnnouncement): Promise<Buffer>;
  close(): Promise<void>;
}

/** Where the app mounts the router; callAudioUrl builds paths under it. */
export const AUDIO_MOUNT = '/api/audio';

/** Rendered audio kept in memory: about 150 typical calls, or a day's notices many times over. */
const CACHE_BYTES = 32 * 1024 * 1024;

export function createVoice(opts: { packDir?: string; enableEspeak?: boolean; log?: (msg: string) => void } = {}): Voice {
  const log = opts.log ?? ((msg: string) => console.warn(msg));
  const packs = loadPacks(opts.packDir, log);
  // Part of every call URL: a centre that swaps in a new pack gets new URLs, so displays do
  // not keep playing the old voice from their (immutable) HTTP cache.
  const voiceVersion = createHash('sha256')
    .update(`${packs.zh?.version ?? '-'}/${packs.en?.version ?? '-'}`)
    .digest('hex')
    .slice(0, 8);
  const cache = new AudioCache(CACHE_BYTES);
  const espeak: EspeakEngine | undefined = opts.enableEspeak === false ? undefined : createEspeakEngine({ log });

  function renderCall(a: CallAnnouncement): Promise<Buffer> {
    let call: CallAnnouncement;
    try {
      call = normaliseCall(a);
    } catch (e) {
      return Promise.reject(e);
    }
    const key = `call|${voiceVersion}|${call.languages.join('-')}|${call.repeat}|${call.number}|${call.windowNo}`;
    return cache.getOrRender(key, () => renderCallWav(packs, call));
  }

  return {
    callAudioUrl(a) {
      const c = normaliseCall(a, { lenient: true });
      const path = `${AUDIO_MOUNT}/call/${c.languages.join('-')}/${c.repeat}/${encodeURIComponent(c.number)}/${c.windowNo}.wav`;
      return `${path}?v=${voiceVersion}`;
    },
    router: () =>
      createAudioRouter({
        renderCall,
        renderNotice: (text, lang, chime, textEn) => renderNotice({ espeak, cache, log, packs, voiceVersion }, text, lang, chime, textEn),
        log,
      }),
    renderCall,
    async close() {
      cache.clear();
      await espeak?.close();
    },
  };
}
