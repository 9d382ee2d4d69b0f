/**
 * The preferences repository (migration user_prefs) on a real SQLite file: nothing stored reads as
 * {}, a save merges its groups over the stored ones and survives closing the file, a row another
 * version wrote that does not pass the schema reads as never saved, and only real accounts get a row.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store';
import { storeWithAccounts } from '../support/store-accounts';
import { tempDir } from '../support/tmp';

describe('prefs repository', () => {
  it('reads {} before any save, merges groups, keeps them after the file is closed and opened again', () => {
    const path = join(tempDir('prefs-store-'), 'hall.db');
    const store = storeWithAccounts(path);
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
    const store = storeWithAccounts(':memory:');
    store.db.prepare("INSERT INTO user_prefs VALUES ('u1', ?, '2026-11-30T01:00:00.000Z')").run(json);
    expect(store.prefs.get('u1')).toEqual({});
    store.close();
  });

  it('refuses a row for an account that does not exist', () => {
    const store = storeWithAccounts(':memory:');
    expect(() => store.prefs.save('nobody', { autoCall: { afterDone: true, whenPrompted: false, seconds: 5 } }, '2026-11-30T01:00:00.000Z')).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
