/** The 取消自动叫号 key: bound like the others, and added to maps saved before it existed without losing the clerk's own keys. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYS, parseKeyMap, targetForKey, type KeyLike } from '../../counter/src/clerk/logic/shortcuts';

const key = (code: string): KeyLike => ({ code, key: code, ctrlKey: false, altKey: false, metaKey: false });
const { cancelAuto: _added, ...before } = DEFAULT_KEYS;

describe('取消自动叫号 key', () => {
  it('is Backspace by default', () => {
    expect(targetForKey(DEFAULT_KEYS, key('Backspace'))).toBe('cancelAuto');
  });

  it.each<[string, Record<string, string>, string, Record<string, string>]>([
    ['a map saved before it existed gets the default', before, 'Backspace', {}],
    ['…keeping the clerk’s rebinding', { ...before, next: 'F2' }, 'Backspace', { next: 'F2' }],
    ['…or a spare key if the clerk had given Backspace to a button', { ...before, recall: 'Backspace' }, '.', { recall: 'Backspace' }],
    ['…the next spare if that one is taken too', { ...before, recall: 'Backspace', start: '.' }, '+', { recall: 'Backspace', start: '.' }],
    ['a saved binding of its own is kept', { ...before, cancelAuto: 'F9' }, 'F9', {}],
  ])('%s', (_, saved, cancelKey, kept) => {
    const map = parseKeyMap(JSON.stringify(saved));
    expect(map.cancelAuto).toBe(cancelKey);
    expect(map).toMatchObject(kept);
    expect(new Set(Object.values(map)).size).toBe(Object.keys(map).length);
  });

  it('a saved map that gives its own key twice still falls back to the defaults', () => {
    expect(parseKeyMap(JSON.stringify({ ...before, cancelAuto: '1' }))).toEqual(DEFAULT_KEYS);
  });
});
