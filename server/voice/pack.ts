/**
 * Clip packs: a folder with `manifest.json` and one WAV per word (format in docs/voice.md).
 *
 * Loading prepares every clip once — mono, OUTPUT_RATE, silence trimmed, edges faded,
 * loudness normalised, converted to 16-bit — so that rendering a call is only copying.
 * A centre's own pack (a human voice) is checked against the built-in pack of its language:
 * a missing or unreadable clip falls back to the built-in clip of the same key, a broken
 * manifest falls back to the whole built-in pack, and both are logged. Loading never throws
 * out of loadPacks: the server must not crash over voice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { prepareClip, resample } from './dsp';
import { DEFAULT_SENTENCE, LANGUAGES, type Language, TICKET_SLOT, WINDOW_SLOT, requiredKeys } from './text';
import { decodeWav, toInt16 } from './wav';

/** Sample rate of every rendered announcement; clips of other rates are resampled on load. */
export const OUTPUT_RATE = 22050;

export const BUILTIN_PACK_DIR = join(dirname(fileURLToPath(import.meta.url)), 'packs');

const ClipPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..'), 'a clip path stays inside the pack folder')
  .refine((p) => p.toLowerCase().endsWith('.wav'), 'a clip is a .wav file');

export const PackManifest = z.object({
  format: z.literal('hall-voice-pack'),
  version: z.literal(1),
  language: z.enum(['zh', 'en']),
  name: z.string().min(1),
  description: z.string().optional(),
  source: z.string().optional(),
  license: z.string().optional(),
  /** Silence between words, in ms. */
  gapMs: z.number().min(0).max(1000).default(30),
  /** Silence between the characters of a ticket number, in ms (a little longer: A, 0, 0, 1). */
  charGapMs: z.number().min(0).max(1000).default(80),
  /** Length of a "," pause in the sentence, in ms. */
  pauseMs: z.number().min(0).max(3000).default(250),
  /** Clip keys, `{ticket}`, `{window}` and `,`; defaults to the built-in sentence. */
  sentence: z
    .array(z.string().min(1))
    .min(2)
    .refine((s) => s.filter((t) => t === TICKET_SLOT).length === 1, 'the sentence holds {ticket} once')
    .refine((s) => s.filter((t) => t === WINDOW_SLOT).length === 1, 'the sentence holds {window} once')
    .optional(),
  /** Clip key → WAV file, relative to the pack folder. */
  clips: z.record(z.string().min(1), ClipPath),
});
export type PackManifest = z.infer<typeof PackManifest>;

export interface LoadedPack {
  language: Language;
  name: string;
  dir: string;
  sentence: readonly string[];
  gapFrames: number;
  charGapFrames: number;
  pauseFrames: number;
  clips: ReadonlyMap<string, Int16Array>;
  /** Short content hash: changes when any clip or the manifest changes. */
  version: string;
}

export class PackError extends Error {
  override name = 'PackError';
}

interface RawPack {
  pack: LoadedPack;
  /** Keys the pack should hold but does not (or holds unreadable). */
  missing: string[];
  problems: string[];
}

/** Reads and prepares one pack folder. Throws PackError if the manifest itself is unusable. */
export function readPack(dir: string, expected: Language): RawPack {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new PackError(`${manifestPath} does not exist`);
  const manifestBytes = readFileSync(manifestPath);
  let json: unknown;
  try {
    json = JSON.parse(manifestBytes.toString('utf8'));
  } catch (e) {
    throw new PackError(`${manifestPath} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = PackManifest.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new PackError(`${manifestPath}: ${issues}`);
  }
  const m = parsed.data;
  if (m.language !== expected) throw new PackError(`${manifestPath} is a "${m.language}" pack, expected "${expected}"`);
  const sentence = m.sentence ?? DEFAULT_SENTENCE[expected];

  const hash = createHash('sha256').update(manifestBytes);
  const clips = new Map<string, Int16Array>();
  const problems: string[] = [];
  const root = resolve(dir);
  for (const [key, file] of Object.entries(m.clips)) {
    const path = resolve(root, file);
    if (!path.startsWith(root + sep)) {
      problems.push(`clip "${key}": ${file} is outside the pack`);
      continue;
    }
    try {
      const bytes = readFileSync(path);
      hash.update(key).update(bytes);
      const pcm = decodeWav(bytes);
      const prepared = prepareClip(resample(pcm.samples, pcm.sampleRate, OUTPUT_RATE), OUTPUT_RATE);
      if (prepared.length === 0) throw new PackError('the recording is silent');
      clips.set(key, toInt16(prepared));
    } catch (e) {
      problems.push(`clip "${key}" (${file}): ${(e as Error).message}`);
    }
  }
  const missing = requiredKeys(expected, sentence).filter((k) => !clips.has(k));
  const frames = (ms: number) => Math.round((ms / 1000) * OUTPUT_RATE);
  return {
    pack: {
      language: expected,
      name: m.name,
      dir: root,
      sentence,
      gapFrames: frames(m.gapMs),
      charGapFrames: frames(m.charGapMs),
      pauseFrames: frames(m.pauseMs),
      clips,
      version: hash.digest('hex').slice(0, 10),
    },
    missing,
    problems,
  };
}

export type PackSet = Partial<Record<Language, LoadedPack>>;

/**
 * Loads the pack of each language from `packDir/<lang>/`, falling back to the built-in packs
 * as described at the top of this file. Languages without any usable pack are left out.
 */
export function loadPacks(packDir: string | undefined, log: (msg: string) => void): PackSet {
  const set: PackSet = {};
  for (const lang of LANGUAGES) {
    const builtin = loadBuiltin(lang, log);
    if (!packDir || resolve(packDir) === resolve(BUILTIN_PACK_DIR)) {
      if (builtin) set[lang] = builtin;
      continue;
    }
    const dir = join(packDir, lang);
    if (!existsSync(join(dir, 'manifest.json'))) {
      log(`voice: no ${lang} pack in ${packDir}, using the built-in ${lang} pack`);
      if (builtin) set[lang] = builtin;
      continue;
    }
    let raw: RawPack;
    try {
      raw = readPack(dir, lang);
    } catch (e) {
      log(`voice: ${(e as Error).message}; using the built-in ${lang} pack`);
      if (builtin) set[lang] = builtin;
      continue;
    }
    for (const p of raw.problems) log(`voice: ${lang} pack: ${p}`);
    set[lang] = fillFrom(raw, builtin, log);
  }
  return set;
}

function fillFrom(raw: RawPack, builtin: LoadedPack | undefined, log: (msg: string) => void): LoadedPack {
  if (raw.missing.length === 0) return raw.pack;
  const clips = new Map(raw.pack.clips);
  const unfilled: string[] = [];
  for (const key of raw.missing) {
    const clip = builtin?.clips.get(key);
    if (clip) clips.set(key, clip);
    else unfilled.push(key);
  }
  log(
    `voice: ${raw.pack.language} pack "${raw.pack.name}" lacks ${raw.missing.length} clip(s) ` +
      `(${raw.missing.join(' ')}); the built-in voice speaks those`,
  );
  if (unfilled.length) log(`voice: no clip at all for ${unfilled.join(' ')}; those words are skipped`);
  return { ...raw.pack, clips, version: `${raw.pack.version}+${builtin?.version ?? ''}`.slice(0, 21) };
}

/** The built-in packs are read once per process: they never change while it runs. */
const builtinCache = new Map<Language, LoadedPack | null>();

function loadBuiltin(lang: Language, log: (msg: string) => void): LoadedPack | undefined {
  if (!builtinCache.has(lang)) {
    try {
      const raw = readPack(join(BUILTIN_PACK_DIR, lang), lang);
      for (const p of raw.problems) log(`voice: built-in ${lang} pack: ${p}`);
      if (raw.missing.length) log(`voice: built-in ${lang} pack lacks ${raw.missing.join(' ')}`);
      builtinCache.set(lang, raw.pack);
    } catch (e) {
      log(`voice: built-in ${lang} pack unusable: ${(e as Error).message}`);
      builtinCache.set(lang, null);
    }
  }
  return builtinCache.get(lang) ?? undefined;
}

