/** 自助机呼叫工作人员 in SQLite: migration 0030 on a database of 0029, and the repository on a real file (one live call per kiosk held by the database). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKioskHelpRepo } from '../../server/kioskHelp/kiosk-help-repo';
import type { KioskHelpRec } from '../../server/kioskHelp/rules';
import { createStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };
const T0 = Date.parse('2026-11-30T01:00:00Z');

const rec = (over: Partial<KioskHelpRec> = {}): KioskHelpRec => ({
  id: 'c1',
  serviceDay: '2026-11-30',
  kioskId: 'kiosk-aaaaaaaa',
  kioskNo: 1,
  status: 'open',
  raisedAt: T0,
  raisedBy: 'public',
  ...over,
});

function oldDatabase(path: string) {
  const db = openDatabase(path);
  migrate(
    db,
    loadMigrations().filter((m) => m.id < 30),
  );
  db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
  return db;
}

describe('migration 0030 (kiosk_help_calls)', () => {
  it('applies to a database of 0029 and keeps what was there', () => {
    const path = join(tempDir('kiosk-help-mig-'), 'hall.db');
    const db = oldDatabase(path);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'kiosk_help_calls'").pluck().get()).toBe(0);
    const store = createStore(db);
    expect(db.prepare('SELECT name FROM migrations WHERE id = 30').pluck().get()).toBe('0030_kiosk_help.sql');
    expect(db.prepare("SELECT name FROM halls WHERE id = 'h1'").pluck().get()).toBe('大厅');
    const repo = createKioskHelpRepo(store.db);
    expect(repo.live('h1')).toEqual([]);
    // A status outside the closed list is refused by the table itself.
    expect(() => repo.put('h1', rec({ status: 'lost' as KioskHelpRec['status'] }))).toThrow(/CHECK/);
    store.close();
  });
});

describe('kiosk help repository', () => {
  it('round-trips calls on a real file, one live call per kiosk, days and live lists', () => {
    const path = join(tempDir('kiosk-help-store-'), 'hall.db');
    let store = createStore(oldDatabase(path));
    let repo = createKioskHelpRepo(store.db);
    repo.put('h1', rec());
    // The partial unique index: a second live call of the same kiosk is refused.
    expect(() => repo.put('h1', rec({ id: 'c2' }))).toThrow(/UNIQUE/);
    repo.put('h1', rec({ id: 'c3', kioskId: 'kiosk-bbbbbbbb', kioskNo: undefined, kioskName: '东门取号机', raisedAt: T0 + 1000, raisedBy: 'u-kiosk' }));
    repo.put('h1', rec({ id: 'c4', kioskId: 'kiosk-cccccccc', serviceDay: '2026-11-29', raisedAt: T0 - 86_400_000 }));
    store.close();

    store = createStore(openDatabase(path));
    repo = createKioskHelpRepo(store.db);
    expect(repo.byId('h1', 'c1')).toEqual(rec());
    expect(repo.byId('h1', 'c3')).toEqual(rec({ id: 'c3', kioskId: 'kiosk-bbbbbbbb', kioskNo: undefined, kioskName: '东门取号机', raisedAt: T0 + 1000, raisedBy: 'u-kiosk' }));
    expect(repo.byId('h1', 'c3')).not.toHaveProperty('kioskNo');
    expect(repo.ofDay('h1', '2026-11-30').map((r) => r.id)).toEqual(['c3', 'c1']);
    expect(repo.live('h1').map((r) => r.id)).toEqual(['c4', 'c1', 'c3']);
    expect(repo.liveOf('h1', 'kiosk-aaaaaaaa')?.id).toBe('c1');

    // Its moves are written; which kiosk and when are not.
    const done = rec({ status: 'resolved', acknowledgedBy: 'g1', acknowledgedAt: T0 + 30_000, closedBy: 'g1', closedAt: T0 + 60_000 });
    repo.put('h1', { ...done, kioskId: 'kiosk-zzzzzzzz', raisedAt: 1 });
    expect(repo.byId('h1', 'c1')).toEqual(done);
    expect(repo.liveOf('h1', 'kiosk-aaaaaaaa')).toBeUndefined();
    // Once ended, the kiosk may call again.
    repo.put('h1', rec({ id: 'c5', raisedAt: T0 + 120_000 }));
    expect(repo.liveOf('h1', 'kiosk-aaaaaaaa')?.id).toBe('c5');
    expect(repo.live('h2')).toEqual([]);
    store.close();
  });
});
