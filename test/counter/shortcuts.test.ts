import { describe, expect, it } from 'vitest';
import {
  assignKey,
  DEFAULT_KEYS,
  keyId,
  keyLabel,
  parseKeyMap,
  SHORTCUT_TARGETS,
  targetForKey,
  type KeyLike,
} from '../../counter/src/clerk/logic/shortcuts';

const key = (code: string, over: Partial<KeyLike> = {}): KeyLike => ({
  code,
  key: code,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...over,
});

describe('key ids', () => {
  it.each([
    ['Digit1', '1'],
    ['Numpad1', '1'],
    ['KeyN', 'N'],
    ['F2', 'F2'],
    ['NumpadAdd', '+'],
    ['NumpadEnter', 'Enter'],
    ['Enter', 'Enter'],
    ['ShiftLeft', null],
    ['Tab', null],
    ['Escape', null],
  ])('%s → %s', (code, id) => expect(keyId(key(code))).toBe(id));

  it('leaves browser shortcuts alone', () => {
    expect(keyId(key('KeyR', { ctrlKey: true }))).toBeNull();
    expect(keyId(key('Digit1', { altKey: true }))).toBeNull();
  });

  it('reads the physical key whatever the input method types', () => {
    expect(keyId(key('Digit3', { key: 'Process' }))).toBe('3');
  });
});

describe('targets', () => {
  it('maps the default keypad digits to the buttons', () => {
    expect(targetForKey(DEFAULT_KEYS, key('Numpad1'))).toBe('next');
    expect(targetForKey(DEFAULT_KEYS, key('Digit4'))).toBe('complete');
    expect(targetForKey(DEFAULT_KEYS, key('Digit0'))).toBe('undo');
    expect(targetForKey(DEFAULT_KEYS, key('KeyQ'))).toBeNull();
  });

  it('ignores auto-repeat of a held key', () => {
    expect(targetForKey(DEFAULT_KEYS, key('Digit1', { repeat: true }))).toBeNull();
  });

  it('has one distinct default key per button', () => {
    const keys = SHORTCUT_TARGETS.map((t) => DEFAULT_KEYS[t]);
    expect(new Set(keys).size).toBe(SHORTCUT_TARGETS.length);
  });
});

describe('assignKey', () => {
  it('binds a free key', () => {
    const r = assignKey(DEFAULT_KEYS, 'next', 'F1');
    expect(r.map.next).toBe('F1');
    expect(r.swappedWith).toBeNull();
  });
  it('swaps with the button that had the key', () => {
    const r = assignKey(DEFAULT_KEYS, 'next', '2');
    expect(r.map.next).toBe('2');
    expect(r.map.recall).toBe('1');
    expect(r.swappedWith).toBe('recall');
  });
});

describe('parseKeyMap', () => {
  it('falls back to defaults for missing, odd or conflicting data', () => {
    expect(parseKeyMap(null)).toEqual(DEFAULT_KEYS);
    expect(parseKeyMap('nope')).toEqual(DEFAULT_KEYS);
    expect(parseKeyMap(JSON.stringify({ next: 'F1' })).next).toBe('F1');
    expect(parseKeyMap(JSON.stringify({ next: 123 })).next).toBe('1');
    expect(parseKeyMap(JSON.stringify({ next: '2' }))).toEqual(DEFAULT_KEYS); // '2' is recall's
  });
});

describe('keyLabel', () => {
  it('names keys in Chinese where the key cap has a word', () => {
    expect(keyLabel('Enter', 'zh')).toBe('回车');
    expect(keyLabel('Enter', 'en')).toBe('Enter');
    expect(keyLabel('3', 'zh')).toBe('3');
  });
});
