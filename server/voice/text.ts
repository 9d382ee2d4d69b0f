/**
 * Text normalisation: how a call is spoken, as a list of clip keys.
 *
 * Ticket numbers are read character by character (A001 → A 零 零 一; a TTS engine would say
 * "一百二十三" for B123, which nobody in the hall can match against their slip). Window
 * numbers are read as numerals (12 → 十二, "twelve"), as staff and signs say them.
 * The keys are the words themselves, so a pack's manifest reads like the sentence it speaks.
 */

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
export const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** Largest window number a pack can speak (the contract allows 1…9999). */
export const MAX_WINDOW_NO = 9999;

/** Every numeral word either language may need for 1…9999, and the ticket characters. */
export const NUMERAL_KEYS: Record<Language, readonly string[]> = {
  zh: [...ZH_DIGITS, '十', '百', '千'],
  en: [...EN_DIGITS, ...EN_TEENS, ...EN_TENS.filter((w) => w !== ''), 'hundred', 'thousand'],
};

/** Ticket number → clip keys, one per character: A001 → ['A', '零', '零', '一']. */
export function ticketKeys(number: string, lang: Language): string[] {
  const digits = lang === 'zh' ? ZH_DIGITS : EN_DIGITS;
  return [...number.toUpperCase()].map((ch) => {
    if (ch >= '0' && ch <= '9') return digits[Number(ch)] ?? ch;
    if (LETTERS.includes(ch)) return ch;
    throw new RangeError(`cannot speak "${ch}" in a ticket number`);
  });
}

/** Window number → numeral clip keys: 12 → ['十', '二'] / ['twelve']. */
export function numeralKeys(n: number, lang: Language): string[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WINDOW_NO) throw new RangeError(`cannot speak the number ${n}`);
  return lang === 'zh' ? zhNumeral(n) : enNumeral(n);
}

/**
 * Mandarin reading: 十二 (not 一十二) at the start, 一百一十 inside, 零 once for each gap
 * (一百零五, 一千零五, 一千零一十), nothing for trailing zeros (一千一百).
 */
function zhNumeral(n: number): string[] {
  if (n < 10) return [digit(n)];
  if (n < 20) return n === 10 ? ['十'] : ['十', digit(n - 10)];
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  const out: string[] = [];
  let pendingZero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (out.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) out.push('零');
    pendingZero = false;
    out.push(digit(d));
    if (unit) out.push(unit);
  }
  return out;
}

function digit(d: number): string {
  return ZH_DIGITS[d] ?? '零';
}

/** English reading without "and" (US style, and one clip fewer): 105 → one hundred five. */
function enNumeral(n: number): string[] {
  if (n === 0) return ['zero'];
  const out: string[] = [];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor(n / 100) % 10;
  const rest = n % 100;
  if (thousands) out.push(EN_DIGITS[thousands] ?? '', 'thousand');
  if (hundreds) out.push(EN_DIGITS[hundreds] ?? '', 'hundred');
  if (rest >= 20) {
    out.push(EN_TENS[Math.floor(rest / 10)] ?? '');
    if (rest % 10) out.push(EN_DIGITS[rest % 10] ?? '');
  } else if (rest >= 10) {
    out.push(EN_TEENS[rest - 10] ?? '');
  } else if (rest > 0) {
    out.push(EN_DIGITS[rest] ?? '');
  }
  return out;
}

/** Placeholders a pack's sentence template may hold, besides clip keys. */
export const TICKET_SLOT = '{ticket}';
export const WINDOW_SLOT = '{window}';
/** A short pause inside a sentence (after "Number A 0 0 1"). */
export const PAUSE = ',';

/** The template each built-in pack uses; a centre's pack may reword it in its manifest. */
export const DEFAULT_SENTENCE: Record<Language, readonly string[]> = {
  zh: ['请', TICKET_SLOT, '号', '到', WINDOW_SLOT, '号', '窗口', '办理'],
  en: ['number', TICKET_SLOT, PAUSE, 'please go to counter', WINDOW_SLOT],
};

/** Every key a complete pack of that language holds. */
export function requiredKeys(lang: Language, sentence: readonly string[] = DEFAULT_SENTENCE[lang]): string[] {
  const words = sentence.filter((t) => t !== TICKET_SLOT && t !== WINDOW_SLOT && t !== PAUSE);
  return [...new Set([...words, ...LETTERS, ...NUMERAL_KEYS[lang]])];
}

/**
 * One token of a spoken sentence: a clip to play (`spelled` when it is a character of the
 * ticket number, which gets a slightly longer gap), or a pause.
 */
export type Token = { clip: string; spelled: boolean } | { pause: true };

/** Fills the sentence template for one call. */
export function sentenceTokens(sentence: readonly string[], number: string, windowNo: number, lang: Language): Token[] {
  const out: Token[] = [];
  for (const part of sentence) {
    if (part === TICKET_SLOT) for (const k of ticketKeys(number, lang)) out.push({ clip: k, spelled: true });
    else if (part === WINDOW_SLOT) for (const k of numeralKeys(windowNo, lang)) out.push({ clip: k, spelled: false });
    else if (part === PAUSE) out.push({ pause: true });
    else out.push({ clip: part, spelled: false });
  }
  return out;
}

/** The sentence as a person would read it (logs, tests, docs): "请 A 零 零 一 号 …". */
export function sentenceText(tokens: Token[]): string {
  return tokens
    .map((t) => ('clip' in t ? t.clip : ','))
    .join(' ')
    .replace(/ ,/g, ',');
}

/**
 * Prepares free text (a notice) for espeak: ticket numbers inside it are spelled out the
 * same way calls read them (请B123号 → 请 B 1 2 3 号, each digit on its own), control
 * characters go, whitespace collapses.
 */
export function noticeForEspeak(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/(?<![A-Za-z0-9])([A-Z])(\d{1,4})(?![A-Za-z0-9])/g, (_m, letter: string, digits: string) =>
      ` ${[letter, ...digits].join(' ')} `,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Mandarin if the text holds any CJK ideograph, English otherwise. */
export function detectLanguage(text: string): Language {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text) ? 'zh' : 'en';
}
