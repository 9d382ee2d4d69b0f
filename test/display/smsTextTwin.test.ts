/**
 * The phone page takes its 短信提醒 words from display/src/shared/smsText.ts (zod-free, so it loads
 * no kiosk module); the kiosk's ticket screen still has display/src/kiosk/smsText.ts. Until the
 * kiosk's file re-exports the shared one, the two must say the same thing: a citizen reads the
 * same offer at the kiosk and on the phone.
 */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import { SMS_KINDS, type SmsKind } from '../../shared/notify';
import { smsPlan as kioskPlan, smsWords as kioskWords } from '../../display/src/kiosk/smsText';
import { smsPlan, smsWords, type SmsPlan } from '../../display/src/shared/smsText';

const plans: SmsPlan[] = ['near', 'called', 'both'];
const errors: ApiError[] = [
  { code: 'RATE_LIMITED', message: '' },
  { code: 'INVALID_STATE', message: '' },
  { code: 'INTERNAL', message: '' },
];
/** Every function of the words, called with each argument it may get. */
const calls: Record<string, unknown[][]> = {
  offerHint: plans.map((p) => [p]),
  willText: plans.map((p) => ['139****5678', p]),
  fromBooking: plans.map((p) => ['139****5678', p]),
  unsavedWarning: [[5], [30]],
  failed: errors.map((e) => [e]),
};

describe('the phone page and the kiosk offer 短信提醒 in the same words', () => {
  it('smsPlan agrees for every set of kinds, near or not', () => {
    const subsets = Array.from({ length: 1 << SMS_KINDS.length }, (_, m) => SMS_KINDS.filter((_, i) => m & (1 << i)) as SmsKind[]);
    for (const kinds of subsets) for (const near of [false, true]) expect(smsPlan(kinds, near), `${kinds} ${near}`).toBe(kioskPlan(kinds, near));
  });

  for (const lang of ['zh', 'en'] as const) {
    it(lang, () => {
      const shared = smsWords[lang] as unknown as Record<string, unknown>;
      const kiosk = kioskWords[lang] as unknown as Record<string, unknown>;
      expect(Object.keys(shared).sort()).toEqual(Object.keys(kiosk).sort());
      for (const [key, value] of Object.entries(shared)) {
        if (typeof value !== 'function') {
          expect(value, key).toBe(kiosk[key]);
          continue;
        }
        expect(calls[key], `no sample arguments for ${key}`).toBeDefined();
        for (const args of calls[key]!) {
          expect((value as (...a: unknown[]) => unknown)(...args), `${key}(${args})`).toBe((kiosk[key] as (...a: unknown[]) => unknown)(...args));
        }
      }
    });
  }
});
