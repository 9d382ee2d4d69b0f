/** 历届光荣榜 in SQLite (its migration, server/store/honor-repo.ts): stints opened and closed on a real file, a same-day correction dropped, the event log's roll changes read back. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { storeWithAccounts } from '../support/store-accounts';
import { tempDir } from '../support/tmp';

const at = (day: string): number => Date.parse(`${day}T02:00:00Z`);
const entry = (clerkId: string, title: string, name = `名${clerkId}`) => ({ clerkId, username: `g${clerkId}`, name, title });

describe('migration honor_history', () => {
  it('applies to a database of the migration before it and starts empty', () => {
    // Found by name: its number is the next free one when it landed.
    const mine = loadMigrations().find((m) => m.name.endsWith('_honor_history.sql'))!;
    const db = openDatabase(':memory:');
    migrate(
      db,
      loadMigrations().filter((m) => m.id < mine.id),
    );
    const store = createStore(db);
    expect(db.prepare('SELECT name FROM migrations WHERE id = ?').pluck().get(mine.id)).toBe(mine.name);
    expect(store.honors.list('h1')).toEqual([]);
    expect(store.honors.begun('h1')).toBe(false);
    store.close();
  });
});

describe('honour record repository', () => {
  it('opens and closes stints on a real file, the newest first, kept over a reopen', () => {
    const path = join(tempDir('honor-history-'), 'hall.db');
    let store = storeWithAccounts(path);
    store.honors.record({ hallId: 'h1', entered: [entry('u1', '10月服务之星'), entry('u2', '岗位标兵')], left: [], day: '2026-10-31', at: at('2026-10-31') });
    store.honors.record({ hallId: 'h1', entered: [entry('u2', '11月服务之星')], left: [{ clerkId: 'u1', title: '10月服务之星' }], day: '2026-11-30', at: at('2026-11-30') });
    store.close();

    store = createStore(openDatabase(path));
    expect(store.honors.list('h1')).toEqual([
      { clerkId: 'u2', username: 'gu2', name: '名u2', title: '11月服务之星', from: '2026-11-30' },
      { clerkId: 'u1', username: 'gu1', name: '名u1', title: '10月服务之星', from: '2026-10-31', to: '2026-11-30' },
      { clerkId: 'u2', username: 'gu2', name: '名u2', title: '岗位标兵', from: '2026-10-31' },
    ]);
    expect(store.honors.ofClerk('h1', 'u2')).toEqual([
      { title: '11月服务之星', from: '2026-11-30' },
      { title: '岗位标兵', from: '2026-10-31' },
    ]);
    expect(store.honors.ofClerk('h1', 'u1')).toEqual([{ title: '10月服务之星', from: '2026-10-31', to: '2026-11-30' }]);
    expect(store.honors.ofClerk('other-hall', 'u1')).toEqual([]);
    store.close();
  });

  it('a stint that ends on the day it began was a correction: it is dropped; one still open is never opened twice', () => {
    const store = storeWithAccounts(':memory:');
    store.honors.record({ hallId: 'h1', entered: [entry('u1', '11月服务支星')], left: [], day: '2026-11-30', at: at('2026-11-30') });
    store.honors.record({ hallId: 'h1', entered: [entry('u1', '11月服务之星')], left: [{ clerkId: 'u1', title: '11月服务支星' }], day: '2026-11-30', at: at('2026-11-30') + 60_000 });
    // Entered again while open (a replay over a record already begun): the first stays.
    store.honors.record({ hallId: 'h1', entered: [entry('u1', '11月服务之星', '改名')], left: [], day: '2026-12-01', at: at('2026-12-01') });
    expect(store.honors.list('h1')).toEqual([{ clerkId: 'u1', username: 'gu1', name: '名u1', title: '11月服务之星', from: '2026-11-30' }]);
    store.close();
  });

  it("reads the roll's changes out of the event log, skipping settings changes that left it alone", () => {
    const store = storeWithAccounts(':memory:');
    const log = store.db.prepare("INSERT INTO events (hall_id, seq, at, actor, type, data) VALUES ('h1', ?, ?, 'm', ?, ?)");
    const settings = (honors?: { clerkId: string; title: string }[]) => ({ notices: [], ...(honors ? { honors } : {}) });
    log.run(1, at('2026-09-30'), 'SettingsChanged', JSON.stringify({ type: 'SettingsChanged', before: settings(), settings: settings([{ clerkId: 'u1', title: '9月服务之星' }]) }));
    log.run(2, at('2026-10-02'), 'SettingsChanged', JSON.stringify({ type: 'SettingsChanged', before: settings([{ clerkId: 'u1', title: '9月服务之星' }]), settings: settings([{ clerkId: 'u1', title: '9月服务之星' }]) }));
    log.run(3, at('2026-10-03'), 'QueueChanged', JSON.stringify({ type: 'QueueChanged' }));
    log.run(4, at('2026-10-31'), 'SettingsChanged', JSON.stringify({ type: 'SettingsChanged', before: settings([{ clerkId: 'u1', title: '9月服务之星' }]), settings: settings([]) }));
    expect(store.honors.loggedChanges('h1')).toEqual([
      { at: at('2026-09-30'), before: undefined, after: [{ clerkId: 'u1', title: '9月服务之星' }] },
      { at: at('2026-10-31'), before: [{ clerkId: 'u1', title: '9月服务之星' }], after: [] },
    ]);
    store.honors.begin('h1', at('2026-11-30'));
    expect(store.honors.begun('h1')).toBe(true);
    store.close();
  });
});
