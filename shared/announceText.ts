/**
 * The zod-free part of 语音广播 (shared/announce.ts), for the apps' bundles: the length limit as
 * people count it, and the notice audio URL the walls play and the console's 试听 fetches.
 */

/**
 * Longest announcement in characters (code points), the same bound as the server's notice
 * audio (NOTICE_MAX_CHARS in server/voice/notice.ts): about half a minute of speech.
 */
export const ANNOUNCE_MAX_CHARS = 300;

/** Characters as a person counts them (an emoji or a rare ideograph is one, not two UTF-16 units). */
export const charCount = (s: string): number => [...s].length;

/**
 * The notice audio of a text (same-server path), chime first; without a language the server picks
 * by the text. With `textEn` its English follows in the same file (a bilingual 语音广播).
 */
export function noticeAudioUrl(text: string, lang?: 'zh' | 'en', textEn?: string): string {
  const q = new URLSearchParams(lang ? { text, lang } : { text });
  if (textEn) q.set('en', textEn);
  return `/api/audio/notice.wav?${q.toString()}`;
}
