/** Migration 0006 (queues.prefix): a hall from before it numbers exactly as it did; a set prefix is stored and read back. */
import { describe, expect, it } from 'vitest';
import { decide, evolve, formatNumber } from '../../server/domain';
import { createStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';

const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

describe('queue prefix in the store', () => {
  it('an existing hall (queues written before 0006) keeps its numbering; a prefix set later survives a reload', () => {
    const db = openDatabase(':memory:');
    const before = loadMigrations().filter((m) => m.id < 6);
    migrate(db, before);
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    // The row as the old repository wrote it: twelve columns, no prefix.
    db.prepare("INSERT INTO queues VALUES ('h1', 'F', '不动产登记', 'Real estate', '民生', 20, 0, 1, 999, 6, 8, 300)").run();

    const store = createStore(db);
    expect(db.prepare("SELECT name FROM migrations WHERE id = 6").pluck().get()).toBe('0006_queue_prefix.sql');
    const state = store.halls.load('h1')!;
    const f = state.queues.get('F')!;
    expect(f).not.toHaveProperty('prefix');
    expect(formatNumber(f, f.nextNumber)).toBe('F008');

    const d = decide(state, { type: 'updateQueue', code: 'F', patch: { prefix: 'X' } }, Date.parse('2026-11-30T02:00:00Z'));
    if (!d.ok) throw new Error(d.error.code);
    for (const e of d.events) evolve(state, e);
    store.halls.commit({ hallId: 'h1', seq: 1, at: 0, serviceDay: state.serviceDay, actor: 'test', events: [], tickets: [], windows: [], queues: [state.queues.get('F')!], calls: [] });
    const reloaded = store.halls.load('h1')!.queues.get('F')!;
    expect(reloaded.prefix).toBe('X');
    expect(formatNumber(reloaded, reloaded.nextNumber)).toBe('X008');
    store.close();
  });
});
