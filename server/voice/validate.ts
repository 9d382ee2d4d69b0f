/**
 * What a call may ask for, checked in one place for the URL builder, the router and
 * renderCall alike. Ticket and window numbers follow the shared contract's schemas.
 */
import { TicketNumber, WindowNo } from '../../shared/schemas';
import type { CallAnnouncement } from './index';
import { LANGUAGES, type Language } from './text';

/** More than this many repeats is a mistake in the hall settings, not a wish. */
export const MAX_REPEAT = 5;

/** Input the voice cannot speak: answered with 400 BAD_REQUEST. */
export class VoiceInputError extends Error {
  override name = 'VoiceInputError';
}

function isLanguage(s: unknown): s is Language {
  return typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);
}

/**
 * Checks a call and returns it in canonical form (languages deduplicated, in the order given).
 * With `lenient` it never throws but repairs what it can (for building URLs: a bad ticket
 * number still gives a URL, which then answers 400 rather than crashing the caller).
 */
export function normaliseCall(a: CallAnnouncement, opts: { lenient?: boolean } = {}): CallAnnouncement {
  const given: readonly unknown[] = Array.isArray(a.languages) ? a.languages : [];
  const languages = [...new Set(given.filter(isLanguage))];
  const number = String(a.number ?? '').toUpperCase();
  if (opts.lenient) {
    const repeat = Number.isFinite(a.repeat) ? Math.min(MAX_REPEAT, Math.max(1, Math.round(a.repeat))) : 1;
    const windowNo = Number.isFinite(a.windowNo) ? Math.trunc(a.windowNo) : 0;
    return { number, windowNo, languages: languages.length ? languages : ['zh'], repeat };
  }
  if (languages.length === 0 || languages.length !== given.length) {
    throw new VoiceInputError(`languages must be a non-empty list of ${LANGUAGES.join(', ')} without repeats`);
  }
  if (!TicketNumber.safeParse(number).success) throw new VoiceInputError('a ticket number looks like A001');
  if (!WindowNo.safeParse(a.windowNo).success || typeof a.windowNo !== 'number') {
    throw new VoiceInputError('a window number is a whole number from 1 to 9999');
  }
  if (!Number.isInteger(a.repeat) || a.repeat < 1 || a.repeat > MAX_REPEAT) {
    throw new VoiceInputError(`repeat is a whole number from 1 to ${MAX_REPEAT}`);
  }
  return { number, windowNo: a.windowNo, languages, repeat: a.repeat };
}

/** The call addressed by /call/:langs/:repeat/:number/:window.wav; throws VoiceInputError. */
export function parseCallPath(langs: string, repeat: string, number: string, windowFile: string): CallAnnouncement {
  const w = /^([1-9]\d{0,3})\.wav$/.exec(windowFile);
  if (!w?.[1]) throw new VoiceInputError('the call path ends in <window number 1…9999>.wav');
  if (!/^[1-9]\d*$/.test(repeat)) throw new VoiceInputError('repeat is a whole number');
  const languages = langs.split('-');
  if (!languages.every(isLanguage)) throw new VoiceInputError(`languages are ${LANGUAGES.join(', ')} joined by "-"`);
  // The path must be the canonical one callAudioUrl builds: one URL per announcement, so
  // the HTTP and render caches never hold the same audio twice.
  if (number !== number.toUpperCase()) throw new VoiceInputError('a ticket number is written in capitals');
  return normaliseCall({ languages, repeat: Number(repeat), number, windowNo: Number(w[1]) });
}
