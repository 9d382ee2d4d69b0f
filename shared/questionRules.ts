/**
 * 疑难问题反映与解答's limits and pure rules, without zod: the clerk panel checks a question and
 * searches the 常见问题 by them without carrying the schema library; the server checks the same
 * (shared/questions.ts builds its schemas from these limits and re-exports everything here).
 */

/** At most this many characters of a question, and of an answer. */
export const QUESTION_TEXT_MAX = 500;
export const ANSWER_TEXT_MAX = 2000;
/** At most this many characters of a search. */
export const QUESTION_SEARCH_MAX = 40;

/**
 * What looks like a citizen's personal data in a question: an 18-digit 居民身份证 number (the last
 * may be X) or an 11-digit mainland mobile number. A question is about the rules, never about a
 * person: the hint says so, and the server refuses such a text (it is kept and may be published).
 * Digits inside a longer run of digits (a 统一社会信用代码 has letters; a document number may be long)
 * are not taken for one.
 */
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export function personalDataIn(text: string): 'id_card' | 'phone' | undefined {
  const compact = text.replace(/[\s-]/g, '');
  if (ID_CARD.test(compact)) return 'id_card';
  if (MOBILE.test(compact)) return 'phone';
  return undefined;
}

/** The words of a search: split on spaces and punctuation, empty ones dropped, lower case. */
export function searchWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[\s,，。、;；:：?？!！/]+/)
    .filter((w) => w.length > 0);
}

/** Does a question and its answer hold every word of the search (an empty search matches all)? */
export function matchesWords(words: readonly string[], ...texts: readonly string[]): boolean {
  const hay = texts.join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}
