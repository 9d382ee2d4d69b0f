/**
 * Clip engine benchmark: milliseconds per announcement, rendering distinct calls (no cache).
 *   npx tsx bench/voice.ts [count]
 */
import { loadPacks } from '../server/voice/pack';
import { renderCallWav } from '../server/voice/render';
import type { CallAnnouncement } from '../server/voice/index';

const count = Number(process.argv[2] ?? 20_000);
const t0 = performance.now();
const packs = loadPacks(undefined, (m) => console.error(m));
const loadMs = performance.now() - t0;

const letters = 'ABCDEFGHJKLRTY';
function call(i: number, languages: CallAnnouncement['languages'], repeat: number): CallAnnouncement {
  const number = `${letters[i % letters.length]}${String(i % 1000).padStart(3, '0')}`;
  return { number, windowNo: 1 + (i % 30), languages, repeat };
}

/** Five batches; the median and the best are reported (the machine is shared: the best is the engine). */
function measure(label: string, languages: CallAnnouncement['languages'], repeat: number): void {
  renderCallWav(packs, call(0, languages, repeat)); // warm-up: the chime is synthesised once
  const batch = Math.max(1, Math.round(count / 5));
  const perCall: number[] = [];
  let bytes = 0;
  for (let b = 0; b < 5; b++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) bytes = renderCallWav(packs, call(b * batch + i, languages, repeat)).length;
    perCall.push((performance.now() - start) / batch);
  }
  perCall.sort((x, y) => x - y);
  const seconds = (bytes - 44) / 2 / 22050;
  console.log(
    `${label.padEnd(10)} median ${perCall[2]?.toFixed(3)} ms, best ${perCall[0]?.toFixed(3)} ms per announcement` +
      `  (${seconds.toFixed(1)} s of audio, ${(bytes / 1024).toFixed(0)} KiB)`,
  );
}

console.log(`packs loaded and prepared in ${loadMs.toFixed(0)} ms; ${count} announcements each:`);
measure('zh ×1', ['zh'], 1);
measure('zh+en ×1', ['zh', 'en'], 1);
measure('zh+en ×2', ['zh', 'en'], 2);
