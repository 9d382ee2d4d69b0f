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

/** The text as espeak will read it, checked: not empty, not too long (`what` names it in the error). */
function speakable(text: string, what: string): string {
  const clean = noticeForEspeak(text);
  if (!clean) throw new VoiceInputError(`${what} is empty`);
  if ([...clean].length > NOTICE_MAX_CHARS) throw new VoiceInputError(`${what} is longer than ${NOTICE_MAX_CHARS} characters`);
  return clean;
}

/**
 * A notice's audio: [chime], the text, and — for a bilingual notice (`textEn`, 语音广播 in a hall
 * that speaks English) — its English after a pause, in the same file, so every wall (an older
 * one too) plays both, in order, with nothing between them.
 */
export async function renderNotice(deps: NoticeDeps, text: string, lang: Language | undefined, withChime: boolean, textEn?: string): Promise<Buffer> {
  const clean = speakable(text, 'text');
  const cleanEn = textEn === undefined ? undefined : speakable(textEn, 'the English');
  const espeak = deps.espeak;
  if (!espeak) throw new EspeakUnavailableError('espeak-ng is switched off');
  const voice = ESPEAK_VOICES[lang ?? detectLanguage(clean)];
  const key = `notice|${deps.voiceVersion ?? '-'}|${voice}|${ESPEAK_WPM}|${withChime ? 1 : 0}|${clean}${cleanEn === undefined ? '' : `|en|${cleanEn}`}`;
  return deps.cache.getOrRender(key, async () => {
    const say = async (words: string, v: string): Promise<Int16Array> => {
      const pcm = decodeWav(await espeak.speak(words, v, { wordsPerMinute: ESPEAK_WPM }));
      const speech = prepareClip(resample(pcm.samples, pcm.sampleRate, OUTPUT_RATE), OUTPUT_RATE);
      if (speech.length === 0) throw new VoiceInputError('the text has nothing to speak');
      return toInt16(speech);
    };
    const parts = [await say(clean, voice)];
    if (cleanEn !== undefined) parts.push(await say(cleanEn, ESPEAK_VOICES.en));
    return renderNoticeWav(parts, withChime, deps.packs);
  });
}
