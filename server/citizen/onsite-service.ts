/**
 * 场内扫码取号 (动态二维码): while the hall has `mobileOnSite` on, a kiosk's screen shows a QR whose
 * code changes every minute, and a phone ticket (channel `mobile`) must bring a code still in its
 * time. So a number is taken by someone who stood in the hall a few minutes ago, not by a scalper
 * at home with a photo of the entrance poster. The rules are pure (onsite-rules.ts); the key is
 * the hall's own, kept in the database (hall_keys).
 */
import type { OnsiteCode } from '../../shared/mobile';
import type { Reply } from '../../shared/errors';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallKeyRepo } from './hall-key-repo';
import { checkOnsiteCode, onsiteCodeAt } from './onsite-rules';
import type { SettingsRepo } from './settings-repo';

export interface OnsiteDeps {
  hallId: string;
  clock: Clock;
  settings: SettingsRepo;
  keys: HallKeyRepo;
}

export function createOnsiteService({ hallId, clock, settings, keys }: OnsiteDeps) {
  const key = (): string => keys.key(hallId, 'onsite', clock.now());
  return {
    /** Phone tickets need the code of the hall's QR now. */
    required: (): boolean => settings.get(hallId).mobileOnSite,

    /** The QR to show now; `base` is the phone ticketing address (`…/m`). Refused while the setting is off. */
    current(base: string): Reply<OnsiteCode> {
      if (!settings.get(hallId).mobileOnSite) return err('INVALID_STATE', 'this hall does not ask phones for the code of its QR (mobileOnSite is off)');
      const now = clock.now();
      const c = onsiteCodeAt(key(), hallId, now);
      return ok({
        code: c.code,
        url: `${base}?c=${c.code}`,
        rotatesInSeconds: Math.ceil((c.rotatesAt - now) / 1000),
        validSeconds: Math.floor((c.validUntil - now) / 1000),
      });
    },

    /** Lets a phone ticket through with a code still in its time; the refusal says which case it is. */
    check(code: string | undefined): Reply<true> {
      if (code === undefined) return err('UNAUTHORIZED', 'this hall issues phone numbers only to a phone that scanned the QR on a kiosk in the hall (onsite)', 'onsite_code_invalid');
      const v = checkOnsiteCode(key(), hallId, code, clock.now());
      if (v === 'ok') return ok(true);
      return v === 'expired'
        ? err('UNAUTHORIZED', "the hall's QR code scanned is too old: scan the QR on a kiosk's screen again", 'onsite_code_expired')
        : err('UNAUTHORIZED', "this is not a code of the hall's QR: scan the QR on a kiosk's screen", 'onsite_code_invalid');
    },
  };
}

export type OnsiteService = ReturnType<typeof createOnsiteService>;
