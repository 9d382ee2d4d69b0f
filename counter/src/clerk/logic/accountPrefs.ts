/**
 * The clerk's settings kept with the account (pure): what the panel uses once the server has
 * answered, whether this PC's old copy is brought over, and what the settings dialog says about
 * saving. store/accountPrefs.ts runs it.
 */
import type { AutoCallPrefs, MyPrefs } from '../../../../shared/prefs';
import { DEFAULT_AUTO_CALL } from '../../../../shared/prefsValues';

/**
 * - `loading`: asked the server, no answer yet (the panel shows no setting rather than a wrong one);
 * - `unavailable`: the server could not be asked (offline); asked again on reconnect;
 * - `saving` / `saved`: the last change is on its way / kept with the account;
 * - `unsaved`: a change the server has not taken (offline, timeout, refused): it applies on this
 *   panel meanwhile and is sent again on reconnect.
 */
export type PrefsSync = 'loading' | 'unavailable' | 'saving' | 'saved' | 'unsaved';

export interface LoadPlan {
  autoCall: AutoCallPrefs;
  /** Send `autoCall` to the account: it had none, and this PC held the clerk's old setting. */
  upload: boolean;
}

/**
 * The account's settings win. An account that never saved any takes what an earlier version kept
 * on this PC (the move of existing users' settings, done once); with neither, auto-call is off.
 */
export function planLoad(server: MyPrefs, legacy: AutoCallPrefs | null): LoadPlan {
  if (server.autoCall) return { autoCall: server.autoCall, upload: false };
  if (legacy) return { autoCall: legacy, upload: true };
  return { autoCall: { ...DEFAULT_AUTO_CALL }, upload: false };
}
