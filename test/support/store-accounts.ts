/** A store on a real SQLite file (or `:memory:`) with one bare hall `h1` and clerks `u1`, `u2`: for repository tests that need accounts. */
import { createStore } from '../../server/store';
import { openDatabase } from '../../server/store/open';

// Six fields, as a hall was written before later settings existed (the repository fills the rest).
const HALL_SETTINGS = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };

export function storeWithAccounts(path: string) {
  const store = createStore(openDatabase(path));
  store.db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(HALL_SETTINGS));
  const user = (id: string) => ({ id, hallId: 'h1', username: id, name: id, role: 'clerk' as const, passwordHash: 'x', skills: [], demoPassword: false, createdAt: '2026-11-30T00:00:00Z' });
  store.users.insert([user('u1'), user('u2')]);
  return store;
}
