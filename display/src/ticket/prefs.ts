/** The phone page remembers the citizen's large-type and language choice (localStorage). */
import type { Lang } from '../shared/i18n';

const KEY = 'hall.citizen.prefs';

export interface Prefs {
  large: boolean;
  lang: Lang;
}

export function loadPrefs(storage: Pick<Storage, 'getItem'>): Prefs {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<Record<keyof Prefs, unknown>>;
    return { large: raw.large === true, lang: raw.lang === 'en' ? 'en' : 'zh' };
  } catch {
    return { large: false, lang: 'zh' };
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'>, prefs: Prefs): void {
  try {
    storage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or a full storage: the choice lasts this visit only.
  }
}
