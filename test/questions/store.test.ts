/** 疑难问题 in SQLite: migration 0034 on a database of 0033, and the repository on a real file (order, publication, seen). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionsRepoOf } from '../../server/questions/questions-repo';
import type { QuestionRec } from '../../server/questions/rules';
import { createStore, openStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { tempDir } from '../support/tmp';

const SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };
const T = Date.parse('2026-11-30T02:00:00Z');

const rec = (over: Partial<QuestionRec>): QuestionRec => ({ id: 'q', text: '要不要原件？', askerId: 'u1', askedAt: T, status: 'open', published: false, ...over });

describe('migration 0034 (questions)', () => {
  it('applies to a database of 0033 holding a hall, and the repository works on it', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      loadMigrations().filter((m) => m.id < 34),
    );
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    expect(() => db.prepare('SELECT 1 FROM questions').get()).toThrow();
    const store = createStore(db);
    expect(db.prepare('SELECT name FROM migrations WHERE id = 34').pluck().get()).toBe('0034_questions.sql');
    const repo = questionsRepoOf(db);
    repo.insert('h1', rec({ id: 'q1', matterId: 'A-01', matterName: '企业设立登记', windowNo: 3 }));
    expect(repo.byId('h1', 'q1')).toEqual({ ...rec({ id: 'q1', matterId: 'A-01', matterName: '企业设立登记', windowNo: 3 }), answer: undefined, answeredById: undefined, answeredByName: undefined, answeredAt: undefined, editedAt: undefined, withdrawnAt: undefined, seenAt: undefined });
    expect(repo.byId('h2', 'q1')).toBeUndefined();
    store.close();
  });
});

describe('questions repository', () => {
  it('keeps questions across a reopen: 待答复 first (oldest first), then newest; published ones; the asker’s seen mark', () => {
    const path = join(tempDir('questions-store-'), 'hall.db');
    let store = openStore(path);
    store.db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(SETTINGS));
    let repo = questionsRepoOf(store.db);
    repo.insert('h1', rec({ id: 'a', askedAt: T }));
    repo.insert('h1', rec({ id: 'b', askedAt: T + 1000 }));
    repo.insert('h1', rec({ id: 'c', askedAt: T + 2000, askerId: 'u2' }));
    repo.insert('h1', rec({ id: 'd', askedAt: T + 3000 }));
    repo.update('h1', rec({ id: 'a', askedAt: T, status: 'answered', answer: '要', answeredById: 'm', answeredByName: '管理员', answeredAt: T + 5000, published: true }));
    repo.update('h1', rec({ id: 'b', askedAt: T + 1000, status: 'answered', answer: '不要', answeredById: 'm', answeredByName: '管理员', answeredAt: T + 6000 }));
    repo.update('h1', rec({ id: 'd', askedAt: T + 3000, status: 'withdrawn', withdrawnAt: T + 4000 }));
    store.close();

    store = openStore(path);
    repo = questionsRepoOf(store.db);
    expect(repo.all('h1', 100).map((q) => q.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(repo.openCount('h1')).toBe(1);
    expect(repo.published('h1').map((q) => [q.id, q.answer, q.answeredByName])).toEqual([['a', '要', '管理员']]);
    expect(repo.ofAsker('h1', 'u1', 100).map((q) => q.id)).toEqual(['d', 'b', 'a']);
    repo.seen('h1', 'u1', T + 9000);
    expect(repo.ofAsker('h1', 'u1', 100).map((q) => q.seenAt)).toEqual([undefined, T + 9000, T + 9000]);
    expect(repo.byId('h1', 'c')?.seenAt).toBeUndefined();
    store.close();
  });
});
