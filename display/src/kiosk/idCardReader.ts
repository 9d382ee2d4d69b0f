/**
 * The two ways a kiosk's ID card reader hands over a number (docs/protocol.md, 实名取号), pure so
 * they are tested without a browser (test/display/idCardReader.test.ts):
 *
 * (a) a keyboard-wedge reader "types" the 18 characters and Enter in one fast burst. A burst is
 *     told from a person at a keyboard by its pace: each key within WEDGE_GAP_MS of the one before,
 *     the whole number within WEDGE_SPAN_MS. Slow typing never counts (the on-screen keypad is the
 *     way to type a number by hand), so a stray keyboard cannot take numbers in someone's name.
 * (b) a vendor shell calls window.postMessage({type: 'hall:idcard', number}, '*').
 */

/** Most time between two keys of one burst: readers send a key every 5–30 ms; people, 18 keys in a row, far slower. */
export const WEDGE_GAP_MS = 80;
/** Most time from the first character to Enter. */
export const WEDGE_SPAN_MS = 1000;
const ID_LENGTH = 18;

export interface WedgeState {
  chars: string;
  firstAt: number;
  lastAt: number;
}

export const emptyWedge = (): WedgeState => ({ chars: '', firstAt: 0, lastAt: 0 });

export interface WedgeStep {
  state: WedgeState;
  /** The 18 characters of a completed burst (x made X), or null. */
  number: string | null;
}

/**
 * One key (KeyboardEvent.key) at `at` ms. A character of a card number continues the burst, or
 * starts a new one after a pause; Enter ends it and yields the number when the burst was an
 * 18-character one fast enough; any other key drops what was gathered.
 */
export function wedgeKey(s: WedgeState, key: string, at: number): WedgeStep {
  if (key === 'Enter') {
    const done = s.chars.length === ID_LENGTH && at - s.lastAt <= WEDGE_GAP_MS && at - s.firstAt <= WEDGE_SPAN_MS;
    return { state: emptyWedge(), number: done ? s.chars.toUpperCase() : null };
  }
  if (!/^[0-9Xx]$/.test(key)) return { state: emptyWedge(), number: null };
  const continues = s.chars.length > 0 && at - s.lastAt <= WEDGE_GAP_MS && s.chars.length < ID_LENGTH;
  return { state: continues ? { chars: s.chars + key, firstAt: s.firstAt, lastAt: at } : { chars: key, firstAt: at, lastAt: at }, number: null };
}

/** The number in a vendor shell's message ({type: 'hall:idcard', number}), or null for any other message. */
export function shellNumber(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { type?: unknown; number?: unknown };
  if (d.type !== 'hall:idcard' || typeof d.number !== 'string') return null;
  return d.number.trim().slice(0, 32);
}

/**
 * What the manual keypad shows of what was typed: never the number in full (people queue behind
 * the citizen). The first 3 and the last 4 typed show, the rest are stars: at the end it reads
 * as the ticket will (110***********1234).
 */
export function typedMask(typed: string): string {
  if (typed.length <= 7) return typed;
  return typed.slice(0, 3) + '*'.repeat(typed.length - 7) + typed.slice(-4);
}
