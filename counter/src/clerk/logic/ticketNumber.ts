/**
 * Reading a ticket number typed for 特呼 (pure). A keypad has no letters, so "12" with the
 * letter of the window's first queue's numbers "A" becomes "A012" (the caller passes the
 * queue's number prefix, which is its code unless a manager set another); "a12" becomes "A012" too. The pattern mirrors
 * TicketNumber in shared/schemas.ts (a test checks they agree).
 */
export const TICKET_NUMBER = /^[A-Z]\d{1,4}$/;

/** Digits are padded to three, as the hall prints them (A001). */
const PAD = 3;

export type NumberInput = { ok: true; number: string } | { ok: false; reason: 'empty' | 'format' };

export function normalizeTicketNumber(input: string, defaultQueue: string | undefined): NumberInput {
  const raw = input.trim().toUpperCase().replace(/\s+/g, '');
  if (!raw) return { ok: false, reason: 'empty' };
  const m = /^([A-Z])?(\d{1,4})$/.exec(raw);
  if (!m) return { ok: false, reason: 'format' };
  const letter = m[1] ?? defaultQueue;
  if (!letter) return { ok: false, reason: 'format' };
  const digits = (m[2] ?? '').padStart(PAD, '0');
  const number = `${letter}${digits}`;
  return TICKET_NUMBER.test(number) ? { ok: true, number } : { ok: false, reason: 'format' };
}

/**
 * The letter digits alone take at a window: that of its first queue's numbers, i.e. the queue's
 * number prefix (号码前缀) when a manager set one, else its code.
 */
export function defaultLetter(
  mapping: readonly { queue: string }[] | undefined,
  queues: readonly { code: string; prefix?: string | undefined }[],
): string | undefined {
  const code = mapping?.[0]?.queue;
  if (code === undefined) return undefined;
  return queues.find((q) => q.code === code)?.prefix ?? code;
}
