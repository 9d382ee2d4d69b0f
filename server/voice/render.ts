/**
 * The clip engine: a call becomes chime + (sentence per language) × repeat, by copying
 * prepared 16-bit clips into one WAV. No float maths per call: loudness, trims and
 * fades were done when the pack loaded, the chime was synthesised once.
 */
import { synthChime } from './chime';
import type { CallAnnouncement } from './index';
import { type LoadedPack, OUTPUT_RATE, type PackSet } from './pack';
import { type Language, type Token, sentenceTokens } from './text';
import { allocWav, toInt16 } from './wav';

const ms = (n: number) => Math.round((n / 1000) * OUTPUT_RATE);

/** Timing of the whole announcement (between sentences, not inside them: that is the pack's). */
export const TIMING = {
  /** Silence before the chime: amplifiers with auto-standby swallow the first instant. */
  leadFrames: ms(120),
  afterChimeFrames: ms(350),
  betweenSentencesFrames: ms(700),
  tailFrames: ms(200),
};

/** The clip key of a pack's own chime (optional; without it the synthesised one plays). */
export const CHIME_KEY = 'chime';

let chime: Int16Array | undefined;
/** The chime of the first pack that has one (a centre's own ding-dong), else the synthesised one. */
export function chimeClip(packs: PackSet = {}, prefer: readonly string[] = []): Int16Array {
  for (const lang of [...prefer, 'zh', 'en']) {
    const own = packs[lang as Language]?.clips.get(CHIME_KEY);
    if (own) return own;
  }
  chime ??= toInt16(synthChime(OUTPUT_RATE));
  return chime;
}

export class NoVoiceError extends Error {
  override name = 'NoVoiceError';
}

/** A piece of the output: a clip, or a run of silence (a frame count). */
type Segment = Int16Array | number;

function sentenceSegments(pack: LoadedPack, tokens: Token[], out: Segment[]): void {
  let prev: Token | undefined;
  for (const t of tokens) {
    if ('pause' in t) {
      out.push(pack.pauseFrames);
      prev = t;
      continue;
    }
    const clip = pack.clips.get(t.clip);
    if (!clip) continue; // logged when the pack loaded; a missing word is better than no call
    if (prev && 'clip' in prev) out.push(prev.spelled && t.spelled ? pack.charGapFrames : pack.gapFrames);
    out.push(clip);
    prev = t;
  }
}

/**
 * Renders one call to a WAV buffer. Languages without a pack are skipped; if none is left,
 * NoVoiceError. Throws RangeError for a number or window the tables cannot speak.
 */
export function renderCallWav(packs: PackSet, a: CallAnnouncement): Buffer {
  const sentences: Segment[][] = [];
  for (const lang of a.languages) {
    const pack = packs[lang as Language];
    if (!pack) continue;
    const segs: Segment[] = [];
    sentenceSegments(pack, sentenceTokens(pack.sentence, a.number, a.windowNo, lang), segs);
    sentences.push(segs);
  }
  if (sentences.length === 0) throw new NoVoiceError(`no voice pack for ${a.languages.join(', ') || 'no language'}`);

  const segments: Segment[] = [TIMING.leadFrames, chimeClip(packs, a.languages), TIMING.afterChimeFrames];
  for (let r = 0; r < a.repeat; r++) {
    for (const s of sentences) {
      if (segments.length > 3) segments.push(TIMING.betweenSentencesFrames);
      segments.push(...s);
    }
  }
  segments.push(TIMING.tailFrames);

  return join(segments);
}

/** Copies the segments into one WAV, writing each sample once (clips copied, silences filled). */
function join(segments: Segment[]): Buffer {
  let frames = 0;
  for (const s of segments) frames += typeof s === 'number' ? s : s.length;
  const { wav, samples } = allocWav(frames, OUTPUT_RATE, false);
  let at = 0;
  for (const s of segments) {
    if (typeof s === 'number') samples.fill(0, at, at + s);
    else samples.set(s, at);
    at += typeof s === 'number' ? s : s.length;
  }
  return wav;
}

/** A notice spoken by espeak: [chime], the speech (already trimmed and normalised), silence. */
export function renderNoticeWav(speech: Int16Array | readonly Int16Array[], withChime: boolean, packs: PackSet = {}): Buffer {
  // Several parts (a notice and its English) with the pause between a call's sentences.
  const parts = speech instanceof Int16Array ? [speech] : speech;
  const spoken: Segment[] = parts.flatMap((p, i) => (i === 0 ? [p] : [TIMING.betweenSentencesFrames, p]));
  const segments: Segment[] = withChime
    ? [TIMING.leadFrames, chimeClip(packs), TIMING.afterChimeFrames, ...spoken, TIMING.tailFrames]
    : [TIMING.leadFrames, ...spoken, TIMING.tailFrames];
  return join(segments);
}
