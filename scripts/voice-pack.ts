/**
 * Generates the built-in clip packs (server/voice/packs/zh and /en) with espeak-ng (WASM):
 * one clip per word, trimmed, faded and loudness-normalised, written as 16-bit mono WAV,
 * plus manifest.json. The output is committed; run again only to change the voice.
 *
 *   npm run voice:pack                       # both languages into server/voice/packs
 *   npm run voice:pack -- --lang zh --out /tmp/packs
 *
 * A centre's own recordings replace these files one for one (see docs/voice.md).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareClip, resample } from '../server/voice/dsp';
import { createEspeakEngine } from '../server/voice/espeak';
import { ESPEAK_VOICES } from '../server/voice/notice';
import { BUILTIN_PACK_DIR, OUTPUT_RATE, type PackManifest } from '../server/voice/pack';
import { DEFAULT_SENTENCE, LANGUAGES, type Language, requiredKeys } from '../server/voice/text';
import { decodeWav, encodeWav } from '../server/voice/wav';

/** File names for the Mandarin words (ASCII, so any tool and file system copes). */
const ZH_FILES: Record<string, string> = {
  请: 'qing', 号: 'hao', 到: 'dao', 窗口: 'chuangkou', 办理: 'banli',
  零: 'ling', 一: 'yi', 二: 'er', 三: 'san', 四: 'si', 五: 'wu', 六: 'liu', 七: 'qi', 八: 'ba', 九: 'jiu',
  十: 'shi', 百: 'bai', 千: 'qian',
};

/** What espeak is given for a key, where the key alone would be read wrongly. */
const SPOKEN: Record<Language, Record<string, string>> = {
  zh: {},
  en: { number: 'Number' },
};

/** espeak's own pace: a word spoken alone is already long (it ends a sentence), so joined words come out a little slower than speech, which suits a loud hall. */
const WPM: Record<Language, number> = { zh: 175, en: 165 };

function fileFor(lang: Language, key: string): string {
  if (/^[A-Z]$/.test(key)) return `letter-${key}.wav`;
  if (lang === 'zh') {
    const name = ZH_FILES[key];
    if (!name) throw new Error(`no file name for the zh key "${key}"`);
    return `${name}.wav`;
  }
  return `${key.replace(/\s+/g, '-')}.wav`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, lang: { type: 'string', multiple: true } } });
  const out = values.out ?? BUILTIN_PACK_DIR;
  const langs = (values.lang ?? [...LANGUAGES]).map((l) => {
    if (!(LANGUAGES as readonly string[]).includes(l)) throw new Error(`unknown language ${l}`);
    return l as Language;
  });
  const espeak = createEspeakEngine({ log: (m) => console.error(m), timeoutMs: 30_000 });
  try {
    for (const lang of langs) {
      const dir = join(out, lang);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const clips: Record<string, string> = {};
      let bytes = 0;
      for (const key of requiredKeys(lang)) {
        const wav = await espeak.speak(SPOKEN[lang][key] ?? key, ESPEAK_VOICES[lang], { wordsPerMinute: WPM[lang] });
        const pcm = decodeWav(wav);
        const samples = prepareClip(resample(pcm.samples, pcm.sampleRate, OUTPUT_RATE), OUTPUT_RATE);
        if (samples.length === 0) throw new Error(`espeak produced silence for ${lang} "${key}"`);
        const file = fileFor(lang, key);
        const encoded = encodeWav({ sampleRate: OUTPUT_RATE, samples });
        writeFileSync(join(dir, file), encoded);
        clips[key] = file;
        bytes += encoded.length;
      }
      const manifest: PackManifest = {
        format: 'hall-voice-pack',
        version: 1,
        language: lang,
        name: lang === 'zh' ? '默认普通话 (eSpeak NG cmn)' : 'Default English (eSpeak NG en-us)',
        description: 'Built-in synthetic voice; replace with recordings of a human voice, see docs/voice.md.',
        source: `scripts/voice-pack.ts, espeak-ng 1.0.2 (npm, WASM), voice ${ESPEAK_VOICES[lang]}, ${WPM[lang]} wpm`,
        license: 'Generated audio; espeak-ng itself is GPL-3.0-or-later and is not part of the pack.',
        gapMs: lang === 'zh' ? 0 : 20,
        charGapMs: lang === 'zh' ? 40 : 60,
        pauseMs: 250,
        sentence: [...DEFAULT_SENTENCE[lang]],
        clips,
      };
      writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      console.log(`${lang}: ${Object.keys(clips).length} clips, ${(bytes / 1024).toFixed(0)} KiB → ${dir}`);
    }
  } finally {
    await espeak.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
