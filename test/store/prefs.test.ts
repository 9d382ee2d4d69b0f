/**
 * The preferences repository (migration user_prefs) on a real SQLite file: nothing stored reads as
 * {}, a save merges its groups over the stored ones and survives closing the file, a row another
 * version wrote that does not pass the schema reads as never saved, and only real accounts get a row.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, openStore } from '../../server/store';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const HALL_SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

function withAccounts(path: string) {
  const store = createStore(openDatabase(path));
  store.db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(HALL_SETTINGS));
  const user = (id: string) => ({ id, hallId: 'h1', username: id, name: id, role: 'clerk' as const, passwordHash: 'x', skills: [], demoPassword: false, createdAt: '2026-11-30T00:00:00Z' });
  store.users.insert([user('u1'), user('u2')]);
  return store;
}

describe('prefs repository', () => {
  it('reads {} before any save, merges groups, keeps them after the file is closed and opened again', () => {
    const path = join(tempDir('prefs-store-'), 'hall.db');
    const store = withAccounts(path);
    expect(store.prefs.get('u1')).toEqual({});
    const auto = { afterDone: true, whenPrompted: false, seconds: 3 };
    expect(store.prefs.save('u1', { autoCall: auto }, '2026-11-30T01:00:00.000Z')).toEqual({ autoCall: auto });
    // A save that names no group keeps what is there.
    expect(store.prefs.save('u1', {}, '2026-11-30T01:01:00.000Z')).toEqual({ autoCall: auto });
    expect(store.prefs.get('u2')).toEqual({});
    const row = store.db.prepare("SELECT prefs, updated_at FROM user_prefs WHERE user_id = 'u1'").get();
    expect(row).toEqual({ prefs: JSON.stringify({ autoCall: auto }), updated_at: '2026-11-30T01:01:00.000Z' });
    store.close();

    const reopened = openStore(path);
    expect(reopened.prefs.get('u1')).toEqual({ autoCall: auto });
    const changed = { afterDone: false, whenPrompted: true, seconds: 30 };
    expect(reopened.prefs.save('u1', { autoCall: changed }, '2026-12-01T01:00:00.000Z')).toEqual({ autoCall: changed });
    expect(reopened.prefs.get('u1')).toEqual({ autoCall: changed });
    reopened.close();
  });

  it.each([
    ['not JSON', 'nope'],
    ['a countdown not offered', JSON.stringify({ autoCall: { afterDone: true, whenPrompted: true, seconds: 7 } })],
    ['a field of another version in the group', JSON.stringify({ autoCall: { afterDone: true, whenPrompted: true, seconds: 5, sound: 1 } })],
    ['an array', '[]'],
  ])('a stored row that is %s reads as never saved', (_, json) => {
    const store = withAccounts(':memory:');
    store.db.prepare("INSERT INTO user_prefs VALUES ('u1', ?, '2026-11-30T01:00:00.000Z')").run(json);
    expect(store.prefs.get('u1')).toEqual({});
    store.close();
  });

  it('refuses a row for an account that does not exist', () => {
    const store = withAccounts(':memory:');
    expect(() => store.prefs.save('nobody', { autoCall: { afterDone: true, whenPrompted: false, seconds: 5 } }, '2026-11-30T01:00:00.000Z')).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
