/**
 * Notices: free text ("午间12:00至13:30部分窗口暂停服务…") spoken by espeak-ng, with the chime
 * in front, cleaned up like a clip (trimmed, loudness-normalised) and cached by text and voice.
 */
import type { AudioCache } from './cache';
import { prepareClip, resample } from './dsp';
import { type EspeakEngine, EspeakUnavailableError } from './espeak';
import { OUTPUT_RATE, type PackSet } from './pack';
import { renderNoticeWav } from './render';
import { type Language, detectLanguage, noticeForEspeak } from './text';
import { VoiceInputError } from './validate';
import { decodeWav, toInt16 } from './wav';

/** Longest notice, in characters: about half a minute of speech, and a bound on CPU per request. */
export const NOTICE_MAX_CHARS = 300;

/** espeak-ng voice per language: `cmn` is its Mandarin (correct in the WASM build). */
export const ESPEAK_VOICES: Record<Language, string> = { zh: 'cmn', en: 'en-us' };
/** A little slower than espeak's 175 wpm default: a hall is reverberant and noisy. */
export const ESPEAK_WPM = 150;

export interface NoticeDeps {
  espeak: EspeakEngine | undefined;
  cache: AudioCache;
  log: (msg: string) => void;
  /** The loaded packs (a pack may bring its own chime) and their version, part of the cache key. */
  packs?: PackSet;
  voiceVersion?: string;
}

export async function renderNotice(deps: NoticeDeps, text: string, lang: Language | undefined, withChime: boolean): Promise<Buffer> {
  const clean = noticeForEspeak(text);
  if (!clean) throw new VoiceInputError('text is empty');
  if ([...clean].length > NOTICE_MAX_CHARS) throw new VoiceInputError(`text is longer than ${NOTICE_MAX_CHARS} characters`);
  const espeak = deps.espeak;
  if (!espeak) throw new EspeakUnavailableError('espeak-ng is switched off');
  const voice = ESPEAK_VOICES[lang ?? detectLanguage(clean)];
  const key = `notice|${deps.voiceVersion ?? '-'}|${voice}|${ESPEAK_WPM}|${withChime ? 1 : 0}|${clean}`;
  return deps.cache.getOrRender(key, async () => {
    const pcm = decodeWav(await espeak.speak(clean, voice, { wordsPerMinute: ESPEAK_WPM }));
    const speech = prepareClip(resample(pcm.samples, pcm.sampleRate, OUTPUT_RATE), OUTPUT_RATE);
    if (speech.length === 0) throw new VoiceInputError('the text has nothing to speak');
    return renderNoticeWav(toInt16(speech), withChime, deps.packs);
  });
}
