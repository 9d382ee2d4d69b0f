/**
 * The phone page says its wait with display/src/shared/eta.ts (so it loads none of the kiosk's
 * words); the kiosk's ticket still uses display/src/kiosk/kioskText.ts. Until the kiosk's file
 * re-exports the shared one, both must round and word a wait the same: a citizen reads the same
 * wait on the printed ticket and on the phone.
 */
import { describe, expect, it } from 'vitest';
import * as kiosk from '../../display/src/kiosk/kioskText';
import * as shared from '../../display/src/shared/eta';

const words: shared.EtaWords = { eta: (m) => `eta ${m}`, etaRange: (lo, hi) => `range ${shared.minutesSpan(lo, hi)}` };
const kioskWords: shared.EtaWords = { eta: (m) => `eta ${m}`, etaRange: (lo, hi) => `range ${kiosk.minutesSpan(lo, hi)}` };
const seconds = [-5, 0, 1, 59, 60, 61, 119, 120, 121, 299, 300, 301, 599, 600, 3599, 3600, 7261];

describe('the phone page and the kiosk say a wait the same way', () => {
  it('minutes, ranges and the line', () => {
    for (const s of seconds) {
      expect(shared.etaMinutes(s), `${s}`).toBe(kiosk.etaMinutes(s));
      expect(shared.etaText(words, { etaSeconds: s }), `${s}`).toBe(kiosk.etaText(kioskWords, { etaSeconds: s }));
      for (const hi of seconds) {
        const range = [s, hi] as const;
        expect(shared.etaRangeMinutes(range), `${range}`).toEqual(kiosk.etaRangeMinutes(range));
        expect(shared.etaText(words, { etaSeconds: hi, etaRangeSeconds: range }), `${range}`).toBe(
          kiosk.etaText(kioskWords, { etaSeconds: hi, etaRangeSeconds: range }),
        );
      }
    }
    expect(shared.etaRangeMinutes(undefined)).toBe(kiosk.etaRangeMinutes(undefined));
    expect(shared.minutesSpan(3, 8)).toBe(kiosk.minutesSpan(3, 8));
  });

  it('the comparison sees a range and a single number (so it can fail)', () => {
    expect(shared.etaText(words, { etaSeconds: 400, etaRangeSeconds: [180, 480] })).toBe('range 3\u2060–\u20608');
    expect(shared.etaText(words, { etaSeconds: 61 })).toBe('eta 2');
  });
});
