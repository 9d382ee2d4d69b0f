/**
 * Keyboard shortcuts of the clerk panel (pure). USB calling keypads (呼叫器) are keyboards
 * that type keys, mostly digits, so the defaults are the digits 1–9 and 0, and the number row
 * and the numeric keypad count as the same key. Each counter PC keeps its own mapping.
 */
import { ACTIONS } from './actions';
import { storedObject } from './storedObject';

/** Every button with a shortcut: the actions, undoing a no-show, and cancelling a 自动叫号 countdown. */
export const SHORTCUT_TARGETS = [...ACTIONS, 'undo', 'cancelAuto'] as const;
export type ShortcutTarget = (typeof SHORTCUT_TARGETS)[number];
export type KeyMap = Record<ShortcutTarget, string>;

export const DEFAULT_KEYS: KeyMap = {
  next: '1',
  recall: '2',
  start: '3',
  complete: '4',
  noShow: '5',
  transfer: '6',
  call: '7',
  pause: '8',
  resume: '9',
  undo: '0',
  // Most USB keypads have it; Escape cancels too (it is not bindable: dialogs use it).
  cancelAuto: 'Backspace',
};

/** Buttons added after clerks had saved maps: a saved map without them is not odd. */
const ADDED_LATER: readonly ShortcutTarget[] = ['cancelAuto'];
/** Keys for such a button when the clerk had given its default to another button. */
const SPARE_KEYS = ['.', '+', '-', '*', '/', 'Enter', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10'];

export interface KeyLike {
  code: string;
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
}

const NUMPAD_SIGNS: Record<string, string> = {
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
  NumpadDecimal: '.',
  NumpadEnter: 'Enter',
};

/**
 * A stable id for the key pressed, or null for keys we never bind (with Ctrl/Alt/Meta, which
 * belong to the browser, and lone modifiers). Uses the physical `code` so an active Chinese
 * input method or NumLock state does not change which action a key triggers.
 */
export function keyId(e: KeyLike): string | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const { code } = e;
  let m = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (m) return m[1] ?? null;
  m = /^Key([A-Z])$/.exec(code);
  if (m) return m[1] ?? null;
  if (/^F([1-9]|1[0-2])$/.test(code)) return code;
  const sign = NUMPAD_SIGNS[code];
  if (sign) return sign;
  if (/^(Shift|Control|Alt|Meta|CapsLock|NumLock|Tab|Escape)/.test(code)) return null;
  return code || null;
}

/** Which button a key press is for, if any. Auto-repeat (a key held down) never counts. */
export function targetForKey(map: KeyMap, e: KeyLike): ShortcutTarget | null {
  if (e.repeat) return null;
  const id = keyId(e);
  if (!id) return null;
  return SHORTCUT_TARGETS.find((t) => map[t] === id) ?? null;
}

/**
 * Bind `target` to `id`. If another button had that key, the two swap keys: no button is
 * ever left without a key and no key ever means two buttons.
 */
export function assignKey(map: KeyMap, target: ShortcutTarget, id: string): { map: KeyMap; swappedWith: ShortcutTarget | null } {
  const other = SHORTCUT_TARGETS.find((t) => t !== target && map[t] === id) ?? null;
  const next: KeyMap = { ...map, [target]: id };
  if (other) next[other] = map[target];
  return { map: next, swappedWith: other };
}

/** Read a stored mapping; anything odd (hand-edited, older version) falls back to defaults. */
export function parseKeyMap(raw: string | null): KeyMap {
  const source = storedObject(raw);
  if (!source) return { ...DEFAULT_KEYS };
  const map = { ...DEFAULT_KEYS };
  for (const t of SHORTCUT_TARGETS) {
    const v = source[t];
    if (typeof v === 'string' && v.length > 0 && v.length <= 20) map[t] = v;
  }
  // A button newer than the saved map gets its default key, or a spare one if the clerk had
  // given that key to another button: their own keys are kept either way.
  for (const t of ADDED_LATER) {
    if (source[t] !== undefined || !SHORTCUT_TARGETS.some((o) => o !== t && map[o] === map[t])) continue;
    const spare = SPARE_KEYS.find((k) => !Object.values(map).includes(k));
    if (spare) map[t] = spare;
  }
  const ids = SHORTCUT_TARGETS.map((t) => map[t]);
  return new Set(ids).size === ids.length ? map : { ...DEFAULT_KEYS };
}

const ZH_NAMES: Record<string, string> = { Enter: '回车', Space: '空格', Backspace: '退格', Delete: '删除' };

/** What the key cap shows on a button. */
export function keyLabel(id: string, locale: 'zh' | 'en'): string {
  if (locale === 'zh' && ZH_NAMES[id]) return ZH_NAMES[id];
  return id.replace(/^Arrow/, '').replace(/^Numpad/, 'Num ');
}
