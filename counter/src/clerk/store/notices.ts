/**
 * The panel's notice bar: the result of the last command, in words. A success goes by itself
 * after a few seconds; an error stays until the next notice or the clerk closes it.
 */
import { shallowRef } from 'vue';
import type { Params } from '../../shared/i18n';
import type { TextKey } from '../text';

/** A name the server gives in both languages (a window, a queue). */
export interface Bilingual {
  zh: string;
  en?: string | undefined;
}

/**
 * Kept as a key, not text, so switching the language re-renders it; for the same reason names
 * (window, queue) are kept in both languages and picked when shown.
 */
export interface Notice {
  kind: 'ok' | 'error';
  key: TextKey;
  params?: Params | undefined;
  names?: Record<string, Bilingual> | undefined;
  id: number;
}

export type Say = (kind: Notice['kind'], key: TextKey, params?: Params, names?: Notice['names']) => void;

const NOTICE_MS = 6_000;

export function createNotices() {
  const notice = shallowRef<Notice | null>(null);
  let noticeId = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const say: Say = (kind, key, params, names) => {
    notice.value = { kind, key, params, names, id: ++noticeId };
    clearTimeout(noticeTimer);
    if (kind === 'ok') noticeTimer = setTimeout(() => (notice.value = null), NOTICE_MS);
  };
  return { notice, say, dismiss: () => (notice.value = null) };
}
