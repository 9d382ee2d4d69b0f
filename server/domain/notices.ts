/**
 * The hall's notices (公告) and their optional English (`noticesEn`, an extension beside the core
 * `notices`): the English is kept one per notice ('' where a notice has none), so the walls and
 * kiosks can pick either text by index.
 */
import type { HallSettings } from './types';

type Notices = Pick<HallSettings, 'notices' | 'noticesEn'>;

/** `noticesEn` cut or padded with '' to one per notice (a hall saved before it existed has none). */
export function alignNoticesEn(notices: readonly string[], noticesEn: readonly string[] | undefined): string[] {
  return notices.map((_, i) => noticesEn?.[i] ?? '');
}

/**
 * The notices after a settings patch, or why the patch is refused. A patch that sets `notices`
 * without `noticesEn` (a client that knows only the core field) keeps each notice's English by
 * its Chinese text, so removing or reordering notices there does not shift the English onto
 * another notice.
 */
export function patchNotices(before: Notices, patch: Partial<Notices>): Notices | { refused: string } {
  const notices = patch.notices ?? before.notices;
  if (patch.noticesEn !== undefined) {
    if (patch.noticesEn.length > notices.length) return { refused: `noticesEn: at most one per notice (${notices.length})` };
    return { notices, noticesEn: alignNoticesEn(notices, patch.noticesEn) };
  }
  if (patch.notices === undefined) return { notices, noticesEn: before.noticesEn };
  const englishOf = new Map<string, string>();
  before.notices.forEach((n, i) => {
    const en = before.noticesEn[i];
    if (en && !englishOf.has(n)) englishOf.set(n, en);
  });
  return { notices, noticesEn: notices.map((n) => englishOf.get(n) ?? '') };
}
