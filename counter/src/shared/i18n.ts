/**
 * A small i18n: zh-CN first, English switchable. Each page builds its translator from one
 * Chinese dictionary (the source of truth for keys) and an English one that must have the same
 * keys (the type checker enforces it). The choice is remembered per machine.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue';

export type Locale = 'zh' | 'en';
export type Params = Record<string, string | number>;

const STORAGE_KEY = 'hall.staff.locale';

/** "等候 {n} 人" + {n: 3} → "等候 3 人". Unknown placeholders stay visible, to be noticed. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function parseLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'zh';
}

export interface I18n<K extends string> {
  locale: Ref<Locale>;
  t: (key: K, params?: Params) => string;
  /** Pick the zh or en variant of a server-provided name (queue, window, matter). */
  pick: (zh: string, en: string | undefined) => string;
  setLocale: (locale: Locale) => void;
  isZh: ComputedRef<boolean>;
}

export function createI18n<K extends string>(zh: Record<K, string>, en: Record<K, string>): I18n<K> {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const locale = ref<Locale>(parseLocale(stored));
  const apply = (l: Locale): void => {
    if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  };
  apply(locale.value);
  return {
    locale,
    isZh: computed(() => locale.value === 'zh'),
    t: (key, params) => interpolate((locale.value === 'zh' ? zh : en)[key], params),
    pick: (zhName, enName) => (locale.value === 'en' && enName ? enName : zhName),
    setLocale: (l) => {
      locale.value = l;
      if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, l);
      apply(l);
    },
  };
}
