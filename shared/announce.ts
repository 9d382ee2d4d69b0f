/**
 * 语音广播: a manager makes the hall's wall displays speak a notice now. The request
 * (`POST /api/announcements`, socket `announce:send`) and the viewer event `announce` it causes.
 * An announcement is not hall state: it carries no seq, and a snapshot holds none (a wall that
 * connects afterwards does not speak it).
 */
import { z } from 'zod';
import { ANNOUNCE_MAX_CHARS, charCount } from './announceText';

export { ANNOUNCE_MAX_CHARS, charCount, noticeAudioUrl } from './announceText';

export const AnnounceLang = z.enum(['zh', 'en']);
export type AnnounceLang = z.infer<typeof AnnounceLang>;

export const AnnounceBody = z.object({
  text: z
    .string()
    .trim()
    .refine((s) => s.length > 0, 'the text is empty')
    .refine((s) => charCount(s) <= ANNOUNCE_MAX_CHARS, `at most ${ANNOUNCE_MAX_CHARS} characters`),
  /** The voice; by default Mandarin when the text holds any Chinese character, English otherwise. */
  lang: AnnounceLang.optional(),
  /**
   * Its English, spoken after it in the same audio and shown on English and bilingual walls
   * (a hall that speaks English). Extension; blank is the same as absent.
   */
  textEn: z
    .string()
    .trim()
    .refine((s) => charCount(s) <= ANNOUNCE_MAX_CHARS, `at most ${ANNOUNCE_MAX_CHARS} characters`)
    .optional(),
  /** Only the walls of this zone (a window zone's name, e.g. 公积金专区) speak it; absent = every wall. */
  zone: z.string().trim().min(1).max(40).optional(),
});
export type AnnounceBody = z.infer<typeof AnnounceBody>;

/** The viewer event `announce`, to the hall room (walls). */
export const Announce = z.object({
  id: z.string(),
  text: z.string(),
  lang: AnnounceLang,
  zone: z.string().optional(),
  /** When it was sent (ISO, server time). */
  at: z.string(),
  /** Same-server path of its audio: /api/audio/notice.wav?text=…&lang=…, chime first (and its English after it). */
  audioUrl: z.string(),
  /** Its English, when it was sent with one (already in `audioUrl`). Extension. */
  textEn: z.string().optional(),
});
export type Announce = z.infer<typeof Announce>;
